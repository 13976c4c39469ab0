import type { SummaryMessages } from "./summary-messages";

const arrow = (n: number) => (n > 0 ? ` ↑${n}` : n < 0 ? ` ↓${-n}` : "");
const percent = (rate: number | null) => (rate === null ? "—" : `${Math.round(rate * 100)}%`);
const age = (minutes: number) => {
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  return days > 0 ? `${days} d ${hours} h` : hours > 0 ? `${hours} h` : `${minutes % 60} min`;
};
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
const COMPARED = { day: "the day before", week: "the week before", period: "the period before" } as const;

export const summaryEn: SummaryMessages = {
  periodLabel: (p) => {
    const date = (d: { month: number; day: number }) => `${d.day} ${MONTHS[d.month - 1] ?? ""}`;
    const span = p.kind === "day" ? date(p.first) : `${date(p.first)}–${date(p.last)}`;
    return p.until ? `${p.kind === "day" ? "today" : "this week"} (${span}, until ${p.until})` : span;
  },
  summary: (v) =>
    [
      `📊 ${v.scope} | ${v.period}`,
      `New ${v.newCases}${arrow(v.change.newCases)} · Closed ${v.closed}${arrow(v.change.closed)}`,
      `Open ${v.open} · Overdue ${v.overdue}${arrow(v.change.overdue)}`,
      `On time ${percent(v.onTimeRate)} · Reopened ${percent(v.reopenRate)} · Rating ${
        v.rating === null ? "—" : `${v.rating.toFixed(1)} (${v.ratingCount})`
      }`,
      ...(v.topCategories.length
        ? [`Top: ${v.topCategories.map((c) => `${c.name} ${c.count}`).join(", ")}`]
        : []),
      ...(v.hotSpots.length
        ? [`Hot spots: ${v.hotSpots.map((h) => `${h.place} ${h.category} ×${h.count}`).join("; ")}`]
        : []),
      ...(v.overdueByGrid.length
        ? [`Overdue by grid: ${v.overdueByGrid.map((g) => `${g.place} ${g.count}`).join(", ")}`]
        : []),
      ...(v.longestOpen.length
        ? [
            "Longest open:",
            ...v.longestOpen.map((c) => `· ${c.number} ${c.category} ${c.place}, ${age(c.ageMinutes)}`),
          ]
        : []),
      `(↑↓ against ${COMPARED[v.comparedWith]})`,
    ].join("\n"),
  scores: (p) =>
    [
      `👷 ${p.scope} | ${p.period} worker scores`,
      ...p.workers.map(
        (w) =>
          `${w.name}: resolved ${w.resolved} · on time ${percent(w.onTimeRate)} · rating ${
            w.rating === null ? "—" : w.rating.toFixed(1)
          } · reopened ${percent(w.reopenRate)}`,
      ),
      '(reopened: sent back by the resident as "not fixed")',
    ].join("\n"),
  noScores: (p) => `👷 ${p.scope} | ${p.period}: nobody resolved a case in this period.`,
  chartTitle: (p) => `${p.scope} ${p.period}`,
  chartCaption: (p) => `📈 ${p.scope} ${p.period} charts`,
  chartLabels: {
    byCategory: "New cases by category",
    byDay: "By day (new / closed)",
    overdueByGrid: "Overdue by grid",
    newCases: "New",
    closed: "Closed",
    none: "none",
  },
  notInScope: (p) => `You can see summaries of your own area only; "${p.place}" is outside it.`,
  chartUnavailable: () => "(The chart could not be drawn just now; here are the figures.)",
  usage: (command) =>
    command === "summary"
      ? "Usage: /summary [date like 2026-11-30 | week] [scope like c-chunhui]"
      : "Usage: /scores [date | week] [scope]",
};
