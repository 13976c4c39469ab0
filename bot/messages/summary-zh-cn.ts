import type { SummaryMessages } from "./summary-messages";

const arrow = (n: number) => (n > 0 ? ` ↑${n}` : n < 0 ? ` ↓${-n}` : "");
const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
const age = (minutes: number) => {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? `${days}天${hours}小时` : hours > 0 ? `${hours}小时` : `${minutes % 60}分钟`;
};
const COMPARED = { day: "前一日", week: "上周", period: "上一时段" } as const;

export const summaryZhCn: SummaryMessages = {
  periodLabel: (p) => {
    const date = (d: { month: number; day: number }) => `${d.month}月${d.day}日`;
    const span = p.kind === "day" ? date(p.first) : `${date(p.first)}–${date(p.last)}`;
    return p.until ? `${p.kind === "day" ? "今天" : "本周"}（${span}，截至${p.until}）` : span;
  },
  summary: (v) =>
    [
      `📊 ${v.scope}｜${v.period}`,
      `新增 ${v.newCases}${arrow(v.change.newCases)}　办结 ${v.closed}${arrow(v.change.closed)}`,
      `在办 ${v.open}　超期 ${v.overdue}${arrow(v.change.overdue)}`,
      `按时办结 ${percent(v.onTimeRate)}　重开 ${percent(v.reopenRate)}　满意度 ${
        v.rating === null ? "—" : `${v.rating.toFixed(1)}（${v.ratingCount}人评）`
      }`,
      ...(v.topCategories.length
        ? [`高发：${v.topCategories.map((c) => `${c.name}${c.count}`).join(" ")}`]
        : []),
      ...(v.hotSpots.length
        ? [`热点：${v.hotSpots.map((h) => `${h.place} ${h.category}${h.count}起`).join("；")}`]
        : []),
      ...(v.overdueByGrid.length
        ? [`超期分布：${v.overdueByGrid.map((g) => `${g.place}${g.count}`).join(" ")}`]
        : []),
      ...(v.longestOpen.length
        ? [
            "最久未办结：",
            ...v.longestOpen.map((c) => `· ${c.number} ${c.category} ${c.place} 已${age(c.ageMinutes)}`),
          ]
        : []),
      `（↑↓ 与${COMPARED[v.comparedWith]}相比）`,
    ].join("\n"),
  scores: (p) =>
    [
      `👷 ${p.scope}｜${p.period} 办件考评`,
      ...p.workers.map(
        (w) =>
          `${w.name}：办结${w.resolved}　按时${percent(w.onTimeRate)}　满意度${
            w.rating === null ? "—" : w.rating.toFixed(1)
          }　重开${percent(w.reopenRate)}`,
      ),
      "（重开：居民说“没修好”退回的比例）",
    ].join("\n"),
  noScores: (p) => `👷 ${p.scope}｜${p.period}：这段时间还没有人办结工单。`,
  chartTitle: (p) => `${p.scope} ${p.period}`,
  chartCaption: (p) => `📈 ${p.scope} ${p.period} 图表`,
  chartLabels: {
    byCategory: "按类别（新增）",
    byDay: "按日（新增 / 办结）",
    overdueByGrid: "超期按网格",
    newCases: "新增",
    closed: "办结",
    none: "无",
  },
  notInScope: (p) => `您只能查看自己负责范围内的汇总，“${p.place}”不在您的范围内。`,
  chartUnavailable: () => "（图表暂时生成不了，先发文字汇总。）",
  usage: (command) =>
    command === "summary"
      ? "用法：/summary [日期 如 2026-11-30 | week] [范围 如 c-chunhui 或 春晖社区]"
      : "用法：/scores [日期 | week] [范围]",
};
