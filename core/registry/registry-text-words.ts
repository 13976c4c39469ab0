// The words and patterns of registry-text: how grid workers write addresses, names, phones and
// relatives, and the words of the problems residents report, kept apart from the parsing so the
// lists can grow without touching the logic.
import { chineseNumeral } from "../shared/chinese-numerals";
import { TAG_WORDS, type VulnerableTag } from "./resident";

/** "a|b|c" → ["a", "b", "c"]: long word lists stay readable on a few lines. */
export function words(list: string): string[] {
  return list.split("|");
}

/** Regex alternation of words, longest first so "外甥女" wins over "外甥". */
export function alternation(list: readonly string[]): string {
  return [...list]
    .sort((a, b) => b.length - a.length)
    .map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    .join("|");
}

/** Full-width letters, digits and punctuation to ASCII; separators (，、。() …) to spaces. */
export function normalizeText(text: string): string {
  return text
    .replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .replace(/[\u2010-\u2015\u2212]/g, "-")
    .replace(/[\s\u3000,，、;；。:()（）【】[\]「」《》"“”'‘’!~…]+/g, " ")
    .replace(/\.(?!\d)/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export const CN_NUM = "[零〇一二两三四五六七八九十百]+";
/** A building or unit number: digits or Chinese numerals (三, 十二). */
export const NUM = `(?:\\d{1,3}|${CN_NUM})`;
export const BUILDING_SUFFIX = "(?:栋|号楼|幢|座)";

/** "三" → "3", "12" → "12" (the digits place-matching compares). */
export function numberText(raw: string): string | null {
  const n = chineseNumeral(raw);
  return n === null ? null : String(n);
}

/** Common surnames: a name must start with one, so "漏水了" or "家里没人" is never a name. */
const SURNAMES = new Set(
  "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付傅方白邹孟熊秦邱江尹薛闫阎段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳穆农司卓古吉缪简项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟臧闵苟邬边卞姬仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩佘池查麻苑迟邝官封谈匡鞠惠荆乐冀郁胥南班储栗燕楚鄢劳谌奚皮粟冼蔺盘满闻厉伊仝郜阚权强帅屠豆朴盖练廉禹井祖漆巴丰支卿狄计索宣晋初容扈晁芮阙浦戈伏鹿薄邸雍辜羊乌母裘亓邰赫杭况宿鲜印逯隆茹诸战慕危银亢嵇湛宾戎勾茅利於揭尉冶斯束檀衣展昝幸奉衡富尧".split(
    "",
  ),
);
const COMPOUND_SURNAMES = words("欧阳|司马|上官|诸葛|东方|皇甫|尉迟|公孙|慕容|令狐|司徒|夏侯|端木|长孙|宇文");
const SURNAME = `(?:${alternation(COMPOUND_SURNAMES)}|[${[...SURNAMES].join("")}])`;

/** What follows a surname in a colloquial name: 王奶奶, 李大爷, 欧阳老奶奶, 孙女士. */
const HONORIFICS = words(
  "老奶奶|老爷爷|老太太|老大爷|老爷子|奶奶|爷爷|阿姨|大爷|叔叔|大妈|大娘|婆婆|阿婆|阿公|老伯|伯伯|老太|大叔|大姐|大哥|女士|先生|小姐|师傅|老师",
);
export const HONORIFIC_NAME = new RegExp(`^(?:${SURNAME})(?:${alternation(HONORIFICS)})`, "u");

/** Characters no name contains, so "张三在家" or "王芳的" is not read as one. */
const NOT_IN_NAMES = /[的了是在有吗呢没不很也都就还说要会和与及]/u;
const SURNAME_AT = new RegExp(`^${SURNAME}`, "u");

/** 王芳, 欧阳娜娜, 老王, 小李, 王奶奶, 欧阳老奶奶: Han starting with a surname (or 老/小/阿 and one). */
export function isHanName(word: string): boolean {
  if (!/^\p{Script=Han}{2,6}$/u.test(word) || NOT_IN_NAMES.test(word)) return false;
  // An honorific name is checked first: 孙女士 holds 孙女 (a relative) and is still a name.
  if (HONORIFIC_NAME.exec(word)?.[0] === word) return true;
  if (word.length > 4 || KEYWORD_AT.test(word)) return false;
  return SURNAME_AT.test(/^[老小阿]/u.test(word) ? word.slice(1) : word);
}

/** Relatives (and others) whose name and phone make an emergency contact. */
export const RELATIONS = alternation(
  words(
    "女儿|儿子|老伴|家属|亲属|亲戚|侄子|侄女|外甥女|外甥|孙子|孙女|儿媳|女婿|丈夫|妻子|爱人|老公|老婆|哥哥|姐姐|弟弟|妹妹|监护人|邻居|保姆",
  ),
);
export const EN_RELATIONS =
  "(?:granddaughter|grandson|daughter|son|wife|husband|relative|guardian|nephew|niece|brother|sister|neighbou?r)";

export const CONTACT_LABEL = "(?:紧急联系人|紧急联系|联系人|emergency contact|contact person)";
export const PHONE_LABEL =
  "(?:联系电话|联系方式|电话号码|手机号码|手机号|电话|手机|座机|電話|手機|tel|phone|mobile|mob)(?:\\s*(?:是|为|no|number))?";

/** Moved out or died: the worker wants the resident off the active list ("老伴去世" is not them). */
export const MOVE_OUT = new RegExp(
  `(?<!(?:${RELATIONS}|\\b${EN_RELATIONS})\\s*)(?:(?:已经|已)?(?:搬走|搬离|搬出|迁出|迁走|去世|过世|离世|病故|死亡)了?|已故|注销|moved out|moved away|passed away|deceased|died)`,
  "giu",
);

/** Tag words: the registry's own list plus a few more workers write ("lives alone", 孤老). */
export const REGISTRY_TAG_WORDS: readonly (readonly [string, VulnerableTag])[] = [
  ...TAG_WORDS,
  ["lives alone", "elderly_alone"],
  ["孤老", "elderly_alone"],
];

/** Like tagsIn, over REGISTRY_TAG_WORDS: "3栋的孤老" → elderly_alone. */
export function registryTagsIn(text: string): VulnerableTag[] {
  const found = new Set<VulnerableTag>();
  let rest = text.toLowerCase();
  for (const [word, tag] of REGISTRY_TAG_WORDS) {
    if (rest.includes(word)) {
      found.add(tag);
      rest = rest.split(word).join(" ");
    }
  }
  return [...found];
}

/** Han words that end a name written without a space: "王芳独居", "李明电话…", "王芳女儿…". */
const CUT_WORDS = [
  ...REGISTRY_TAG_WORDS.map(([w]) => w).filter((w) => /\p{Script=Han}/u.test(w)),
  ...words(
    "电话|手机|座机|联系|紧急|姓名|年龄|出生|生于|身份证|备注|已经|搬|迁出|去世|过世|离世|病故|已故|的",
  ),
];
export const CUT = `(?:${alternation(CUT_WORDS)}|${RELATIONS}|${CN_NUM}岁)`;
const KEYWORD_AT = new RegExp(CUT, "u");

/** A contact's name: 2–4 Han with no keyword inside (so "李小明电话…" stops before 电话). */
export const HAN_NAME_TOKEN = `(?:(?!${CUT})\\p{Script=Han}){2,4}`;
/** Latin words not themselves labels: "Li Xiaoming", "Wang Fang". */
const EN_STOP =
  "(?:phone|tel|mobile|mob|aged?|born|living|lives|alone|emergency|contact|disabled|pregnant|elderly|chronic|low|child|children|moved|passed|deceased|died|years|and|with|is|has|the|an?)";
export const EN_NAME_TOKEN = `(?!${EN_STOP}\\b)(?!${EN_RELATIONS}\\b)[A-Za-z][A-Za-z'-]*(?:\\s+(?!${EN_STOP}\\b)(?!${EN_RELATIONS}\\b)[A-Za-z][A-Za-z'-]*){0,2}`;
export const EN_TITLES = /^(?:mr|mrs|ms|miss|mx|dr|madam|grandma|granny|grandpa|grandad|auntie|aunt|uncle)$/i;
export const EN_NAME_STOP = new RegExp(`^(?:${EN_STOP}|${EN_RELATIONS})$`, "i");

/** A phone as typed: 13800001111, 138-0000-1111, 138 0000 1111, +86…, 0571-87654321, or 5+ digits. */
export const PHONE =
  "(?<![\\d+])(?:\\+?86[\\s-]?)?(?:\\d{3,4}-\\d{3,4}-\\d{4}|\\d{3} \\d{4} \\d{4}|0\\d{2,3}-\\d{7,8}|\\d{5,})(?!\\d)";

/**
 * Words of a problem or an event: a text with one is a report ("3栋201 漏水了", "3栋独居老人家里
 * 漏水了"), never a registry entry or a list request.
 */
export const REPORT_WORDS = new RegExp(
  [
    "漏水|漏雨|渗水|积水|漏电|漏气|滴水|坏了|坏掉|损坏|堵|不亮|没人管|吵|噪音|噪声|扰民|垃圾|停水|停电",
    "没水|没电|没有暖气|暖气不热|爆|堆|异味|臭|报修|维修|修理|修一下|投诉|举报|反映|故障|电梯|老鼠|蟑螂|乱停|乱放|堆放|占用",
    "违建|违章|摔|晕倒|跌倒|受伤|着火|火灾|冒烟|求助|救命|灯|裂|脱落|掉下|走失|不见了|联系不上|找不到",
    "没开门|送医|住院|今天|昨天|刚才|刚刚|这几天|怎么|为什么",
    "\\b(?:leak\\w*|broken|noise|noisy|rubbish|garbage|trash|blocked|clogged|not working|complain\\w*|repair\\w*|fell|fallen|injured|fire|smell\\w*|today|yesterday)\\b",
  ].join("|"),
  "iu",
);

/** Words that make a text about the registry even without a tag: "3栋的住户", "residents". */
export const REGISTRY_WORDS = words(
  "住户名单|居民名单|人员名单|花名册|台账|住户|居民|名单|resident list|residents|resident|household list",
);
export const COUNT_WORDS = /多少|几个|几位|几户|几人|几名|人数|数量|总数|统计|how many|\bcount\b|number of/i;

/** Place-name endings: 春晖社区, 东山街道, 第三网格, 万科城, 幸福里 is not one (里 is a particle). */
const PLACE_SUFFIX =
  "社区|小区|街道|网格|片区|新村|村|苑|园|公寓|弄|路|镇|区|居委会|居委|大院|家园|府|城|湾|庭|院|坊|巷|胡同|大厦|花园|广场|宿舍|期";
const EN_PLACE_SUFFIX = "community|street|subdistrict|grid|estate|compound|village|neighbou?rhood|district";
export const PLACE_NAME = new RegExp(
  `^(?:[\\p{Script=Han}A-Za-z0-9]+(?:${PLACE_SUFFIX})|[A-Za-z][A-Za-z ]*\\s(?:${EN_PLACE_SUFFIX}))$`,
  "iu",
);
export const PLACE_PARTS = new RegExp(
  `^(.*?)\\s*(?:(${NUM})\\s*(?:栋|号楼|幢|座|号)|(?:building|bldg|block)\\s*#?(\\d{1,3}))?\\s*(?:(${NUM})\\s*单元|unit\\s*(\\d{1,2}))?\\s*(?:\\d{2,5}\\s*室?|room\\s*\\d{2,5})?$`,
  "iu",
);

/** "in building 3", "of Chunhui community": an English place inside a request. */
const EN_NOT_PLACE = "(?:of|in|at|for|residents?|the|list|our|my|this|all|people)";
export const EN_PLACE = new RegExp(
  `\\b(?:in|at|of|for|from)\\s+((?:building|bldg|block)\\s*#?\\d{1,3}(?:\\s*unit\\s*\\d{1,2})?|(?:(?!${EN_NOT_PLACE}\\b)[a-z]+\\s+){1,3}(?:${EN_PLACE_SUFFIX}))\\b|^((?:building|bldg|block)\\s*#?\\d{1,3}(?:\\s*unit\\s*\\d{1,2})?)\\b`,
  "i",
);

/** Said before the place: "查一下3栋的…", "list of …". */
const LEAD_HAN = words(
  "请|麻烦|帮我|帮忙|给我|我想|我要|想|要|查一下|查下|查询|查看|查查|查|看看|看一下|看下|列出|列一下|统计一下|统计|导出|发一下|发我|一下|了解|知道|把|现在|目前",
);
const LEAD_EN = words(
  "list|of|show|me|all|the|how|many|count|number|please|give|send|get|what|which|who|are|is|there|find",
);
export const LEAD = new RegExp(`^(?:${alternation(LEAD_HAN)}|(?:${alternation(LEAD_EN)})\\b)\\s*`, "iu");

/** Between the place and the tags: "3栋的", "3栋里面", "我们网格有多少". */
const TRAIL_HAN = words(
  "的|里面|里|内|中|下|范围内|有多少|有几个|有几位|有几户|有几名|有哪些|都有哪些|都有谁|有谁|一共有|总共有|一共|总共|共有|共|有|都|现在|目前|还|所有|全部",
);
export const TRAIL = new RegExp(`\\s*(?:${alternation(TRAIL_HAN)})$`, "u");

/** The asker's own area: the caller knows which it is. */
export const OWN_AREA =
  /^(?:我们|咱们|我的|我|咱|本|这个|整个|全|所有)?的?(?:网格|社区|小区|片区|辖区|街道|楼栋)?$/u;

/** Words of a request that carry no meaning of their own once place and tags are read. */
const QUERY_FILLER_HAN = [
  ...TRAIL_HAN,
  ...LEAD_HAN,
  ...words(
    "分别是|分别|是哪些|是谁|都是谁|人数|数量|总数|多少|几个|几位|几户|几人|几名|哪些|列表|清单|情况|信息|资料|人员|还有|是|谁|人|户|个|位|名|吧|呗|和|及|与|以及|跟|或|或者|发给我|发|列|等|名字|姓名|们|电话|联系方式|地址|吗|呢",
  ),
];
const QUERY_FILLER_EN = [
  ...LEAD_EN,
  ...words(
    "people|persons|person|registry|with|and|or|a|an|do|we|have|our|my|in|at|for|names|name|women|men|households|household|living|live|total|us|this|grid|community|area|their|phones|phone|numbers|contacts|details|here|there",
  ),
];
export const QUERY_FILLER = new RegExp(
  `${alternation(QUERY_FILLER_HAN)}|\\b(?:${alternation(QUERY_FILLER_EN)})\\b`,
  "giu",
);

/** Where an entry says the resident lives, and the text after it. */
export interface Address {
  readonly buildingHint: string;
  readonly unit: string | null;
  readonly room: string;
  readonly rest: string;
}

const CN_ADDRESS = new RegExp(
  `^(${NUM})\\s*${BUILDING_SUFFIX}\\s*(?:(${NUM})\\s*单元\\s*)?(\\d{2,5})(?![\\d岁年])\\s*(?:室|号|房)?`,
  "u",
);
// 3-2-201, 3-201, 3栋2-201: building-unit-room as written on doors.
const DASH_ADDRESS = new RegExp(
  `^(\\d{1,3})(?:\\s*${BUILDING_SUFFIX}\\s*(\\d{1,2})|\\s*-\\s*(\\d{1,2}))?\\s*-\\s*(\\d{3,4})(?!\\d)\\s*(?:室|号)?`,
  "u",
);
const EN_ADDRESS =
  /^(?:building|bldg|block|blk)\s*(?:no\s*)?#?(\d{1,3})\s*(?:unit\s*(\d{1,2})\s*)?(?:room|rm|apt|flat|#)\s*#?(\d{2,5})(?!\d)/i;

/** "3栋2单元201 …", "5号楼1单元302室 …", "3-2-201 …", "building 3 room 201 …" at the start of a text. */
export function readAddress(text: string): Address | null {
  const cn = CN_ADDRESS.exec(text);
  if (cn) {
    const buildingHint = numberText(cn[1]!);
    const unit = cn[2] === undefined ? null : numberText(cn[2]);
    if (buildingHint === null || (cn[2] !== undefined && unit === null)) return null;
    return { buildingHint, unit, room: cn[3]!, rest: text.slice(cn[0].length).trim() };
  }
  const dash = DASH_ADDRESS.exec(text);
  if (dash) {
    const unit = dash[2] ?? dash[3] ?? null;
    return { buildingHint: dash[1]!, unit, room: dash[4]!, rest: text.slice(dash[0].length).trim() };
  }
  const en = EN_ADDRESS.exec(text);
  if (en)
    return { buildingHint: en[1]!, unit: en[2] ?? null, room: en[3]!, rest: text.slice(en[0].length).trim() };
  return null;
}
