// The summary's chart as a PNG, drawn on the server without a browser: echarts renders SVG in
// server-side mode, resvg turns it into pixels with a CJK font loaded from a file (without one,
// Chinese labels come out as nothing at all).
import { existsSync } from "node:fs";
import { Resvg } from "@resvg/resvg-js";
import * as echarts from "echarts";
import {
  type ChartFont,
  ChartFontMissing,
  type ChartSize,
  DEFAULT_CHART_SIZE,
  type SummaryChartData,
  type SummaryChartRenderer,
} from "./chart-setup";

export {
  type ChartFont,
  ChartFontMissing,
  type ChartSize,
  chartFontProblem,
  DEFAULT_CHART_SIZE,
  type SummaryChartData,
  type SummaryChartRenderer,
} from "./chart-setup";

const COLOURS = { bars: "#4e79a7", newCases: "#f28e2b", closed: "#59a14f", overdue: "#e15759" };

/** echarts options for three panels stacked: by category (bar), by day (lines), overdue by grid (bar). */
export function summaryChartOption(data: SummaryChartData, size: ChartSize, fontFamily: string) {
  const none = [{ label: data.labels.none, count: 0 }];
  const categories = data.byCategory.length ? data.byCategory : none;
  const grids = data.overdueByGrid.length ? data.overdueByGrid : none;
  const top = 60;
  const panel = (size.height - top) / 3;
  const grid = (index: number, left = 50) => ({
    top: top + index * panel + 40,
    height: panel - 90,
    left,
    right: 40,
    containLabel: true,
  });
  const panelTitle = (text: string, index: number) => ({
    text,
    top: top + index * panel + 5,
    left: 20,
    textStyle: { fontSize: 15, fontWeight: "normal" as const, fontFamily },
  });
  return {
    animation: false,
    backgroundColor: "#ffffff",
    textStyle: { fontFamily },
    title: [
      { text: data.title, left: "center", top: 12, textStyle: { fontSize: 20, fontFamily } },
      panelTitle(data.labels.byCategory, 0),
      panelTitle(data.labels.byDay, 1),
      panelTitle(data.labels.overdueByGrid, 2),
    ],
    legend: {
      data: [data.labels.newCases, data.labels.closed],
      top: top + panel + 5,
      right: 30,
      textStyle: { fontFamily },
    },
    grid: [grid(0), grid(1), grid(2, 20)],
    xAxis: [
      {
        gridIndex: 0,
        type: "category" as const,
        data: categories.map((c) => c.label),
        axisLabel: { interval: 0, rotate: categories.length > 5 ? 30 : 0, fontFamily },
      },
      {
        gridIndex: 1,
        type: "category" as const,
        data: data.byDay.map((d) => d.label),
        axisLabel: { fontFamily },
      },
      { gridIndex: 2, type: "value" as const, minInterval: 1 },
    ],
    yAxis: [
      { gridIndex: 0, type: "value" as const, minInterval: 1 },
      { gridIndex: 1, type: "value" as const, minInterval: 1 },
      {
        gridIndex: 2,
        type: "category" as const,
        inverse: true,
        data: grids.map((g) => g.label),
        axisLabel: { fontFamily },
      },
    ],
    series: [
      {
        type: "bar" as const,
        xAxisIndex: 0,
        yAxisIndex: 0,
        data: categories.map((c) => c.count),
        itemStyle: { color: COLOURS.bars },
        label: { show: true, position: "top" as const },
        barMaxWidth: 48,
      },
      {
        name: data.labels.newCases,
        type: "line" as const,
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: data.byDay.map((d) => d.newCases),
        itemStyle: { color: COLOURS.newCases },
      },
      {
        name: data.labels.closed,
        type: "line" as const,
        xAxisIndex: 1,
        yAxisIndex: 1,
        data: data.byDay.map((d) => d.closed),
        itemStyle: { color: COLOURS.closed },
      },
      {
        type: "bar" as const,
        xAxisIndex: 2,
        yAxisIndex: 2,
        data: grids.map((g) => g.count),
        itemStyle: { color: COLOURS.overdue },
        label: { show: true, position: "right" as const },
        barMaxWidth: 28,
      },
    ],
  };
}

/** SVG from echarts in server-side mode; the chart is always disposed (else the process cannot exit). */
export function renderSvg(option: echarts.EChartsCoreOption, size: ChartSize): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, ...size });
  try {
    chart.setOption(option);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/**
 * SVG → pixels and PNG with only the given font (no system fonts: what is drawn does not depend
 * on the machine). The raw RGBA pixels are there for checks of what was drawn.
 */
export function rasterise(
  svg: string,
  font: ChartFont | null,
): { png: Uint8Array; rgba: Uint8Array; width: number; height: number } {
  const resvg = new Resvg(svg, {
    background: "#ffffff",
    font: font
      ? {
          fontFiles: [font.file],
          loadSystemFonts: false,
          defaultFontFamily: font.family,
          sansSerifFamily: font.family,
        }
      : { loadSystemFonts: false },
  });
  const image = resvg.render();
  return {
    png: new Uint8Array(image.asPng()),
    rgba: new Uint8Array(image.pixels),
    width: image.width,
    height: image.height,
  };
}

/** The renderer the bot uses; checks the font at each call, so a font installed later is picked up. */
export function createSummaryChartRenderer(font: ChartFont, size: ChartSize = DEFAULT_CHART_SIZE) {
  const render: SummaryChartRenderer = async (data) => {
    if (!existsSync(font.file)) throw new ChartFontMissing(font.file);
    return rasterise(renderSvg(summaryChartOption(data, size, font.family), size), font).png;
  };
  return render;
}
