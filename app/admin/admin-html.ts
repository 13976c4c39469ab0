// The console's HTML: escaped, server-rendered, one small stylesheet that works on a phone.
export type ConsoleLang = "zh" | "en";

export function escapeHtml(value: unknown): string {
  return String(value ?? "")
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

/** Tagged template: interpolated values are escaped unless wrapped in raw(). */
export class Raw {
  constructor(readonly html: string) {}
}
export const raw = (html: string) => new Raw(html);
export function html(strings: TemplateStringsArray, ...values: unknown[]): Raw {
  let out = strings[0] ?? "";
  values.forEach((value, i) => {
    const text = Array.isArray(value)
      ? value.map((v) => (v instanceof Raw ? v.html : escapeHtml(v))).join("")
      : value instanceof Raw
        ? value.html
        : escapeHtml(value);
    out += text + (strings[i + 1] ?? "");
  });
  return new Raw(out);
}

const WORDS = {
  zh: {
    console: "网格治理后台",
    tree: "辖区",
    tickets: "工单",
    summary: "今日汇总",
    logout: "退出",
    login: "登录",
    personId: "账号（人员编号）",
    password: "密码",
    badLogin: "账号或密码不对。",
    open: "未办结",
    overdue: "超时",
    state: "状态",
    category: "类别",
    priority: "优先级",
    place: "地点",
    from: "起",
    to: "止",
    onlyOverdue: "只看超时",
    filter: "筛选",
    csv: "导出CSV",
    number: "编号",
    created: "提交时间",
    assignee: "处理人",
    text: "内容",
    timeline: "处理记录",
    reassign: "改派",
    reclassify: "改类别",
    save: "确定",
    none: "无",
    any: "全部",
    notFound: "没有这个工单，或不在您的辖区。",
    done: "已保存。",
    failed: "没有成功：",
    media: "照片与语音",
    prev: "上一页",
    next: "下一页",
    residents: "居民名册",
    tags: "重点人群",
    unit: "单元",
    name: "姓名",
    address: "住址",
    age: "年龄",
    phone: "电话",
    emergencyContact: "紧急联系人",
    consent: "已同意登记",
    linked: "有聊天账号",
    yes: "是",
    no: "否",
    residentsTotal: "符合条件的登记居民人数：",
    noResidents: "没有符合条件的登记居民。",
    personalData: "个人信息仅供工作使用，请勿转发。本次查看已记录。",
    placeNotFound: "没有这个地点，或不在您的辖区。",
    broadcasts: "通知发布",
    board: "共建清单",
    warnings: "预警",
    audit: "审计日志",
    publishTitle: "发布通知",
    kind: "类型",
    kindNotice: "通知",
    kindNoticeAck: "通知（需回复收到）",
    kindDutyCall: "应急召集",
    publish: "发布",
    publishedAt: "发布时间",
    author: "发布人",
    recipients: "对象",
    queued: "已排队",
    delivered: "已送达",
    failedCount: "失败",
    ackHouseholds: "已确认户数",
    dutyAnswers: "能来／来不了",
    unreached: "未确认住户",
    noBroadcasts: "还没有发布过通知。",
    published: "已发布，正在按平台限速发送。",
    textInvalid: "请填写通知内容，1到1500字。",
    placeInvalid: "请选择发布范围。",
    kindInvalid: "请选择通知类型。",
    broadcastNotFound: "没有这条通知，或不在您的辖区。",
    unreachedTotal: "尚未确认收到的住户（重点人群在前）：",
    allReached: "所有登记住户都已确认收到。",
    households: "户",
    people: "居民",
  },
  en: {
    console: "Grid governance console",
    tree: "Places",
    tickets: "Tickets",
    summary: "Today",
    logout: "Log out",
    login: "Log in",
    personId: "Account (person id)",
    password: "Password",
    badLogin: "Wrong account or password.",
    open: "Open",
    overdue: "Overdue",
    state: "State",
    category: "Category",
    priority: "Priority",
    place: "Place",
    from: "From",
    to: "To",
    onlyOverdue: "Overdue only",
    filter: "Filter",
    csv: "Export CSV",
    number: "Number",
    created: "Created",
    assignee: "Assignee",
    text: "Report",
    timeline: "Timeline",
    reassign: "Reassign",
    reclassify: "Reclassify",
    save: "Save",
    none: "none",
    any: "any",
    notFound: "No such ticket, or not in your area.",
    done: "Saved.",
    failed: "Not done: ",
    media: "Photos and voice",
    prev: "Previous",
    next: "Next",
    residents: "Residents",
    tags: "Groups",
    unit: "Unit",
    name: "Name",
    address: "Address",
    age: "Age",
    phone: "Phone",
    emergencyContact: "Emergency contact",
    consent: "Consented",
    linked: "Chat account",
    yes: "yes",
    no: "no",
    residentsTotal: "Registered residents matching: ",
    noResidents: "No registered residents match.",
    personalData: "Personal data, for work only; do not forward. This view is logged.",
    placeNotFound: "No such place, or not in your area.",
    broadcasts: "Notices",
    board: "Board",
    warnings: "Warnings",
    audit: "Audit log",
    publishTitle: "Publish a notice",
    kind: "Kind",
    kindNotice: "Notice",
    kindNoticeAck: "Notice asking for “received”",
    kindDutyCall: "Call for emergency duty",
    publish: "Publish",
    publishedAt: "Published",
    author: "By",
    recipients: "Recipients",
    queued: "Queued",
    delivered: "Delivered",
    failedCount: "Failed",
    ackHouseholds: "Households acknowledged",
    dutyAnswers: "Coming / not coming",
    unreached: "Households not reached",
    noBroadcasts: "No notice has been published yet.",
    published: "Published; sending at the platforms' pace.",
    textInvalid: "Write the notice: 1 to 1500 characters.",
    placeInvalid: "Choose where to publish.",
    kindInvalid: "Choose the kind of notice.",
    broadcastNotFound: "No such notice, or not in your area.",
    unreachedTotal: "Households that have not acknowledged (vulnerable first): ",
    allReached: "Every registered household has acknowledged.",
    households: "households",
    people: "Residents",
  },
} as const;
export type ConsoleWords = (typeof WORDS)["zh"];

const STATES = {
  zh: {
    reported: "已受理",
    triage: "待分派",
    dispatched: "已派单",
    accepted: "处理中",
    resolved: "待确认",
    reopened: "重新打开",
    closed: "已办结",
    merged: "已合并",
    cancelled: "已撤销",
  },
  en: {
    reported: "reported",
    triage: "triage",
    dispatched: "dispatched",
    accepted: "in progress",
    resolved: "resolved, to confirm",
    reopened: "reopened",
    closed: "closed",
    merged: "merged",
    cancelled: "cancelled",
  },
} as const;
export const stateName = (lang: ConsoleLang, state: string): string =>
  (STATES[lang] as Record<string, string>)[state] ?? state;
export const wordsFor = (lang: ConsoleLang): ConsoleWords => WORDS[lang] as ConsoleWords;

const STYLE = `
*{box-sizing:border-box}body{margin:0;font:15px/1.5 system-ui,"Noto Sans CJK SC",sans-serif;color:#1d2733;background:#f5f7fa}
header{display:flex;flex-wrap:wrap;gap:.4rem 1rem;align-items:center;padding:.6rem 1rem;background:#1f4e79;color:#fff}
header a{color:#fff;text-decoration:none}header strong{margin-right:auto}
main{padding:1rem;max-width:1100px;margin:auto}table{border-collapse:collapse;width:100%;background:#fff}
th,td{padding:.4rem .5rem;border-bottom:1px solid #e3e8ee;text-align:left;vertical-align:top}
.ok{color:#217a3c}.late{color:#b3261e;font-weight:600}.lvl-community td:first-child{padding-left:1.5rem}
.lvl-grid td:first-child{padding-left:3rem}form.filters{display:flex;flex-wrap:wrap;gap:.5rem;margin-bottom:1rem}
input,select,button,textarea{font:inherit;padding:.3rem .4rem}textarea{width:100%}button{background:#1f4e79;color:#fff;border:0;border-radius:4px}
.card{background:#fff;padding:1rem;margin-bottom:1rem;border-radius:6px}.notice{padding:.5rem;background:#e8f3ea}
img.media{max-width:100%;max-height:320px}@media (max-width:640px){.wide{display:none}main{padding:.5rem}}
`;

export function page(lang: ConsoleLang, title: string, body: Raw, loggedIn: boolean): string {
  const w = wordsFor(lang);
  const nav = loggedIn
    ? html`<a href="/admin?lang=${lang}">${w.tree}</a><a href="/admin/tickets?lang=${lang}">${w.tickets}</a>
<a href="/admin/summary?lang=${lang}">${w.summary}</a><a href="/admin/residents?lang=${lang}">${w.residents}</a>
<a href="/admin/broadcasts?lang=${lang}">${w.broadcasts}</a><a href="/admin/board?lang=${lang}">${w.board}</a>
<a href="/admin/warnings?lang=${lang}">${w.warnings}</a><a href="/admin/audit?lang=${lang}">${w.audit}</a><a href="/admin/logout">${w.logout}</a>
<a href="?lang=${lang === "zh" ? "en" : "zh"}">${lang === "zh" ? "English" : "中文"}</a>`
    : html``;
  return `<!doctype html><html lang="${lang === "zh" ? "zh-CN" : "en"}"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)} · ${escapeHtml(w.console)}</title>
<style>${STYLE}</style></head><body><header><strong>${escapeHtml(w.console)}</strong>${nav.html}</header>
<main>${body.html}</main></body></html>`;
}
