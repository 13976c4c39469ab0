/**
 * The default ticket categories and bot intents of ../shared/taxonomy.md. The codes are a
 * contract between the classifier, the routing rules and every evaluation file.
 */
export const DEFAULT_CATEGORY_CODES = [
  "lighting",
  "drainage",
  "utilities",
  "elevator",
  "garbage",
  "parking",
  "noise",
  "fire_safety",
  "public_security",
  "facilities",
  "property_service",
  "greening",
  "animals",
  "neighbor_dispute",
  "assistance",
  "other",
] as const;
export type DefaultCategoryCode = (typeof DEFAULT_CATEGORY_CODES)[number];

export interface CategoryDefinition {
  readonly code: string;
  readonly nameZh: string;
  readonly nameEn: string;
  readonly descriptionZh: string;
  readonly descriptionEn: string;
}

export const DEFAULT_CATEGORIES: readonly CategoryDefinition[] = [
  {
    code: "lighting",
    nameZh: "照明",
    nameEn: "Lighting",
    descriptionZh: "路灯、楼道灯、声控灯不亮或闪烁（整栋楼停电属于水电气暖）",
    descriptionEn:
      "Street lamps, corridor and stairwell lights out or flickering (a whole-building power cut is utilities)",
  },
  {
    code: "drainage",
    nameZh: "排水",
    nameEn: "Drainage",
    descriptionZh: "下水道堵塞、污水井冒水、化粪池、雨后积水（自来水管爆裂属于水电气暖）",
    descriptionEn:
      "Blocked sewers and drains, overflowing manholes, septic tanks, standing water (a burst supply pipe is utilities)",
  },
  {
    code: "utilities",
    nameZh: "水电气暖",
    nameEn: "Water, power, gas, heating",
    descriptionZh: "停水、水压低、水管爆裂、水质差、停电、燃气异味、暖气不热",
    descriptionEn:
      "Water cut or low pressure, burst pipes, dirty water, power cuts, gas smell, heating not warm",
  },
  {
    code: "elevator",
    nameZh: "电梯",
    nameEn: "Lifts",
    descriptionZh: "电梯故障、困人、异响、年检过期",
    descriptionEn: "Lift broken, stuck, people trapped, strange noise, inspection out of date",
  },
  {
    code: "garbage",
    nameZh: "环境卫生",
    nameEn: "Rubbish and cleanliness",
    descriptionZh: "垃圾未清运、垃圾桶满溢、建筑垃圾乱倒、公共区域脏乱、分类点（狗粪属于宠物与动物）",
    descriptionEn:
      "Rubbish not collected, overflowing bins, dumped construction waste, dirty public areas (dog mess is animals)",
  },
  {
    code: "parking",
    nameZh: "停车秩序",
    nameEn: "Parking",
    descriptionZh:
      "机动车、电动车、共享单车乱停，僵尸车，车库出入口被堵，停车纠纷（占用消防通道属于消防安全）",
    descriptionEn:
      "Disorderly parking, zombie cars, blocked garage entrances, parking disputes (a fire lane is fire safety)",
  },
  {
    code: "noise",
    nameZh: "噪音扰民",
    nameEn: "Noise",
    descriptionZh: "违规时间装修、广场舞、夜间商铺、夜间施工、邻居吵闹（狗叫属于宠物与动物）",
    descriptionEn:
      "Renovation out of hours, square dancing, late shops, night construction, loud neighbours (barking is animals)",
  },
  {
    code: "fire_safety",
    nameZh: "消防安全",
    nameEn: "Fire safety",
    descriptionZh: "楼道充电、飞线充电、消防通道或安全出口堵塞、楼道堆物、灭火器消火栓损坏",
    descriptionEn:
      "E-bikes charged indoors or by flying cables, blocked fire lanes or exits, stairwell clutter, broken extinguishers",
  },
  {
    code: "public_security",
    nameZh: "治安",
    nameEn: "Public security",
    descriptionZh: "盗窃、可疑人员、诈骗、打架、门禁坏了夜里陌生人随便进",
    descriptionEn: "Theft, suspicious people, scams, fights, broken access control letting strangers in",
  },
  {
    code: "facilities",
    nameZh: "公共设施",
    nameEn: "Public facilities",
    descriptionZh: "道路破损、井盖缺失、健身器材、座椅、围栏、单元门、信报箱、游乐设施",
    descriptionEn:
      "Broken roads and pavements, missing manhole covers, fitness equipment, benches, fences, entrance doors",
  },
  {
    code: "property_service",
    nameZh: "物业服务",
    nameEn: "Property management",
    descriptionZh: "物业不作为、收费、态度、维修慢、保安不在岗（具体故障按故障归类）",
    descriptionEn:
      "Property company not doing its job, fees, attitude, slow repairs, guards absent (a named fault goes to its category)",
  },
  {
    code: "greening",
    nameZh: "绿化",
    nameEn: "Greenery",
    descriptionZh: "树木需修剪或倒伏、草坪枯死、毁绿种菜、杂草、树根顶起路面",
    descriptionEn:
      "Trees to prune or fallen, dead lawns, green space dug up for vegetables, weeds, roots lifting paving",
  },
  {
    code: "animals",
    nameZh: "宠物与动物",
    nameEn: "Pets and animals",
    descriptionZh: "狗粪、遛狗不牵绳、狗叫、流浪猫狗、老鼠、鸽子、马蜂窝",
    descriptionEn: "Dog mess, unleashed or barking dogs, strays, rats, pigeons, insect nests",
  },
  {
    code: "neighbor_dispute",
    nameZh: "邻里纠纷",
    nameEn: "Neighbour disputes",
    descriptionZh: "楼上漏水、邻里争吵、侵占公共空间、邻居家异味（单纯噪音属于噪音扰民）",
    descriptionEn:
      "Water leaking into the flat below, quarrels, encroachment on shared space, smells (noise alone is noise)",
  },
  {
    code: "assistance",
    nameZh: "困难帮扶",
    nameEn: "Assistance",
    descriptionZh:
      "独居老人需要帮助、残疾人需要支持、补贴咨询、多日未见人（急症仍归此类，紧急，提醒拨打120）",
    descriptionEn:
      "Elderly living alone, disabled residents, welfare questions, someone not seen for days (emergencies: call 120)",
  },
  {
    code: "other",
    nameZh: "其他",
    nameEn: "Other",
    descriptionZh: "不属于以上类别的投诉或诉求",
    descriptionEn: "Any complaint or request that fits none of the above",
  },
];

export const INTENT_CODES = [
  "report",
  "ticket_status",
  "points_balance",
  "points_redeem",
  "checkin",
  "booking_create",
  "booking_query",
  "close_case",
  "summary",
  "help",
  "chitchat",
] as const;
export type IntentCode = (typeof INTENT_CODES)[number];
