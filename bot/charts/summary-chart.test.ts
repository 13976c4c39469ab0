import { describe, expect, it } from "vitest";
import {
  ChartFontMissing,
  chartFontProblem,
  createSummaryChartRenderer,
  rasterise,
  renderSvg,
  type SummaryChartData,
  summaryChartOption,
} from "./summary-chart";

// Debian's fonts-noto-cjk; .ci/run installs it.
const FONT = { file: "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", family: "Noto Sans CJK SC" };
const SIZE = { width: 640, height: 900 };

const DATA: SummaryChartData = {
  title: "春晖社区 11月30日",
  labels: {
    byCategory: "按类别（新增）",
    byDay: "按日（新增 / 办结）",
    overdueByGrid: "超期按网格",
    newCases: "新增",
    closed: "办结",
    none: "无",
  },
  byCategory: [
    { label: "照明", count: 3 },
    { label: "垃圾", count: 2 },
    { label: "噪音", count: 1 },
  ],
  byDay: ["11-24", "11-25", "11-26", "11-27", "11-28", "11-29", "11-30"].map((label, i) => ({
    label,
    newCases: [1, 1, 0, 1, 0, 4, 6][i]!,
    closed: [0, 0, 0, 0, 0, 1, 3][i]!,
  })),
  overdueByGrid: [
    { label: "春晖社区第2网格", count: 3 },
    { label: "春晖社区第1网格", count: 1 },
  ],
};

/** Pixels that are not (nearly) white in rows [top, bottom). */
function inkIn(image: { rgba: Uint8Array; width: number }, top: number, bottom: number): number {
  let ink = 0;
  for (let y = top; y < bottom; y++) {
    for (let x = 0; x < image.width; x++) {
      const i = (y * image.width + x) * 4;
      if (image.rgba[i]! < 200 || image.rgba[i + 1]! < 200 || image.rgba[i + 2]! < 200) ink++;
    }
  }
  return ink;
}

describe("the summary chart as a PNG, without a browser", () => {
  it("is a valid PNG of the configured size with real content", async () => {
    const png = await createSummaryChartRenderer(FONT, SIZE)(DATA);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    const header = Buffer.from(png.subarray(8, 24));
    expect(header.subarray(4, 8).toString("ascii")).toBe("IHDR");
    expect(header.readUInt32BE(8)).toBe(SIZE.width);
    expect(header.readUInt32BE(12)).toBe(SIZE.height);
    expect(png.byteLength).toBeGreaterThan(10_000);
  });

  it("draws the Chinese labels: the title row has ink with the CJK font and none without any font", () => {
    const svg = renderSvg(summaryChartOption(DATA, SIZE, FONT.family), SIZE);
    const withFont = rasterise(svg, FONT);
    const withoutFont = rasterise(svg, null);
    // Only the title (春晖社区 11月30日) is drawn in the top 45 rows.
    expect(inkIn(withFont, 0, 45)).toBeGreaterThan(300);
    expect(inkIn(withoutFont, 0, 45)).toBe(0);
    // A title of Chinese characters alone, so digits cannot be what was drawn.
    const chineseOnly = renderSvg(
      summaryChartOption({ ...DATA, title: "春晖社区汇总" }, SIZE, FONT.family),
      SIZE,
    );
    expect(inkIn(rasterise(chineseOnly, FONT), 0, 45)).toBeGreaterThan(300);
    // The bars and lines are drawn either way; the text is what the font adds.
    expect(inkIn(withFont, 45, SIZE.height)).toBeGreaterThan(inkIn(withoutFont, 45, SIZE.height));
  });

  it("draws empty panels when there is nothing to show", async () => {
    const png = await createSummaryChartRenderer(FONT, SIZE)({ ...DATA, byCategory: [], overdueByGrid: [] });
    expect(png.byteLength).toBeGreaterThan(5_000);
  });
});

describe("a missing font", () => {
  it("fails with a message that says what to install and which setting to change", async () => {
    const font = { file: "/nowhere/font.ttc", family: "Noto Sans CJK SC" };
    expect(chartFontProblem(font)).toMatch(/fonts-noto-cjk.*CHART_FONT_FILE/);
    await expect(createSummaryChartRenderer(font)(DATA)).rejects.toBeInstanceOf(ChartFontMissing);
  });
});
