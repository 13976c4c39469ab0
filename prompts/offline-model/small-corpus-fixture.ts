import type { IntentCode } from "../../core/categories/default-categories";
import type { Priority } from "../../core/tickets/ticket";
import type { Corpus, LabelledText } from "./training-corpus";

// A small fixed corpus for tests: three categories, four priorities, four intents. Not shipped data.
const REPORTS: readonly [string, string, Priority][] = [
  ["3栋楼道灯不亮了", "lighting", "normal"],
  ["12号楼的声控灯坏了好几天", "lighting", "normal"],
  ["路灯晚上不亮，黑乎乎的", "lighting", "normal"],
  ["小区门口的路灯一直闪", "lighting", "low"],
  ["楼梯灯坏了，老人摔了一跤", "lighting", "high"],
  ["地库的灯全黑了，看不见路", "lighting", "high"],
  ["路灯杆倒了，电线露在外面冒火花", "lighting", "urgent"],
  ["楼道灯的灯罩掉了", "lighting", "low"],
  ["电梯又坏了，爬二十楼", "elevator", "high"],
  ["电梯门关不上，一直开开关关", "elevator", "normal"],
  ["有人被困在电梯里了，快来", "elevator", "urgent"],
  ["电梯运行有异响，咣当咣当", "elevator", "normal"],
  ["5号楼电梯停运了，老人下不来", "elevator", "high"],
  ["电梯按钮不灵了", "elevator", "normal"],
  ["电梯年检过期了", "elevator", "low"],
  ["电梯卡在两层中间，里面有人", "elevator", "urgent"],
  ["楼下的狗一直叫，吵死了", "animals", "normal"],
  ["草坪上到处是狗屎", "animals", "normal"],
  ["遛狗不牵绳，吓到小孩", "animals", "high"],
  ["流浪猫越来越多", "animals", "low"],
  ["一条大狗咬人了，流血了", "animals", "urgent"],
  ["地下室老鼠好多", "animals", "normal"],
  ["阳台上有个马蜂窝", "animals", "high"],
  ["鸽子屎落满了窗台", "animals", "low"],
];

const INTENTS: readonly [string, IntentCode][] = [
  ["我报的事处理了吗", "ticket_status"],
  ["我的工单到哪一步了", "ticket_status"],
  ["上周报的路灯修了没有", "ticket_status"],
  ["查一下我的报事进度", "ticket_status"],
  ["我有多少积分", "points_balance"],
  ["查一下积分余额", "points_balance"],
  ["我的志愿积分是多少", "points_balance"],
  ["积分还剩几分", "points_balance"],
  ["谢谢", "chitchat"],
  ["大家早上好", "chitchat"],
  ["辛苦了网格员", "chitchat"],
  ["好的收到", "chitchat"],
];

const lines: LabelledText[] = [
  ...REPORTS.map(([text, category, priority], i) => ({
    text,
    intent: "report" as const,
    category,
    priority,
    weight: 1,
    origin: `fixture:${i + 1}`,
  })),
  ...INTENTS.map(([text, intent], i) => ({
    text,
    intent,
    category: null,
    priority: null,
    weight: 1,
    origin: `fixture:${REPORTS.length + i + 1}`,
  })),
];

export const SMALL_CORPUS: Corpus = { lines, digest: "small-corpus-fixture-v1" };
