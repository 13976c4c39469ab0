import type { BoardList, BoardStatus, UnitKind } from "../../core/board/board-ports";
import type { BoardMessages, ItemText } from "./board-messages";

const LIST: Record<BoardList, string> = {
  need: "需求清单",
  resource: "资源清单",
  project: "项目清单",
  offer: "个性清单",
};
const KIND: Record<UnitKind, string> = {
  company: "企业",
  school: "学校",
  hospital: "医院",
  shop: "商户",
  organisation: "社会组织",
};
const STATUS: Record<BoardStatus, string> = {
  open: "待认领",
  claimed: "已认领待确认",
  confirmed: "对接中",
  done: "已完成",
  cancelled: "已撤回",
};
const hoursText = (hours: number | null) => (hours ? `，志愿时长 ${hours} 小时` : "");

function item(p: ItemText): string {
  const meta = [p.place, p.when, p.quantity ? `数量 ${p.quantity}` : null].filter(Boolean).join(" · ");
  const status = p.status === "open" ? "" : `（${STATUS[p.status]}）`;
  return `${p.number}【${LIST[p.list].slice(0, 2)}】${meta}${status}\n${p.text}\n—— ${p.poster}`;
}

export const boardZhCn: BoardMessages = {
  listName: (list) => LIST[list],
  kindName: (kind) => KIND[kind],
  statusName: (status) => STATUS[status],
  item,
  posted: (p) =>
    `已发布到${LIST[p.list]}：\n${item(p)}\n有人认领时我会请您确认。没人认领前可以撤回：/withdraw ${p.number}`,
  placeUnknown: (p) => `在您能发布的范围里找不到“${p.hint}”。`,
  boardHeader: (p) => `${p.list ? LIST[p.list] : "四张清单"}里待认领的事项（${p.count} 条），点“认领”即可：`,
  boardEmpty: (p) => `${p.list ? LIST[p.list] : "清单"}里暂时没有待认领的事项。可以用 /post 发布。`,
  mineHeader: (p) => `您（或您的单位）发布和认领的事项（${p.count} 条）：`,
  mineEmpty: () => "您还没有发布或认领过事项。",
  buttonClaim: (p) => `认领 ${p.number}`,
  claimed: (p) => `已认领 ${p.number}，已请发布方确认，确认后会通知您。`,
  claimRequest: (p) => `🤝 ${p.claimant} 想认领您发布的事项：\n${item(p)}\n请确认是否同意。`,
  buttonAccept: () => "同意认领",
  buttonDecline: () => "不同意",
  buttonDone: () => "已完成",
  acceptedForClaimant: (p) =>
    `✅ ${p.poster} 已同意由您认领 ${p.number}，请按约定对接。完成后发 /done ${p.number} [每人时长] [志愿者ID…] 记录志愿时长。`,
  acceptedByYou: (p) =>
    `已同意 ${p.claimant} 认领 ${p.number}，已通知对方。完成后任一方发 /done ${p.number} [每人时长] [志愿者ID…]。`,
  alreadyAccepted: (p) => `${p.number} 已经确认过了。`,
  declinedForClaimant: (p) => `发布方没有同意这次认领，${p.number} 已重新开放。`,
  declinedByYou: (p) => `已婉拒，${p.number} 重新开放认领。`,
  done: (p) =>
    `🎉 ${p.number} 已完成${hoursText(p.hours)}。${p.credited > 0 ? `已为 ${p.credited} 位志愿者记积分。` : ""}谢谢！`,
  doneForOther: (p) => `🎉 ${p.number} 已由 ${p.by} 标记完成${hoursText(p.hours)}。感谢双方的共建！`,
  alreadyDone: (p) => `${p.number} 已经标记完成了。`,
  credited: (p) => `感谢您参与 ${p.number}，获得 ${p.points} 积分，现有 ${p.balance} 分。`,
  withdrawn: (p) => `已撤回 ${p.number}。`,

  unitRegistered: (p) =>
    `已登记驻区单位：${p.name}（${KIND[p.kind]}，${p.place}），联系人 ${p.contact}。已私信告知联系人。`,
  unitForContact: (p) =>
    `您已登记为驻区单位“${p.name}”（${p.place}）的联系人。\n· /board 查看社区的需求、资源、项目、个性清单并认领\n· /post 需求|资源|项目 [地点] [时间] 内容 代表单位发布\n· 街道“吹哨”时点“报到”`,
  contributions: (p) =>
    [
      `🏢 ${p.scope} 驻区单位共建（${p.period}）：`,
      ...p.lines.map(
        (l, i) =>
          `${i + 1}. ${l.name}（${KIND[l.kind]}）完成 ${l.done} 件 · ${l.hours} 小时 · 认领 ${l.claimed} · 发布 ${l.posted}`,
      ),
    ].join("\n"),
  noUnits: (p) => `${p.scope} 还没有登记的驻区单位。管理员可以用 /unit add 登记。`,

  callSent: (p) =>
    `📣 已吹哨（编号 ${p.id}）：通知 ${p.units} 家单位、${p.departments} 个部门，共 ${p.people} 人${p.unreachable ? `，其中 ${p.unreachable} 人无法私信` : ""}。发 /callstatus 看报到情况。`,
  callMessage: (p) =>
    `📣【街道吹哨】${p.from}\n${p.ticket ? `工单 ${p.ticket}：` : ""}${p.text}\n地点：${p.place}\n收到请点“报到”。`,
  buttonReport: () => "报到 🙋",
  answered: (p) =>
    p.already
      ? `您已经报到过了（${p.name}）。`
      : `已报到（${p.name}）。目前 ${p.answered}/${p.total} 家已报到，街道会联系您。`,
  answeredForCaller: (p) => `🙋 ${p.name}（${p.who}）已报到，${p.answered}/${p.total}。`,
  callStatus: (p) =>
    [
      `📣 吹哨 ${p.id}（${p.when}）：${p.text}`,
      `已报到 ${p.answered}/${p.total}：`,
      ...p.lines.map(
        (l) =>
          `${l.answeredBy ? "✅" : "⏳"} ${l.name}${l.kind === "department" ? "（部门）" : ""}${l.answeredBy ? ` ${l.answeredBy}` : " 未报到"}`,
      ),
    ].join("\n"),
  noCall: () => "您的辖区还没有吹哨记录。",
  usage: (command) =>
    ({
      post: "用法：/post 需求|资源|项目|个性 [地点] [时间] 内容，例如 /post 需求 3栋 周六上午 需要5名志愿者帮忙搬运物资",
      board: "用法：/board [需求|资源|项目|个性|mine]",
      claim: "用法：/claim 编号，例如 /claim B12",
      done: "用法：/done 编号 [每人时长(小时)] [志愿者ID…]，例如 /done B12 2 p-res-wang",
      withdraw: "用法：/withdraw 编号",
      unit: "用法：/unit add 单位名称 类型(企业|学校|医院|商户|社会组织) 地点 联系人ID",
      units: "用法：/units [year]",
      whistle: "用法：/whistle 工单编号 [说明] 或 /whistle 事件说明",
      callstatus: "用法：/callstatus [编号]",
    })[command],
  errors: {
    "BOARD.NOT_FOUND": "没有找到这个事项，请检查编号。",
    "BOARD.NOT_ALLOWED": "您不能这样操作这个事项（认领要由发布方的另一方：单位认领社区的，社区认领单位的）。",
    "BOARD.INVALID": "内容格式不对，请检查后再发。",
    "BOARD.PLACE_OUTSIDE": "这个地点不在您能发布的范围里。",
    "BOARD.OWN_ITEM": "这是您（或您单位）自己发布的事项，不能自己认领。",
    "BOARD.ALREADY_CLAIMED": "手慢了一步，这个事项刚被别人认领了。",
    "BOARD.NOT_OPEN": "这个事项已经撤回或结束了。",
    "BOARD.NOT_CLAIMED": "这个事项现在没有待确认的认领。",
    "BOARD.NOT_CONFIRMED": "发布方确认认领之后才能标记完成。",
    "BOARD.VOLUNTEER_OUTSIDE": "记积分的志愿者须是本街道的居民或工作人员。",
    "UNIT.NOT_ALLOWED": "只有社区、街道和区的管理员可以在自己的辖区登记驻区单位。",
    "UNIT.INVALID": "单位信息格式不对：名称至少两个字，类型是企业、学校、医院、商户或社会组织。",
    "UNIT.DUPLICATE": "这个地点已经登记过同名的单位了。",
    "UNIT.CALL_NOT_ALLOWED": "只有街道和区的管理员可以在自己的辖区吹哨。",
    "UNIT.CALL_NOT_FOUND": "没有找到这次吹哨。",
    "UNIT.CALL_EMPTY": "这个辖区还没有登记的驻区单位和部门，没有人可以通知。",
    "UNIT.CALL_NOT_FOR_YOU": "这次吹哨没有通知您的单位或部门。",
  },
};
