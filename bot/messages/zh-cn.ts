import { boardZhCn } from "./board-zh-cn";
import { bookingZhCn } from "./booking-zh-cn";
import type { MessageCatalogue } from "./message-catalogue";
import { pointsZhCn } from "./points-zh-cn";
import { registryZhCn } from "./registry-zh-cn";
import { summaryZhCn } from "./summary-zh-cn";
import { warningZhCn } from "./warning-zh-cn";

const LEVEL: Record<string, string> = {
  grid: "网格",
  community: "社区",
  street: "街道",
  department: "职能部门",
};
const PRIORITY: Record<string, string> = { urgent: "紧急", high: "较急", normal: "一般", low: "不急" };

const ticketBlock = (p: {
  number: string;
  category: string;
  place: string;
  text: string;
  deadline: string | null;
  priority: string;
}) =>
  `【${p.number}】${p.category}｜${PRIORITY[p.priority] ?? p.priority}\n地点：${p.place}\n内容：${p.text}${p.deadline ? `\n期限：${p.deadline}` : ""}`;

export const zhCN: MessageCatalogue = {
  stateName: {
    reported: "已上报",
    triage: "待分派",
    dispatched: "已派单",
    accepted: "处理中",
    resolved: "已处理待确认",
    reopened: "已重新处理",
    closed: "已办结",
    merged: "已合并",
    cancelled: "已撤销",
  },
  errors: {
    "TICKET.NOT_FOUND": "没有找到这个工单。",
    "TICKET.ILLEGAL_TRANSITION": "这个工单现在的状态不能这样操作。",
    "TICKET.NOT_ALLOWED": "您没有权限处理这个工单。",
    "TICKET.CONCURRENT_UPDATE": "工单刚被别人更新了，请再试一次。",
    "TICKET.NOTE_REQUIRED": "请写一句说明（或发一张照片）。",
    "TICKET.RATING_INVALID": "评分请选1到5分。",
    "TICKET.ALREADY_RATED": "这个工单已经评过分了，谢谢。",
    "TICKET.MERGE_TARGET_INVALID": "不能合并到这个工单。",
    "TICKET.ASSIGNEE_INVALID": "这个人不能承办这个工单。",
    "TICKET.TOP_LEVEL": "已经是最高一级了，不能再上报。",
    "TICKET.NO_ROUTE": "找不到承办人，请指定一位。",
    "TICKET.CATEGORY_UNKNOWN": "没有这个类别。",
    "PLACE.NOT_FOUND": "没有找到这个地点。",
    "PERSON.NOT_FOUND": "没有找到这个人。",
    "VOICE.EMPTY": "这条语音是空的，请按住说话键重新录一条。",
    "VOICE.NOT_AUDIO": "这个文件不是语音，请直接发语音或打字告诉我们。",
    "VOICE.CORRUPT": "这条语音打不开，可能没录完整，请重新录一条。",
    "VOICE.TOO_LARGE": "这个语音文件太大了，请录一条短一点的。",
    "VOICE.TOO_LONG": "这条语音太长了，请分成几条短一点的发。",
    "VOICE.FETCH_FAILED": "这条语音没有收到，请再发一次。",
    "TRANSCRIBE.UNAVAILABLE": "语音暂时无法自动识别。",
    "TRANSCRIBE.REJECTED": "语音无法自动识别。",
    "TRANSCRIBE.EMPTY": "语音里没有听到说话。",
    "OPEN311.SERVICE_UNKNOWN": "没有这个服务类别。",
    "OPEN311.ADDRESS_UNKNOWN": "在本辖区找不到这个地址。",
    "REGISTRY.NOT_ALLOWED": "这不在您负责的范围里，不能查看或修改。",
    "REGISTRY.NOT_FOUND": "登记里没有找到这位居民，请先登记（/resident）。",
    "REGISTRY.INVALID": "登记信息格式不对，请检查电话号码等。",
    "REGISTRY.NO_CONSENT": "还没有本人或监护人的同意，不能开通。取得同意后用 /resident … 已同意 更新登记。",
    "REGISTRY.NO_PRIVATE_CHAT": "名单涉及个人信息，只能在私聊里查看。请先私聊我。",
    "WELFARE.CODE_UNKNOWN": "这个绑定码不对或已经用过了，请向网格员确认。",
    "BROADCAST.NOT_ALLOWED": "只有社区、街道和区的管理员可以在自己的辖区发布通知。",
    "BROADCAST.NOT_FOUND": "没有找到这条通知。",
    "BROADCAST.EMPTY": "这个范围里没有绑定的群，也没有可以私聊通知的居民。",
    "WARNING.NOT_FOUND": "没有找到这条预警。",
    "WARNING.NOT_ALLOWED": "这条预警不在您负责的范围里。",
    "WARNING.ALREADY_ACKNOWLEDGED": "这条预警已经有人确认处理了。",
    ...pointsZhCn.errors,
    ...boardZhCn.errors,
    "BOOKING.NOT_FOUND": "没有找到这个预约。",
    "BOOKING.NOT_ALLOWED": "这个场地不对您开放预约，请联系社区。",
    "BOOKING.SLOT_TAKEN": "这个时间已经被预约了。",
    "BOOKING.IN_PAST": "这个时间已经过去了，请换一个时间。",
    "BOOKING.TOO_FAR_AHEAD": "预约不能提前这么久，请选近一点的日子。",
    "BOOKING.TOO_LONG": "一次预约的时间太长了，请缩短一些。",
    "BOOKING.BAD_TIME": "请按整点或半点预约。",
    "BOOKING.CLOSED": "那个时间服务中心不开放。",
    "BOOKING.TOO_MANY_PEOPLE": "人数超过了这个房间的容量。",
    "BOOKING.BAD_HOURS": "服务中心的开放时间设置有误，请联系管理员。",
  },
  apology: () => "抱歉，系统刚才出了点问题，您的消息已经保存，我们会尽快处理。",
  tooFast: () => "消息有点多，请稍等一分钟再发。",
  unrecognised: () =>
    "我没太明白。报事请直接说问题和地点，比如“3栋楼道灯坏了”；查进度发“我的报事”；发“帮助”看我能做什么。",
  help: (isWorker, isAdmin) =>
    [
      "我是社区网格助手，可以：",
      "· 报事：直接说问题，比如“3栋2单元楼道灯不亮”，也可以发照片加说明",
      "· 查进度：发“我的报事”",
      "· 处理完成后我会请您确认",
      "· 积分：发“我有多少积分”“有什么可以换”“积分排行”，/activities 看志愿活动，到场发“签到 口令”",
      "· 共建清单：/board [需求|资源|项目|个性|mine] 看待认领事项，/post 需求|资源|项目|个性 [地点] [时间] 内容 发布，/claim 编号 认领，/done 编号 [每人时长] [志愿者ID…] 完成，/withdraw 编号 撤回，/units 看驻区单位共建情况",
      ...(isWorker
        ? [
            "· 网格员：收到派单后点“签收”“退回”“已处理”，或直接回复派单消息说明处理结果；发“我的任务”看待办，“今天的汇总”看本网格",
            "· 预警：发现隐患聚集、激增、反复或停运影响重点人群时会私信您，点“我来处理”确认；/warnings 看未确认的预警",
            "· 居民台账：私聊发“3栋201 王奶奶 独居 电话… 已同意”登记，“3栋的独居老人”查名单；/welfare 开通报平安，/desk 代居民报事，/unreached 看通知未确认的住户",
          ]
        : []),
      ...(isAdmin
        ? [
            "· 管理员：发“/open”看在办工单，“/overdue”看超期，“/reassign 编号 人员ID”转派，“/dispatch 编号 类别 [人员ID]”分派",
            "· 汇总：发“今天的汇总”“本周东街道情况”，或 /summary [日期] [week] [范围]；/scores 看网格员办件考评（每天早上自动私信昨日汇总）",
            "· 积分管理：/award 或 /deduct 人员ID 积分 原因，/publish 发布志愿活动，/attended 活动编号 人员ID 确认参加",
            "· 一键发布：/notice 通知，/alert 需回复“收到”的通知，/dutycall 应急召集志愿者；/bcstatus 看进度",
            "· 驻区单位：/unit add 名称 类型 地点 联系人ID 登记；街道和区管理员吹哨：/whistle 工单编号或事件说明，/callstatus 看各单位、部门报到情况",
          ]
        : []),
      "· 切换语言：/lang en",
    ].join("\n"),
  chitchat: () => "您好！有问题随时在这里说，我会转给网格员处理。",
  askBuilding: () => "请问您住在哪一栋？（只问一次，我会记住）",
  publicArea: () => "公共区域/不在楼里",
  homeRemembered: (building) => `好的，记住了：您住在${building}。`,
  askCategory: () => "请问这属于哪一类问题？",
  otherCategory: () => "其他",
  askMoreDetail: () => "能再具体说说是什么问题、在哪里吗？",
  askDescriptionForMedia: () => "收到。请再用一句话说明是什么问题。",
  noPlaceKnown: () => "我还不知道您住在哪个小区，请在您小区的居民群里发，或联系网格员登记。",
  filedGroup: (p) =>
    `已受理，编号 ${p.number}（${p.category}）。${p.handler ? `由${p.handler}处理` : "正在安排处理人"}${p.deadline ? `，${p.deadline}前响应` : ""}。`,
  filedTriage: (p) => `已记录，编号 ${p.number}。社区工作人员会尽快确认并安排处理。`,
  filedMerged: (p) =>
    `这个问题已经有人反映了（${p.number}），已把您加为关注人，目前共 ${p.supporters} 人反映。处理进展会通知您。`,
  safetyAdvice: (kind) =>
    ({
      gas: "⚠️ 闻到燃气味：请立即开窗通风，不要开关电器、不要打火，人员撤到室外，拨打燃气抢修电话或 119。",
      fire: "⚠️ 发生火情请立即拨打 119，撤离时不要乘电梯，用湿毛巾捂住口鼻。",
      medical: "⚠️ 有人身体不适或受伤，请立即拨打 120，并尽量有人陪在身边。",
      lift: "⚠️ 被困电梯请保持冷静，按电梯内警铃，拨打电梯内的救援电话或 96333，不要强行扒门。",
      general: "⚠️ 如有危险请先确保人身安全，紧急情况拨打 110 / 119 / 120。",
    })[kind],
  sentPrivately: () => "详情已私信给您。",
  myTicketsHeader: (count) => `您最近的报事（${count} 件）：`,
  noTickets: () => "您还没有报过事。",
  ticketLine: (p) =>
    `${p.number} ${p.category} · ${p.state}${p.handler ? ` · ${p.handler}` : ""}${p.deadline ? ` · 期限 ${p.deadline}` : ""}${p.overdue ? " · ⏰超期" : ""}`,
  tasksHeader: (count) => `您的待办工单（${count} 件）：`,
  noTasks: () => "您目前没有待办工单。",
  scopeHeader: (p) => `${p.scope}：在办 ${p.open} 件，其中超期 ${p.overdue} 件。`,
  onlyForStaff: () => "这个功能是给网格员和工作人员用的。",
  onlyForAdmins: () => "这个功能是给管理员用的。",
  dispatched: (p) => `📋 新派单\n${ticketBlock(p)}\n请签收。`,
  escalatedToYou: (p) =>
    `⬆️ 工单已上报到您这一级${p.reason === "deadline" ? "（下级超时未办结）" : p.reason ? `（${p.reason}）` : ""}\n${ticketBlock(p)}`,
  escalatedAway: (p) => `工单 ${p.number} 已超时，已上报到${LEVEL[p.level] ?? p.level}。`,
  reassignedAway: (p) => `工单 ${p.number} 已转给其他人处理。`,
  nudge: (p) => `⏰ 提醒：工单还剩 ${p.left} 到期\n${ticketBlock(p)}`,
  triageNeeded: (p) =>
    `🗂 待分派工单${p.reason ? `（${p.reason}）` : ""}\n${ticketBlock(p)}\n分派：/dispatch ${p.number} 类别代码 [人员ID]`,
  accepted: (p) =>
    `您的报事 ${p.number} 已被${p.handler ?? "工作人员"}签收${p.deadline ? `，${p.deadline}前处理` : ""}。`,
  resolvedAskConfirm: (p) =>
    `您的报事 ${p.number} 已处理${p.note ? `：${p.note}` : ""}。请确认是否解决${p.autoClose ? `（${p.autoClose}前无异议将自动办结）` : ""}。`,
  resolvedForFollower: (p) => `您关注的问题 ${p.number} 已处理${p.note ? `：${p.note}` : ""}。`,
  reopened: (p) => `🔁 居民反映未解决，工单重新处理${p.reason ? `：${p.reason}` : ""}\n${ticketBlock(p)}`,
  closed: (p) => `工单 ${p.number} 已办结。`,
  askRating: (p) => `工单 ${p.number} 已办结，请为这次处理打分：`,
  cancelled: (p) => `工单 ${p.number} 已撤销${p.reason ? `：${p.reason}` : ""}。`,
  mergedInto: (p) => `工单 ${p.number} 与${p.into ? ` ${p.into} ` : "另一件"}是同一问题，已合并处理。`,
  supporterAdded: (p) => `又有居民反映了工单 ${p.number} 的问题${p.text ? `：“${p.text}”` : ""}。`,
  breached: (p) => `⚠️ 工单 ${p.number} 在${LEVEL[p.level] ?? p.level}一级已超期，且无法再上报，请尽快处理。`,
  buttonSignFor: () => "签收",
  buttonReturn: () => "退回",
  buttonResolve: () => "已处理",
  buttonConfirm: () => "已解决",
  buttonReject: () => "没修好",
  signedFor: (p) =>
    `已签收 ${p.number}${p.deadline ? `，请在 ${p.deadline} 前处理` : ""}。处理完直接回复派单消息说明结果，或点“已处理”。`,
  askReturnReason: (p) => `请说明退回 ${p.number} 的原因（比如应由哪个部门处理）：`,
  returned: (p) => `已退回 ${p.number}，社区会重新分派。`,
  askResolveNote: (p) => `请回复处理结果（一句话或照片），完成 ${p.number}：`,
  resolvedByWorker: (p) => `已提交处理结果 ${p.number}，等待居民确认。`,
  confirmedThanks: (p) => `感谢确认，工单 ${p.number} 已办结。`,
  rejectedNoted: (p) => `已记录，工单 ${p.number} 将重新处理。`,
  askRejectReason: (p) => `请说说 ${p.number} 哪里还没解决：`,
  ratedThanks: (p) => `谢谢您的评价（${p.rating} 分）！`,
  whichTicket: () => "请选择是哪一件工单：",
  levelName: (level) => LEVEL[level] ?? level,
  reassigned: (p) => `已将 ${p.number} 转派给 ${p.to}。`,
  dispatchedBy: (p) => `已将 ${p.number} 派给 ${p.to}。`,
  commandUsage: (command) =>
    ({
      reassign: "用法：/reassign 工单编号 人员ID",
      dispatch: "用法：/dispatch 工单编号 类别代码 [人员ID]",
      lang: "用法：/lang zh 或 /lang en",
    })[command] ?? "命令格式不对。",
  languageSet: () => "好的，以后用中文回复您。",
  bookings: bookingZhCn,
  points: pointsZhCn,
  registry: registryZhCn,
  warnings: warningZhCn,
  board: boardZhCn,
  summary: summaryZhCn,
  voice: {
    heard: (p) => `🎤 我听到的是：“${p.text}”`,
    filedUntranscribed: (p) =>
      `收到您的语音（${p.seconds}秒），已登记为 ${p.number}。网格员会听您的语音，尽快处理，请放心。`,
    keptNoPlace: (p) => `收到您的语音（${p.seconds}秒），已经保存。请告诉我们是哪栋楼，方便派人处理。`,
    forWorker: (p) =>
      `🎤 语音报事 ${p.number}\n${p.place} · ${p.reporter} · ${p.seconds}秒\n${p.reason}请听语音后输入内容并选择分类。`,
    buttonType: () => "✍️ 输入内容",
    buttonCategory: () => "🏷 选择分类",
    askTranscript: (p) => `请输入您在 ${p.number} 语音里听到的内容：`,
    transcriptSaved: (p) => `已记录 ${p.number} 的内容。`,
    pickCategory: (p) => `请选择 ${p.number} 的分类：`,
    triaged: (p) =>
      p.handler
        ? `${p.number} 已分类为“${p.category}”，已派给 ${p.handler}。`
        : `${p.number} 已分类为“${p.category}”，等待社区分派。`,
    autoTranscribed: (p) => `🎤 ${p.number} 的语音已自动识别：“${p.text}”`,
    noRecognition: () => "本系统没有开启语音自动识别。",
    audioCaption: (p) => `${p.number} 的语音（${p.seconds}秒）`,
  },
  locationReceived: () => "收到位置。请再说明是什么问题。",
};
