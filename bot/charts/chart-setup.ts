// What the rest of egrid needs to know about summary charts, without loading echarts and resvg
// (tens of MB) until the first chart is drawn.
import { existsSync } from "node:fs";

export interface SummaryChartData {
  readonly title: string;
  readonly labels: {
    readonly byCategory: string;
    readonly byDay: string;
    readonly overdueByGrid: string;
    readonly newCases: string;
    readonly closed: string;
    readonly none: string;
  };
  readonly byCategory: readonly { readonly label: string; readonly count: number }[];
  readonly byDay: readonly { readonly label: string; readonly newCases: number; readonly closed: number }[];
  readonly overdueByGrid: readonly { readonly label: string; readonly count: number }[];
}

export interface ChartFont {
  /** A TTF, OTF or TTC file with CJK glyphs (Debian: fonts-noto-cjk). */
  readonly file: string;
  /** The family inside it to draw with; a .ttc holds several ("Noto Sans CJK SC" is the simplified Chinese one). */
  readonly family: string;
}

export interface ChartSize {
  readonly width: number;
  readonly height: number;
}

export type SummaryChartRenderer = (data: SummaryChartData) => Promise<Uint8Array>;

export const DEFAULT_CHART_SIZE: ChartSize = { width: 800, height: 1000 };

export class ChartFontMissing extends Error {
  constructor(file: string) {
    super(
      `chart font not found: ${file}. Install Debian's fonts-noto-cjk, or set CHART_FONT_FILE to a TTF/OTF/TTC font with Chinese glyphs.`,
    );
  }
}

/** Null when the font file is there; otherwise what is wrong, in words for a log line. */
export function chartFontProblem(font: ChartFont): string | null {
  return existsSync(font.file) ? null : new ChartFontMissing(font.file).message;
}

/** A renderer that imports the chart libraries on its first chart, not at start. */
export function lazySummaryChartRenderer(
  font: ChartFont,
  size: ChartSize = DEFAULT_CHART_SIZE,
): SummaryChartRenderer {
  let renderer: Promise<SummaryChartRenderer> | null = null;
  return async (data) => {
    renderer ??= import("./summary-chart").then((m) => m.createSummaryChartRenderer(font, size));
    return (await renderer)(data);
  };
}
