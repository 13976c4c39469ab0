import type { PointsMessages } from "./points-messages";

const KIND = {
  activity: "志愿活动",
  report: "随手拍核实",
  award: "奖励",
  deduct: "扣减",
  redeem: "兑换",
} as const;
const signed = (n: number) => (n > 0 ? `+${n}` : String(n));

export const pointsZhCn: PointsMessages = {
  statement: (p) =>
    `您现在有 ${p.balance} 积分。${p.lines.length ? `\n最近记录：\n${p.lines.join("\n")}` : "\n还没有积分记录，参加志愿活动、随手拍报事都能攒积分。"}`,
  entryLine: (p) => `${p.when} ${signed(p.amount)} ${KIND[p.kind]}：${p.reason}`,
  rewardsHeader: (p) => `可以兑换的奖品（您有 ${p.balance} 积分），点一下兑换：`,
  rewardButton: (p) => `${p.name} · ${p.cost}分${p.stock > 0 ? "" : "（已兑完）"}`,
  noRewards: () => "本社区暂时还没有可兑换的奖品。",
  confirmRedeem: (p) => `确认用 ${p.cost} 积分兑换“${p.name}”吗？（您有 ${p.balance} 积分）`,
  buttonRedeem: () => "确认兑换",
  buttonCancel: () => "算了",
  cancelled: () => "好的，没有兑换。",
  insufficient: (p) => `积分不够：需要 ${p.cost} 分，您有 ${p.balance} 分。`,
  redeemed: (p) =>
    `✅ 已兑换“${p.name}”，扣 ${p.cost} 积分，还剩 ${p.balance} 分。\n取货码：${p.pickupCode}\n请凭取货码到社区党群服务中心领取。`,
  leaderboard: (p) =>
    `🏅 ${p.month} 最美志愿者（本月积分）\n${p.lines.map((l) => `${l.rank}. ${l.name} ${l.points}分`).join("\n")}`,
  leaderboardEmpty: (p) => `${p.month} 还没有人攒到积分，快来参加志愿活动吧！`,
  activitiesHeader: () => "近期志愿活动，点一下报名：",
  activityLine: (p) => `· ${p.title}｜${p.when}｜${p.pay}｜剩 ${p.left} 个名额`,
  pay: (p) => (p.flat !== null ? `${p.flat}分/次` : `${p.perHour ?? 0}分/小时`),
  noActivities: () => "近期没有志愿活动。",
  buttonSignUp: (p) => `报名：${p.title}`,
  signedUp: (p) =>
    `✅ 已报名“${p.title}”（${p.when}）。到场后发送“签到 口令”（口令由组织者现场公布），或发送位置签到；结束时发送“签退 口令”。`,
  alreadySignedUp: (p) => `您已经报名了“${p.title}”（${p.when}）。`,
  checkinHow: () => "请发送“签到 口令”或“签退 口令”（例如：签到 绿化123），也可以在活动现场发送位置。",
  checkedIn: (p) => `✅ “${p.title}”签到成功，感谢参与！结束时请发送“签退 口令”。`,
  checkedOut: (p) =>
    `✅ “${p.title}”签退成功，获得 ${p.points} 积分${p.balance !== null ? `，现在共 ${p.balance} 分` : ""}。辛苦了！`,
  published: (p) =>
    `✅ 已发布“${p.title}”（${p.when}，${p.capacity} 个名额）。活动编号：${p.id}\n签到口令：${p.code}（请在现场公布）`,
  adjusted: (p) =>
    `已为 ${p.name} ${p.direction === "award" ? "奖励" : "扣减"} ${p.points} 积分，现余 ${p.balance} 分。`,
  adjustedForYou: (p) =>
    `${p.direction === "award" ? "🎉 您获得" : "您被扣减"} ${p.points} 积分（${p.reason}），现在共 ${p.balance} 分。`,
  attendanceConfirmed: (p) => `已确认 ${p.name} 参加了“${p.title}”，发放 ${p.points} 积分。`,
  reportCredited: (p) =>
    `🎉 您反映的问题 ${p.number} 已核实解决，获得 ${p.points} 积分，现在共 ${p.balance} 分。`,
  usage: (command) =>
    ({
      award: "用法：/award 人员ID 积分 原因",
      deduct: "用法：/deduct 人员ID 积分 原因",
      publish:
        "用法：/publish 口令 日期 开始-结束 名额 积分[/h] 标题 [@纬度,经度,半径米]\n例如：/publish 绿化123 2026-12-05 09:00-11:00 10 10/h 小区绿化养护",
      attended: "用法：/attended 活动编号 人员ID",
      checkin: "用法：/checkin 口令 或 /checkout 口令",
    })[command],
  errors: {
    "POINTS.INVALID_INPUT": "格式不对，请检查后再试。",
    "POINTS.INSUFFICIENT": "积分不够。",
    "POINTS.NOT_ALLOWED": "您没有权限做这件事（需要本社区的管理员）。",
    "POINTS.ACTIVITY_NOT_FOUND": "没有找到这个活动。",
    "POINTS.ACTIVITY_FULL": "这个活动的名额已经满了。",
    "POINTS.ACTIVITY_CLOSED": "这个活动已经取消了。",
    "POINTS.NOT_SIGNED_UP": "您还没有报名这个活动（发送 /activities 看看近期活动）。",
    "POINTS.NO_OPEN_ACTIVITY": "现在没有您报名的进行中的活动。",
    "POINTS.CHECKIN_WRONG_CODE": "口令不对，请向现场组织者确认口令。",
    "POINTS.CHECKIN_TOO_FAR": "您的位置离活动地点太远了，请到现场再签到。",
    "POINTS.OUT_OF_WINDOW": "现在不在活动的签到时间内。",
    "POINTS.ALREADY_CHECKED_IN": "您已经签到过了。",
    "POINTS.NOT_CHECKED_IN": "您还没有签到，请先签到。",
    "POINTS.ALREADY_GRANTED": "这次活动的积分已经发过了。",
    "POINTS.REWARD_NOT_FOUND": "这个奖品已经下架了。",
    "POINTS.OUT_OF_STOCK": "这个奖品已经兑完了，看看别的吧。",
    "POINTS.NO_COMMUNITY": "还不知道您属于哪个社区，请在小区群里发，或先告诉我们您住哪栋楼。",
  },
};
