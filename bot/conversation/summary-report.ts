// A summary as words and a chart: the one rendering behind the chat, the /summary command, the
// daily job and the CLI.
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { Locale } from "../../core/people/person";
import { ok, type Result } from "../../core/shared/result";
import { localDateOf, parseLocalDate } from "../../core/shared/zoned-time";
import { type Summary, summarise } from "../../core/summaries/summarise";
import type { SummaryPeriod } from "../../core/summaries/summary-period";
import { workerScores } from "../../core/summaries/worker-scores";
import type { SummaryChartData } from "../charts/chart-setup";
import { catalogue } from "../messages/format";
import type { MessageCatalogue } from "../messages/message-catalogue";
import type { BotDeps } from "./bot-deps";
import { categoryName, personName } from "./notice-renderer";
import { warningText } from "./warning-notices";

export interface SummaryRequest {
  readonly scopePlaceId: string;
  readonly period: SummaryPeriod;
  readonly locale: Locale;
}

/** The words and chart of one summary, ready to send (the caller says where). */
export interface RenderedSummary {
  readonly summary: Summary;
  readonly text: string;
  readonly chart: SummaryChartData;
  /** The chart as a PNG; null when charts are off or drawing failed (the text still goes). */
  readonly png: Uint8Array | null;
}

/** "11月30日" / "今天（11月30日，截至15:30）": the period in the reader's words. */
export function periodLabel(
  words: MessageCatalogue,
  period: SummaryPeriod,
  timeZone: string,
  now: Date | null,
): string {
  const monthDay = (date: string) => {
    const { month, day } = parseLocalDate(date)!;
    return { month, day };
  };
  const wholeEnd = new Date(period.to.getTime() - 1);
  const soFar = now !== null && period.to.getTime() === now.getTime();
  const until = soFar
    ? new Intl.DateTimeFormat("en-GB", {
        timeZone,
        hour: "2-digit",
        minute: "2-digit",
        hourCycle: "h23",
      }).format(period.to)
    : null;
  return words.summary.periodLabel({
    kind: period.kind,
    first: monthDay(period.date),
    last: monthDay(localDateOf(wholeEnd, timeZone)),
    until,
  });
}

/** Summarise, then put it into words and draw the chart. `now` marks a period asked "so far". */
export async function renderSummary(
  deps: BotDeps,
  request: SummaryRequest,
  now: Date | null = null,
): Promise<Result<RenderedSummary>> {
  const timeZone = deps.settings.timeZone;
  const result = await summarise(deps.summaries, {
    scopePlaceId: request.scopePlaceId,
    from: request.period.from,
    to: request.period.to,
    timeZone,
  });
  if (!result.ok) return result;
  const s = result.value;
  const words = catalogue(request.locale);
  const period = periodLabel(words, request.period, timeZone, now);
  const category = (code: string | null) => categoryName(deps, code, request.locale);
  const text = words.summary.summary({
    scope: s.scope.name,
    period,
    comparedWith: request.period.kind,
    newCases: s.newCases,
    closed: s.closed,
    open: s.open,
    overdue: s.overdue,
    change: s.change,
    onTimeRate: s.onTime.rate,
    reopenRate: s.reopened.rate,
    rating: s.rating.average,
    ratingCount: s.rating.count,
    topCategories: await Promise.all(
      s.byCategory.slice(0, 3).map(async (c) => ({ name: await category(c.categoryCode), count: c.count })),
    ),
    hotSpots: await Promise.all(
      s.hotSpots.slice(0, 5).map(async (h) => ({
        place: h.placeName,
        category: await category(h.categoryCode),
        count: h.count,
      })),
    ),
    overdueByGrid: s.overdueByGrid.slice(0, 6).map((g) => ({ place: g.placeName, count: g.count })),
    longestOpen: await Promise.all(
      s.longestOpen.map(async (c) => ({
        number: c.number,
        category: await category(c.categoryCode),
        place: c.placeName,
        ageMinutes: c.ageMinutes,
      })),
    ),
  });
  const warningsText = await warningsOfPeriod(deps, s.scope.path, request.period, request.locale);
  const chart: SummaryChartData = {
    title: words.summary.chartTitle({ scope: s.scope.name, period }),
    labels: words.summary.chartLabels,
    byCategory: await Promise.all(
      s.byCategory.slice(0, 10).map(async (c) => ({ label: await category(c.categoryCode), count: c.count })),
    ),
    byDay: s.byDay.map((d) => ({ label: d.date.slice(5), newCases: d.newCases, closed: d.closed })),
    overdueByGrid: s.overdueByGrid.slice(0, 10).map((g) => ({ label: g.placeName, count: g.count })),
  };
  return ok({
    summary: s,
    text: warningsText ? `${text}\n${warningsText}` : text,
    chart,
    png: await drawChart(deps, chart),
  });
}

/** The warnings raised in the period under the scope: a count, how many are open, and the first few. */
async function warningsOfPeriod(
  deps: BotDeps,
  scopePath: string,
  period: SummaryPeriod,
  locale: Locale,
): Promise<string | null> {
  const raised = await deps.warnings.warnings.raisedBetween(scopePath, period.from, period.to);
  if (raised.length === 0) return null;
  const words = catalogue(locale).warnings;
  const lines = [
    words.summaryLine({ raised: raised.length, open: raised.filter((w) => !w.acknowledgedAt).length }),
  ];
  for (const warning of raised.slice(0, 3)) {
    const text = await warningText(deps, warning, locale);
    lines.push(`· ${words.ruleName(warning.rule)} ${text.place} ${text.category} ×${text.count}`);
  }
  return lines.join("\n");
}

async function drawChart(deps: BotDeps, chart: SummaryChartData): Promise<Uint8Array | null> {
  if (!deps.summaries.chart) return null;
  try {
    return await deps.summaries.chart(chart);
  } catch (error) {
    // A missing font or a drawing bug must not cost the admin the figures.
    deps.logger.error({ err: error }, "summary chart failed");
    return null;
  }
}

/** The summary as one message: the text, with the chart stored and attached when there is one. */
export async function summaryMessage(
  deps: BotDeps,
  rendered: RenderedSummary,
  locale: Locale,
): Promise<Omit<OutboundMessage, "channel" | "chatId">> {
  const words = catalogue(locale);
  if (!rendered.png) {
    return {
      text: deps.summaries.chart ? `${rendered.text}\n${words.summary.chartUnavailable()}` : rendered.text,
    };
  }
  const stored = await deps.voice.audio.put(rendered.png, "png");
  return {
    text: rendered.text,
    image: { ref: stored.key, mime: "image/png", caption: rendered.chart.title },
  };
}

/** Worker scores in words, names looked up. */
export async function renderWorkerScores(
  deps: BotDeps,
  request: SummaryRequest,
  now: Date | null = null,
): Promise<Result<string>> {
  const result = await workerScores(deps.summaries, {
    scopePlaceId: request.scopePlaceId,
    from: request.period.from,
    to: request.period.to,
  });
  if (!result.ok) return result;
  const words = catalogue(request.locale);
  const period = periodLabel(words, request.period, deps.settings.timeZone, now);
  const scope = result.value.scope.name;
  if (result.value.workers.length === 0) return ok(words.summary.noScores({ scope, period }));
  const workers = await Promise.all(
    result.value.workers.map(async (w) => ({
      name: (await personName(deps, w.personId)) ?? w.personId,
      resolved: w.resolved,
      onTimeRate: w.onTime.rate,
      rating: w.rating.average,
      reopenRate: w.reopened.rate,
    })),
  );
  return ok(words.summary.scores({ scope, period, workers }));
}
