import { SUMMARY_ADMIN_ROLES } from "../../core/summaries/summary-access";
import type { SummaryDeliveryKey } from "../../core/summaries/summary-delivery";
import { dayPeriod } from "../../core/summaries/summary-period";
import type { BotDeps } from "./bot-deps";
import { renderSummary, summaryMessage } from "./summary-report";

export interface DailySummaryReport {
  readonly date: string;
  /** Summaries queued by this run. */
  readonly queued: number;
  /** Already sent by an earlier run (or another instance): nothing queued again. */
  readonly alreadySent: number;
  /** Admins with no private chat to send to (tried again on the next run). */
  readonly unreachable: number;
  readonly failed: number;
}

/**
 * The daily summary for `date`: every admin (community, street, district) gets their scope's
 * figures and chart privately. Each delivery is recorded in the transaction that queues it, on
 * a unique (person, scope, day) key, so running this twice — or on two instances at once — sends
 * each summary once. The scheduler runs it for yesterday at SUMMARY_TIME; `egrid summary --send` too.
 */
export async function sendDailySummaries(deps: BotDeps, date: string, at: Date): Promise<DailySummaryReport> {
  const period = dayPeriod(date, deps.settings.timeZone);
  const recipients = await deps.summaries.deliveries.recipients(SUMMARY_ADMIN_ROLES);
  const keys: SummaryDeliveryKey[] = recipients.map((r) => ({
    personId: r.personId,
    scopePlaceId: r.placeId,
    periodKey: period.key,
  }));
  const done = new Set(
    (await deps.summaries.deliveries.delivered(keys)).map((k) => `${k.personId}|${k.scopePlaceId}`),
  );
  const report = { date, queued: 0, alreadySent: done.size, unreachable: 0, failed: 0 };
  for (const key of keys) {
    if (done.has(`${key.personId}|${key.scopePlaceId}`)) continue;
    const address = await deps.chats.privateAddressOf(key.personId);
    const chatId = address ? deps.channels.privateChatIdFor(address.channel, address.externalId) : null;
    if (!address || !chatId) {
      deps.logger.warn({ personId: key.personId }, "no private chat for a daily summary");
      report.unreachable++;
      continue;
    }
    const locale = (await deps.tickets.people.getPerson(key.personId))?.locale ?? "zh-CN";
    const rendered = await renderSummary(deps, { scopePlaceId: key.scopePlaceId, period, locale });
    if (!rendered.ok) {
      deps.logger.error({ ...key, code: rendered.code }, "daily summary failed");
      report.failed++;
      continue;
    }
    const message = await summaryMessage(deps, rendered.value, locale);
    const queued = await deps.summaries.deliveries.queueOnce(
      key,
      [{ ...message, channel: address.channel, chatId }],
      at,
    );
    if (queued) report.queued++;
    else report.alreadySent++;
  }
  return report;
}
