import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { Locale } from "../../core/people/person";
import { formatAddress } from "../../core/registry/resident";
import type { RaisedWarning } from "../../core/warnings/detect-warnings";
import type { Warning } from "../../core/warnings/warning-ports";
import { catalogue } from "../messages/format";
import type { WarningText } from "../messages/warning-messages";
import type { BotDeps } from "./bot-deps";
import { categoryName } from "./notice-renderer";
import { privateTarget } from "./private-chat";

export const warningAckButton = (label: string, warningId: string) => ({
  label,
  data: `wn:ack:${warningId}`,
});

/** A warning as the catalogue's plain data, in a language. */
export async function warningText(
  deps: BotDeps,
  warning: Warning,
  locale: Locale,
  grown = false,
): Promise<WarningText> {
  const place = await deps.tickets.directory.getPlace(warning.placeId);
  return {
    rule: warning.rule,
    place: place?.name ?? warning.placeId,
    category: await categoryName(deps, warning.categoryCode, locale),
    cases: warning.evidence.cases.map((c) => c.number),
    count: warning.evidence.count ?? warning.evidence.cases.length,
    windowHours: warning.evidence.windowHours ?? null,
    baselineMean: warning.evidence.baseline?.mean ?? null,
    baselineWeeks: warning.evidence.baseline?.counts.length ?? null,
    previous: warning.evidence.previous?.number ?? null,
    grown,
  };
}

/**
 * Each raised warning, privately to each person it names, in their language, with the button to
 * take it on. An exposure also lists the residents to check on (their phones as the worker's role
 * may see them), written to the audit log as a disclosure.
 */
export async function warningNotices(
  deps: BotDeps,
  raised: readonly RaisedWarning[],
  at: Date,
): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  for (const { warning, grown, to } of raised) {
    for (const personId of to) {
      const target = await privateTarget(deps, personId);
      if (!target) {
        deps.logger.warn(
          { personId, warning: warning.id, rule: warning.rule },
          "no private chat for a warning",
        );
        continue;
      }
      const { locale } = target;
      const words = catalogue(locale).warnings;
      let text = words.warning(await warningText(deps, warning, locale, grown));
      if (warning.rule === "exposure" && warning.evidence.residentIds?.length) {
        text += `\n${words.exposureResidents({ lines: await residentLines(deps, warning.evidence.residentIds) })}`;
        await deps.registry.audit.record({
          at,
          actorId: personId,
          action: "registry.disclose",
          subject: warning.placePath,
          detail: { purpose: `exposure warning ${warning.id}`, residentIds: warning.evidence.residentIds },
        });
      }
      out.push({
        channel: target.channel,
        chatId: target.chatId,
        text,
        ...(grown ? {} : { buttons: [[warningAckButton(words.buttonAcknowledge(), warning.id)]] }),
      });
    }
  }
  return out;
}

async function residentLines(deps: BotDeps, ids: readonly string[]): Promise<string[]> {
  const lines: string[] = [];
  for (const id of ids) {
    const r = await deps.registry.registry.getResident(id);
    if (!r) continue;
    const building = await deps.tickets.directory.getPlace(r.household.buildingId);
    const tags = r.tags.map((t) => catalogue("zh-CN").registry.tag(t)).join("、");
    const contact = r.emergencyContactName
      ? ` · 紧急联系人 ${r.emergencyContactName} ${r.emergencyContactPhone ?? ""}`
      : "";
    lines.push(
      `· ${r.name} ${formatAddress(building?.name ?? "", r.household.unit, r.household.room)} ${tags}${r.phone ? ` ☎ ${r.phone}` : ""}${contact}`.trim(),
    );
  }
  return lines;
}
