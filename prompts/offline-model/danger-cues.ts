/**
 * The urgent safety net, for PRIORITY ONLY. A missed urgent report (someone in a stuck lift, a gas
 * leak) costs far more than a false alarm, and the priority head learns "urgent" from a few dozen
 * lines per category, so an unusual wording of a well-known danger can slip under its threshold.
 * These cues are the dangers the taxonomy names as urgent; each was checked against the training
 * corpus (see danger-cues.test.ts) to fire almost only on lines labelled urgent. They never choose
 * the category, which always comes from the model.
 */
export interface DangerCue {
  /** What a person reads in the reason, e.g. "gas smell". */
  readonly name: string;
  readonly pattern: RegExp;
}

export const DANGER_CUES: readonly DangerCue[] = [
  {
    name: "trapped in a lift",
    pattern:
      /(困|关|卡)在(电梯|梯子|轿厢|升降梯)|被困(在)?(电梯|梯子|轿厢)|(电梯|梯子|轿厢|升降梯).{0,8}(被困|困住|关着|关人|困人)|困人了|(trapped|stuck) in (the |a )?(lift|elevator)/i,
  },
  {
    name: "gas smell",
    pattern:
      /煤气味|燃气味|(燃气|煤气|天然气)[^无没不]{0,10}(味|漏|泄|冒泡|嘶嘶)|漏气|gas (smell|leak)|smell(s|ing)? (of )?gas/i,
  },
  {
    name: "fire or smoke",
    pattern:
      /着火|起火|失火|火灾|烧起来|自燃|冒烟|冒黑烟|浓烟|火光|on fire|caught fire|(thick|black|full of) smoke/i,
  },
  {
    name: "someone collapsed",
    pattern:
      /晕倒|昏倒|晕过去|昏迷|倒地|倒在地|不省人事|叫不醒|没有?意识|没了?呼吸|喘不[上过]气|透不过气|呼吸困难|抽搐|口吐白沫|摔.{0,12}(起不来|动不了|站不起来|爬不起来)|collapsed|unconscious|not breathing|fainted|can'?t breathe|fell.{0,30}can'?t get up/i,
  },
  {
    name: "someone not seen for days",
    pattern:
      /(独居|一个人住|孤寡|老人|老太太|老爷爷|奶奶|爷爷|大爷|阿姨|老头|老太|小伙子|邻居).{0,16}(好几天|几天|多天|一个星期|一周|半个月|\d+天|[一两三四五六七八九十]+天).{0,8}(没见|没看到|没动静|没出门|没开门|没下楼|没出来|不见人)|敲门.{0,6}(没人应|不应|没反应|没人开)|hasn'?t (been seen|answered)|not (been )?seen for/i,
  },
  { name: "an ambulance is needed", pattern: /(打了?|叫了?|拨打?了?)120|120(急救|救护)|救护车|ambulance/i },
  {
    name: "an animal attack",
    pattern:
      /(狗|猫|蛇|马蜂|蜂).{0,4}(咬伤|咬了|蛰了|蜇了|咬人)|被.{0,4}(咬伤|蛰伤|蛰了|蜇了)|\bbit (a|an|my|the)\b/i,
  },
  { name: "someone trapped under something", pattern: /被(压|卡)在|压在.{0,3}下面|(stuck|trapped) under/i },
  { name: "a chemical leak", pattern: /化学品|有毒气体|化工.{0,6}泄漏|chemical/i },
  {
    name: "sewage flooding a home",
    pattern:
      /(粪水|污水|脏水|黑水).{0,12}(淹|漫|灌|涌)(进|到|了)?.{0,6}(家|屋|卧室|客厅|房间|住户)|(家|屋|卧室|客厅|房间)里?.{0,3}(进|淹|灌).{0,3}(粪水|污水|脏水)|sewage.{0,30}(flood|pouring)|sewer backed up into/i,
  },
  {
    name: "live wire",
    pattern:
      /漏电|触电|被电(了|到)|电线.{0,8}(掉|垂|露|冒火)|露着?(铜丝|电线)|冒火花|火星子|(水|淹|漏).{0,10}(插座|电闸|电箱|配电|电表箱)|live wire|wires? exposed|sparking|near the (sockets|fuse)/i,
  },
  {
    name: "bleeding or a weapon",
    pattern: /流血|见血|出血|血流|头破|满地是血|持刀|拿刀|拿着刀|bleeding|knife/i,
  },
  { name: "a cry for help", pattern: /救命|求救|help!|快报警|\bsos\b/i },
];

// "万一着火怎么办" is a worry about a danger, not a danger now: such a match does not count.
const HYPOTHETICAL_BEFORE =
  /(万一|一旦|如果|要是|假如|怕|防止|以免|不然|否则|打不|没有?|不会|就能|就会|if|in case)\s*$/i;
const HYPOTHETICAL_AFTER = /^.{0,4}(怎么办|咋办|可咋办|怎么跑|跑不)/;

const GLOBAL = new Map(
  DANGER_CUES.map((cue) => [cue, new RegExp(cue.pattern.source, `${cue.pattern.flags}g`)]),
);

function firesNow(cue: DangerCue, text: string): boolean {
  if (!cue.pattern.test(text)) return false;
  const global = GLOBAL.get(cue) ?? new RegExp(cue.pattern.source, `${cue.pattern.flags}g`);
  for (const match of text.matchAll(global)) {
    const before = text.slice(Math.max(0, match.index - 6), match.index);
    const after = text.slice(match.index + match[0].length, match.index + match[0].length + 8);
    if (!HYPOTHETICAL_BEFORE.test(before) && !HYPOTHETICAL_AFTER.test(after)) return true;
  }
  return false;
}

/** The danger cues a text contains, in the order above. */
export function dangerCuesIn(text: string): DangerCue[] {
  return DANGER_CUES.filter((cue) => firesNow(cue, text));
}
