import type { WarningRule } from "../../core/warnings/warning-ports";

/** One warning as words: what rule, where, which category, and the evidence already formatted. */
export interface WarningText {
  readonly rule: WarningRule;
  readonly place: string;
  readonly category: string;
  readonly cases: readonly string[];
  readonly count: number;
  readonly windowHours: number | null;
  readonly baselineMean: number | null;
  readonly baselineWeeks: number | null;
  readonly previous: string | null;
  readonly grown: boolean;
}

/** Early warnings (主动预警): what a worker or admin is told, and the lines of a summary. */
export interface WarningMessages {
  warning(p: WarningText): string;
  ruleName(rule: WarningRule): string;
  exposureResidents(p: { lines: readonly string[] }): string;
  buttonAcknowledge(): string;
  acknowledged(p: { by: string }): string;
  askNote(): string;
  openList(p: { lines: readonly string[] }): string;
  noOpen(): string;
  summaryLine(p: { raised: number; open: number }): string;
}

const MAX_CASES = 8;

/** "2026-000012、2026-000013 …(+3)": the cases named, not flooding a chat. */
export function caseList(cases: readonly string[], separator: string): string {
  const shown = cases.slice(0, MAX_CASES).join(separator);
  return cases.length > MAX_CASES ? `${shown} …(+${cases.length - MAX_CASES})` : shown;
}
