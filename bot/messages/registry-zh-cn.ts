import type { VulnerableTag } from "../../core/registry/resident";
import type { RegistryMessages, ResidentLine } from "./registry-messages";

const TAGS: Record<VulnerableTag, string> = {
  elderly_alone: "独居老人",
  elderly: "高龄老人",
  child: "困境儿童",
  disabled: "残疾人",
  pregnant: "孕产妇",
  chronic_illness: "慢性病",
  low_income: "低保",
};

const tagList = (tags: readonly VulnerableTag[]) =>
  tags.length ? tags.map((t) => TAGS[t]).join("、") : "全部住户";

function line(r: ResidentLine, index: number): string {
  const parts = [`${index + 1}. ${r.name}`, r.address];
  if (r.age !== null) parts.push(`${r.age}岁`);
  if (r.tags.length) parts.push(tagList(r.tags));
  if (r.phone) parts.push(`☎ ${r.phone}`);
  if (r.emergency) parts.push(`紧急联系人 ${r.emergency}`);
  return parts.join(" · ");
}

const hhmm = (time: string) => time;

export const registryZhCn: RegistryMessages = {
  tag: (tag) => TAGS[tag],
  residentSaved: (p) =>
    p.kind === "left"
      ? `已记录：${p.name}（${p.address}）已不在此居住，不再出现在名单和通知里。`
      : `${p.kind === "created" ? "已登记" : "已更新"}：${p.name}（${p.address}）${p.tags.length ? `，${tagList(p.tags)}` : ""}。`,
  notedAsIs: (p) => `“${p.words}”没有对应的栏目，已原样记在备注里。`,
  noConsentYet: () => "提示：尚未记录本人或监护人同意。取得同意后再发一次并加上“已同意”，才能开通报平安。",
  count: (p) => `${p.scope} ${tagList(p.tags)}：共 ${p.total} 人。`,
  list: (p) =>
    p.total === 0
      ? `${p.scope} 没有登记的${tagList(p.tags)}。`
      : [
          `${p.scope} ${tagList(p.tags)}：共 ${p.total} 人${p.lines.length < p.total ? `，显示前 ${p.lines.length} 人` : ""}`,
          ...p.lines.map(line),
          "（个人信息仅供工作使用，请勿转发。本次查询已记录。）",
        ].join("\n"),
  privateOnly: () => "名单涉及居民个人信息，只能在私聊里查看。请先私聊我一句话，再来查。",
  placeUnknown: (p) => `在您负责的范围里找不到“${p.hint}”。`,
  usage: (command) =>
    ({
      resident: "用法：/resident 3栋201 王奶奶 独居 电话13800001111 紧急联系人 王小明 13900002222 已同意",
      residents: "用法：/residents [楼栋或片区] [独居老人/残疾人/孕妇…] [多少]",
      welfare: "用法：/welfare 3栋201 王奶奶 08:30 [宽限分钟]，停止：/welfare stop 3栋201 王奶奶",
      broadcast: "用法：/notice 通知内容（/alert 需要回复收到，/dutycall 应急召集志愿者）",
      desk: "用法：/desk 3栋201 王奶奶 楼道灯坏了三天",
      unreached: "用法：/unreached [通知编号]",
    })[command],

  welfareEnrolled: (p) =>
    `已为 ${p.name}（${p.address}）开通报平安：每天 ${hhmm(p.time)} 问候，${p.grace} 分钟内没有回复会生成帮扶工单给网格员。\n请把绑定码 ${p.code} 告诉本人或家属，让他们私聊发给我。`,
  welfareStopped: (p) => `已停止 ${p.name} 的报平安。`,
  welfareLinked: (p) =>
    p.self
      ? `绑定成功！以后每天 ${p.time} 我会问候您，回一句话或点按钮就算报平安。`
      : `绑定成功！以后每天 ${p.time} 我会请您确认 ${p.name} 是否平安，回一句话或点按钮即可。`,
  welfarePrompt: (p) =>
    p.self
      ? `${p.name}，您好！今天身体还好吗？点下面的按钮或回任意一句话报个平安。`
      : `您好！请确认 ${p.name} 今天是否平安，点下面的按钮或回任意一句话即可。`,
  buttonImFine: () => "我很好 👍",
  welfareThanks: () => "收到，祝您平安健康！",
  welfareMissedDetails: (p) =>
    [
      `工单 ${p.number}：${p.name}（${p.address}）今天的报平安没有回复，请尽快电话或上门确认。`,
      p.phone ? `本人电话：${p.phone}` : "本人电话：未登记",
      p.contact
        ? `紧急联系人：${p.contact}${p.contactPhone ? ` ${p.contactPhone}` : ""}`
        : "紧急联系人：未登记",
    ].join("\n"),
  welfareAnsweredLate: (p) => `${p.name} 刚刚报了平安（工单 ${p.number}），请核实后办结。`,

  broadcast: (p) =>
    `${p.kind === "duty_call" ? "【应急召集】" : "【社区通知】"}${p.text}\n—— ${p.from}${p.askAck ? (p.kind === "duty_call" ? "\n能来的请点“我能来”。" : "\n看到请点“收到”。") : ""}`,
  buttonAck: () => "收到 ✅",
  buttonDutyYes: () => "我能来 🙋",
  buttonDutyNo: () => "来不了",
  published: (p) =>
    `已发布（编号 ${p.id.slice(0, 8)}），共 ${p.recipients} 个群和居民，正在按平台限速发送。${p.unreachable ? `\n另有 ${p.unreachable} 人没有可用的私聊，请网格员电话通知。` : ""}\n进度：/bcstatus ；未确认住户：/unreached`,
  acknowledged: () => "已确认收到，谢谢！",
  dutyAnswered: (p) => (p.yes ? `谢谢您！已有 ${p.count} 人报名，请等候社区安排。` : "好的，已记录。"),
  progress: (p) =>
    [
      `${p.kind === "duty_call" ? "应急召集" : "通知"}（${p.when}）：${p.text.slice(0, 40)}`,
      `对象 ${p.recipients}，已排队 ${p.queued}，已送达 ${p.sent}${p.failed ? `，失败 ${p.failed}` : ""}`,
      p.kind === "duty_call"
        ? `能来 ${p.yes} 人，来不了 ${p.no} 人`
        : `已确认 ${p.ack} 人，覆盖 ${p.households} 户`,
    ].join("\n"),
  unreached: (p) =>
    p.total === 0
      ? "所有登记住户都已确认收到。"
      : [
          `尚未确认的住户共 ${p.total} 户（重点人群在前）：`,
          ...p.lines.map((l, i) => `${i + 1}. ${l.address}：${l.residents}`),
          "（本次查询已记录。）",
        ].join("\n"),
  noBroadcast: () => "还没有发布过通知。",

  deskFiled: (p) =>
    `已代 ${p.name}（${p.address}）登记为 ${p.number}${p.routed ? "，已派给负责的网格员" : "，待分类后派单"}。进展会通知本人；本人没有微信/电报的，会发给您转告。`,
  deskRelay: (p) => `（请转告 ${p.name}，${p.address}）\n${p.text}`,
};
