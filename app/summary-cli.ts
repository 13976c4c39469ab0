import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { chartFontProblem } from "../bot/charts/chart-setup";
import { renderSummary } from "../bot/conversation/summary-report";
import { addDays, localDateOf } from "../core/shared/zoned-time";
import { dayPeriod, localDateSchema, weekPeriod } from "../core/summaries/summary-period";
import { TriageOnlyUnderstanding } from "../prompts/triage-only-understanding";
import { createBotRuntime } from "./bot-runtime";
import { channelsFromConfig } from "./channels-setup";
import type { Config } from "./config";
import { createEgrid } from "./egrid-app";
import { createLogger } from "./logger";
import { systemClock } from "./system-clock";

export const SUMMARY_USAGE = `usage: egrid summary --date <YYYY-MM-DD> [--scope <place id>] [--week] [--out <chart.png>]
       egrid summary --send [--date <YYYY-MM-DD>]   (the daily job for that day; default yesterday)`;

/**
 * `egrid summary`: print a place's summary of a day (or its week) in Chinese and write the chart;
 * with --send, run the daily job for a day — each admin's summary queued once, however often it runs.
 */
export async function summaryCommand(
  config: Config,
  args: string[],
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  let values: { date?: string; scope?: string; week?: boolean; out?: string; send?: boolean };
  try {
    values = parseArgs({
      args,
      options: {
        date: { type: "string" },
        scope: { type: "string" },
        week: { type: "boolean" },
        out: { type: "string" },
        send: { type: "boolean" },
      },
      strict: true,
    }).values;
  } catch (error) {
    io.err(`${error instanceof Error ? error.message : String(error)}\n${SUMMARY_USAGE}`);
    return 2;
  }
  const zone = config.EGRID_TIME_ZONE;
  const date = values.date ?? (values.send ? addDays(localDateOf(systemClock.now(), zone), -1) : undefined);
  if (!date || !localDateSchema.safeParse(date).success) {
    io.err(SUMMARY_USAGE);
    return 2;
  }
  const font = { file: config.CHART_FONT_FILE, family: config.CHART_FONT_FAMILY };
  if (values.out && chartFontProblem(font)) {
    io.err(chartFontProblem(font)!);
    return 1;
  }
  const logger = createLogger("warn");
  const egrid = await createEgrid({ ...config, SEED_DEMO: false }, logger);
  try {
    // The configured channels are built (not started) so admins' private chats can be addressed;
    // the messages wait in the outbox for the running egrid to deliver.
    const runtime = createBotRuntime(
      egrid,
      logger,
      systemClock,
      new TriageOnlyUnderstanding(),
      { act: 1, offer: 1 },
      values.send ? await channelsFromConfig(config, logger) : [],
    );
    if (values.send) {
      const report = await runtime.sendDailySummaries(date, systemClock.now());
      io.out(
        `daily summary ${report.date}: queued=${report.queued} already_sent=${report.alreadySent} unreachable=${report.unreachable} failed=${report.failed}`,
      );
      return report.failed > 0 ? 1 : 0;
    }
    const scopePlaceId =
      values.scope ?? (await egrid.summaries.places.placesWithin("/", ["district"]))[0]?.id ?? "";
    const period = values.week ? weekPeriod(date, zone) : dayPeriod(date, zone);
    // Draw only when asked for the file: the text alone needs no font.
    const deps = values.out
      ? runtime.deps
      : { ...runtime.deps, summaries: { ...runtime.deps.summaries, chart: null } };
    const rendered = await renderSummary(deps, { scopePlaceId, period, locale: "zh-CN" });
    if (!rendered.ok) {
      io.err(`summary failed: ${rendered.code} ${JSON.stringify(rendered.detail ?? {})}`);
      return 1;
    }
    io.out(rendered.value.text);
    if (values.out) {
      if (!rendered.value.png) {
        io.err("the chart could not be drawn (see the log above)");
        return 1;
      }
      writeFileSync(values.out, rendered.value.png);
      io.out(`chart: ${values.out} (${rendered.value.png.byteLength} bytes)`);
    }
    return 0;
  } finally {
    await egrid.close();
  }
}
