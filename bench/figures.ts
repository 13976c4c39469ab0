import { round } from "./stats";

/** The targets on this 2-core machine (issue 8). */
export const TARGETS: Readonly<Record<string, { op: ">=" | "<="; value: number }>> = {
  intake_msgs_per_s: { op: ">=", value: 2000 },
  intake_ratio: { op: ">=", value: 0.25 },
  intake_p99_ms: { op: "<=", value: 15 },
  sweep_ms: { op: "<=", value: 50 },
  summary_ms: { op: "<=", value: 500 },
  classify_us: { op: "<=", value: 200 },
  rss_mb: { op: "<=", value: 300 },
};

export interface FigureLine {
  readonly figure: string;
  readonly value?: number;
  readonly unit?: string;
  readonly skipped?: string;
  readonly [detail: string]: unknown;
}

/** Every figure printed, kept for the closing summary line. */
export class FigurePrinter {
  readonly values: Record<string, number | null> = {};
  readonly met: Record<string, boolean> = {};

  constructor(private readonly common: Record<string, unknown>) {}

  figure(name: string, value: number, unit: string, details: Record<string, unknown> = {}, digits = 2): void {
    const target = TARGETS[name];
    const rounded = round(value, digits);
    const line: Record<string, unknown> = { figure: name, value: rounded, unit };
    if (target) {
      const met = target.op === ">=" ? value >= target.value : value <= target.value;
      line.target = `${target.op} ${target.value}`;
      line.met = met;
      this.met[name] = met;
    }
    this.values[name] = rounded;
    this.print({ ...line, ...details });
  }

  skipped(name: string, reason: string, details: Record<string, unknown> = {}): void {
    this.values[name] = null;
    this.print({ figure: name, skipped: reason, ...details });
  }

  summary(details: Record<string, unknown>): void {
    const missed = Object.entries(this.met)
      .filter(([, met]) => !met)
      .map(([name]) => name);
    this.print({ summary: true, figures: this.values, met: this.met, missed, ...details });
  }

  private print(line: Record<string, unknown>): void {
    process.stdout.write(`${JSON.stringify({ ...line, ...this.common })}\n`);
  }
}

/** Progress for the person watching: on stderr, so stdout stays one JSON object per line. */
export function progress(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}
