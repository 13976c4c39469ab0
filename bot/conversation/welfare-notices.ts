import type { OutboundMessage } from "../../core/conversation/inbound-message";
import { formatAddress } from "../../core/registry/resident";
import { promptCheckIns, sweepMissedCheckIns } from "../../core/welfare/welfare-checks";
import { WELFARE_OK_BUTTON } from "../handlers/welfare-handler";
import { catalogue } from "../messages/format";
import type { BotDeps } from "./bot-deps";
import { renderNotices } from "./notice-renderer";
import { privateTarget } from "./private-chat";

/** Today's check-ins whose time has come, as private messages with the "I'm fine" button. */
export async function checkInPrompts(deps: BotDeps, at: Date): Promise<OutboundMessage[]> {
  const out: OutboundMessage[] = [];
  for (const prompt of await promptCheckIns(deps.welfare, at)) {
    const target = await privateTarget(deps, prompt.personId);
    if (!target) {
      // Not answered, so the grace period runs out and the worker is sent: nobody is forgotten.
      deps.logger.warn(
        { personId: prompt.personId, check: prompt.check.id },
        "no private chat for a welfare check",
      );
      continue;
    }
    const words = catalogue(target.locale).registry;
    const self = target.person?.name === prompt.residentName;
    out.push({
      channel: target.channel,
      chatId: target.chatId,
      text: words.welfarePrompt({ name: prompt.residentName, self }),
      buttons: [[{ label: words.buttonImFine(), data: WELFARE_OK_BUTTON }]],
    });
  }
  return out;
}

/**
 * Check-ins nobody answered: their assistance cases' notices, and to the worker each case went to,
 * privately, the numbers to ring in full (their role may see them; written to the audit log).
 */
export async function missedCheckInNotices(deps: BotDeps, at: Date): Promise<OutboundMessage[]> {
  const missed = await sweepMissedCheckIns(deps.welfare, at);
  const out = await renderNotices(
    deps,
    missed.flatMap((m) => m.notices),
  );
  for (const { ticket, resident } of missed) {
    if (!ticket.assigneeId) continue;
    const target = await privateTarget(deps, ticket.assigneeId);
    if (!target) continue;
    const building = await deps.tickets.directory.getPlace(resident.household.buildingId);
    out.push({
      channel: target.channel,
      chatId: target.chatId,
      ticketId: ticket.id,
      text: catalogue(target.locale).registry.welfareMissedDetails({
        number: ticket.number,
        name: resident.name,
        address: formatAddress(building?.name ?? "", resident.household.unit, resident.household.room),
        phone: resident.phone,
        contact: resident.emergencyContactName,
        contactPhone: resident.emergencyContactPhone,
      }),
    });
    await deps.registry.audit.record({
      at,
      actorId: ticket.assigneeId,
      action: "registry.disclose",
      subject: resident.id,
      detail: {
        purpose: `welfare check missed: case ${ticket.number}`,
        fields: ["phone", "emergencyContact"],
      },
    });
  }
  return out;
}
