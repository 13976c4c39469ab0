/** A summary made ready for words: names looked up, numbers plain, rates 0–1 or null. */
export interface SummaryView {
  readonly scope: string;
  /** From periodLabel. */
  readonly period: string;
  readonly comparedWith: "day" | "week" | "period";
  readonly newCases: number;
  readonly closed: number;
  readonly open: number;
  readonly overdue: number;
  readonly change: { readonly newCases: number; readonly closed: number; readonly overdue: number };
  readonly onTimeRate: number | null;
  readonly reopenRate: number | null;
  readonly rating: number | null;
  readonly ratingCount: number;
  readonly topCategories: readonly { readonly name: string; readonly count: number }[];
  readonly hotSpots: readonly { readonly place: string; readonly category: string; readonly count: number }[];
  readonly overdueByGrid: readonly { readonly place: string; readonly count: number }[];
  readonly longestOpen: readonly {
    readonly number: string;
    readonly category: string;
    readonly place: string;
    readonly ageMinutes: number;
  }[];
}

export interface WorkerScoreView {
  readonly name: string;
  readonly resolved: number;
  readonly onTimeRate: number | null;
  readonly rating: number | null;
  readonly reopenRate: number | null;
}

/** Summaries and worker scores for admins: short, scannable lines for a phone. */
export interface SummaryMessages {
  /** "11月30日", "11月30日–12月6日", "今天（截至15:30）". */
  periodLabel(p: {
    kind: "day" | "week";
    first: { month: number; day: number };
    last: { month: number; day: number };
    until: string | null;
  }): string;
  summary(v: SummaryView): string;
  scores(p: { scope: string; period: string; workers: readonly WorkerScoreView[] }): string;
  noScores(p: { scope: string; period: string }): string;
  chartTitle(p: { scope: string; period: string }): string;
  chartCaption(p: { scope: string; period: string }): string;
  readonly chartLabels: {
    readonly byCategory: string;
    readonly byDay: string;
    readonly overdueByGrid: string;
    readonly newCases: string;
    readonly closed: string;
    readonly none: string;
  };
  /** The place named is outside what this person may see. */
  notInScope(p: { place: string }): string;
  chartUnavailable(): string;
  usage(command: "summary" | "scores"): string;
}
