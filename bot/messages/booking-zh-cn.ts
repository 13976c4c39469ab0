import type { BookingMessages } from "./booking-messages";

export const bookingZhCn: BookingMessages = {
  noCentre: () => "还不知道您住在哪个小区，请先报一件事或告诉我们您住哪栋楼，再来预约。",
  whichResource: () => "想预约哪个场地或服务？",
  askWhen: (p) => `想约${p.resource}的什么时间？比如“周三晚上7点到9点”或“明天上午”。`,
  noFreeSlot: (p) => `${p.day}${p.resource}已经约满了，换一天试试？`,
  propose: (p) => `为您预约：${p.centre} ${p.resource}\n时间：${p.when}\n确认吗？`,
  buttonConfirm: () => "确认预约",
  buttonOtherTime: () => "换个时间",
  buttonCancel: () => "取消预约",
  buttonMove: () => "改时间",
  booked: (p) =>
    `✅ 已预约 ${p.resource}\n时间：${p.when}\n地点：${p.centre}，${p.address}\n开放时间：${p.hours}\n开始前会提醒您。`,
  taken: (p) => `${p.when} 的${p.resource}已经被预约了。`,
  alternatives: () => "最近的空闲时间：",
  noAlternatives: () => "最近一周都没有空的时间，请换个场地或日子。",
  myBookingsHeader: (count) => `您的预约（${count} 个）：`,
  noBookings: () => "您目前没有预约。",
  bookingLine: (p) => `${p.resource} · ${p.when}`,
  cancelled: (p) => `已取消 ${p.resource}（${p.when}）的预约。`,
  askNewTime: (p) => `${p.resource}（现在是 ${p.when}）想改到什么时间？`,
  moved: (p) => `✅ 已改到 ${p.when}（${p.resource}）。`,
  freeHeader: (p) => `${p.centre} ${p.day} 的空闲时间：`,
  freeLine: (p) => `${p.resource}：${p.windows}`,
  fullyBooked: () => "已约满",
  reminder: (p) => `⏰ 提醒：您预约的${p.resource}在 ${p.when}，地点：${p.address}。`,
  dismissed: () => "好的，没有预约。需要时再告诉我。",
};
