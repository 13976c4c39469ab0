/**
 * Phrases residents use in group chats, per category, written for the benchmark (not copied from
 * the training corpus or test fixtures). The generator combines them with openings, places,
 * details and closings, so texts vary in words and length.
 */
export const PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  lighting: [
    "楼道灯不亮了",
    "声控灯坏了，晚上上楼黑漆漆的",
    "门口的路灯一闪一闪的",
    "地下车库的灯灭了一大片",
    "楼梯间的感应灯怎么拍都不亮",
    "单元门口那盏灯好几天没亮了",
    "小区主干道路灯一到晚上就熄",
  ],
  drainage: [
    "下水道堵了，污水往外冒",
    "窨井盖那边在冒臭水",
    "雨后门口积水一大片走不过去",
    "化粪池满了，味道很大",
    "厨房下水管返水，楼下也遭殃",
    "楼前排水沟堵死了",
  ],
  utilities: [
    "家里停水了，也没有通知",
    "水压特别低，楼上基本没水",
    "楼道里水管爆了，水哗哗地流",
    "整栋楼停电了",
    "楼道里有一股燃气味",
    "暖气一点都不热",
    "自来水发黄，有铁锈味",
  ],
  elevator: [
    "电梯坏了停在半层",
    "电梯运行的时候有很大的异响",
    "电梯里困人了，按警铃没人应",
    "电梯门关不上一直在开开关关",
    "电梯年检标志过期了还在用",
  ],
  garbage: [
    "垃圾桶满了好几天没人清运",
    "有人在楼下乱倒建筑垃圾",
    "垃圾分类点臭气熏天",
    "绿化带里堆满了生活垃圾",
    "大件家具扔在路边没人管",
  ],
  parking: [
    "消防通道上停满了车",
    "有辆车堵在单元门口好几天了",
    "僵尸车一直占着车位不动",
    "电动车乱停把人行道都堵了",
    "外来车辆随便停在绿化带上",
  ],
  noise: [
    "晚上十一点了还在装修电钻声不停",
    "广场舞音响开得太大声了",
    "楼下烧烤店半夜还在吵",
    "工地夜里施工轰隆隆的睡不着",
    "楼上天天半夜拖椅子蹦跳",
  ],
  fire_safety: [
    "有人把电动车推进楼道充电",
    "楼道里拉飞线给电瓶车充电",
    "安全出口被杂物堵住了",
    "楼道里堆满纸箱和旧家具",
    "消火栓箱里的水带不见了",
    "灭火器都过期了",
  ],
  public_security: [
    "门禁坏了，晚上陌生人随便进",
    "车棚里电动车电瓶被偷了",
    "有可疑的人在楼下挨家挨户看门牌",
    "有人冒充物业上门收费",
    "楼下有人打架，吵得很凶",
  ],
  facilities: [
    "路面破了个大坑",
    "井盖缺了一块很危险",
    "健身器材坏了，螺丝都松了",
    "单元门关不上了",
    "信报箱被撬坏了",
    "儿童滑梯断了一截",
    "小区围栏倒了一段",
  ],
  property_service: [
    "物业报修一个礼拜了还没人来",
    "物业收费不明不白的",
    "保安经常不在岗位上",
    "物业客服态度很差",
    "公共区域的保洁好久没做了",
  ],
  greening: [
    "大树枝快断了悬在路上",
    "草坪全枯了没人管",
    "有人毁了绿化在种菜",
    "杂草长得比人还高",
    "树根把路面都顶起来了",
  ],
  animals: [
    "遛狗不牵绳，孩子被吓哭了",
    "到处都是狗屎没人清理",
    "流浪猫越来越多，晚上叫个不停",
    "楼道里发现老鼠",
    "窗台外面有个马蜂窝",
    "楼下的狗整夜叫",
  ],
  neighbor_dispute: [
    "楼上漏水把我家天花板泡坏了，找他们不理",
    "邻居把鞋柜放在公共走廊上占地方",
    "隔壁的空调外机对着我家窗户吹",
    "对门邻居家里有很重的异味",
    "邻居在楼道里吵架吵了一晚上",
  ],
  assistance: [
    "独居老人好几天没出门了，敲门没人应",
    "楼上的老人摔倒了起不来",
    "残疾人家里需要上门帮忙",
    "孤寡老人家里没人照顾，饭都吃不上",
    "有位老人迷路了在小区门口转",
  ],
  other: [
    "小区能不能装个快递柜",
    "想问问社区什么时候组织体检",
    "门口的公告栏信息太旧了",
    "建议小区多放几个休息的长椅",
  ],
};

/** A few English reports, as the district's foreign residents write them. */
export const ENGLISH_PROBLEMS: Readonly<Record<string, readonly string[]>> = {
  lighting: ["the stairwell lights are out again", "the street lamp by the gate keeps flickering"],
  drainage: ["the drain outside is blocked and smells awful"],
  utilities: ["no water since this morning", "there is a smell of gas in the stairwell"],
  elevator: ["the lift is stuck between floors", "the elevator makes a loud grinding noise"],
  garbage: ["the bins have not been emptied for days"],
  parking: ["a car is blocking the fire lane"],
  noise: ["drilling upstairs after 11pm every night"],
  fire_safety: ["someone is charging an e-bike in the corridor"],
  animals: ["dog poo everywhere on the path"],
};

export const OPENINGS = [
  "",
  "",
  "",
  "网格员你好，",
  "各位邻居，",
  "@网格员 ",
  "麻烦问一下，",
  "反映个问题：",
  "又来了，",
  "你好，",
];

export const DETAILS = [
  "",
  "",
  "",
  "好几天了",
  "从昨天晚上开始",
  "已经跟物业说过了没用",
  "老人孩子进出很不方便",
  "这个月第二次了",
  "早上七点多发现的",
  "大家都在群里说",
  "拍了照片可以发给你们",
  "周末一直这样",
];

export const CLOSINGS = [
  "",
  "",
  "",
  "麻烦尽快处理",
  "谢谢！",
  "请派人来看看",
  "急急急",
  "辛苦了🙏",
  "希望能尽快解决，不然大家都很烦",
  "能不能给个说法",
];

export const ENGLISH_CLOSINGS = ["", "please help", "thanks", "can someone come and check?"];
