import { personActor } from "../../core/people/person";
import type { Result } from "../../core/shared/result";
import { confirmTicket, rateTicket, rejectTicket } from "../../core/tickets/reporter-actions";
import { ACTIVE_STATES, type MediaRef } from "../../core/tickets/ticket";
import type { TransitionOutcome } from "../../core/tickets/ticket-transition";
import { resolveTicket, returnTicket, signForTicket } from "../../core/tickets/work-on-ticket";
import { type BotContext, hasRole, reply, STAFF_ROLES, stateKey, words } from "../conversation/bot-context";
import { categoryName, renderNotices } from "../conversation/notice-renderer";
import { creditVerifiedReports } from "../conversation/points-notices";
import { parseTicketButton, ratingButtons, ticketButton } from "../conversation/ticket-buttons";
import { excerpt, formatWhen } from "../messages/format";

const FORM_MINUTES = 60;

async function apply(
  ctx: BotContext,
  result: Result<TransitionOutcome>,
  onSuccess: (number: string) => string,
): Promise<void> {
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, words(ctx).errors[result.code]);
  }
  ctx.outcome = "ticket_updated";
  reply(ctx, onSuccess(result.value.ticket.number));
  ctx.out.push(...(await renderNotices(ctx.deps, result.value.notices)));
}

/** Buttons on notices: 签收 / 退回 / 已处理 for handlers, 已解决 / 没修好 and stars for reporters. */
export async function handleTicketButton(ctx: BotContext, data: string): Promise<boolean> {
  const parsed = parseTicketButton(data);
  if (!parsed) return false;
  const actor = personActor(ctx.person!);
  const ticketId = parsed.ticketId;
  const w = words(ctx);
  switch (parsed.action) {
    case "sign": {
      const result = await signForTicket(ctx.deps.tickets, { ticketId, actor });
      await apply(ctx, result, (number) =>
        w.signedFor({
          number,
          deadline: result.ok
            ? formatWhen(result.value.ticket.resolveDeadline, ctx.locale, ctx.deps.settings.timeZone)
            : null,
        }),
      );
      return true;
    }
    case "return":
    case "resolve":
    case "reject":
      return askForNote(ctx, parsed.action, ticketId);
    case "confirm": {
      const result = await confirmTicket(ctx.deps.tickets, { ticketId, actor });
      await apply(ctx, result, (number) => w.confirmedThanks({ number }));
      if (result.ok) ctx.out.push(...(await creditVerifiedReports(ctx.deps, result.value.notices)));
      if (result.ok)
        reply(ctx, w.askRating({ number: result.value.ticket.number }), ratingButtons(result.value.ticket));
      return true;
    }
    case "rate": {
      const rating = Number(parsed.value);
      const result = await rateTicket(ctx.deps.tickets, { ticketId, actor, rating });
      await apply(ctx, result, () => w.ratedThanks({ rating }));
      return true;
    }
  }
}

/** Returning, resolving and rejecting need words: ask for them, then finish with the next message. */
async function askForNote(
  ctx: BotContext,
  action: "return" | "resolve" | "reject",
  ticketId: string,
): Promise<boolean> {
  const ticket = await ctx.deps.tickets.tickets.findById(ticketId);
  if (!ticket) {
    reply(ctx, words(ctx).errors["TICKET.NOT_FOUND"]);
    return true;
  }
  await ctx.deps.states.set(
    stateKey(ctx),
    { form: `${action}_note`, ticketId },
    new Date(ctx.now.getTime() + FORM_MINUTES * 60_000),
  );
  const w = words(ctx);
  ctx.outcome = `asked_${action}_note`;
  const ask =
    action === "return" ? w.askReturnReason : action === "resolve" ? w.askResolveNote : w.askRejectReason;
  reply(ctx, ask({ number: ticket.number }));
  return true;
}

function photoOf(ctx: BotContext): MediaRef[] {
  const photo = ctx.message.photo;
  return photo ? [{ kind: "photo", ref: photo.ref, ...(photo.mime ? { mime: photo.mime } : {}) }] : [];
}

/** The note (and/or photo) that finishes a return, a resolution or a rejection. */
export async function continueTicketForm(ctx: BotContext, form: Record<string, unknown>): Promise<boolean> {
  const ticketId = typeof form.ticketId === "string" ? form.ticketId : null;
  if (!ticketId || typeof form.form !== "string" || !form.form.endsWith("_note")) return false;
  const note = ctx.message.text?.trim() ?? "";
  const actor = personActor(ctx.person!);
  const w = words(ctx);
  await ctx.deps.states.clear(stateKey(ctx));
  if (form.form === "return_note") {
    await apply(ctx, await returnTicket(ctx.deps.tickets, { ticketId, actor, reason: note }), (number) =>
      w.returned({ number }),
    );
  } else if (form.form === "resolve_note") {
    await resolveWith(ctx, ticketId, note);
  } else if (form.form === "reject_note") {
    await apply(ctx, await rejectTicket(ctx.deps.tickets, { ticketId, actor, reason: note }), (number) =>
      w.rejectedNoted({ number }),
    );
  } else {
    return false;
  }
  return true;
}

async function resolveWith(ctx: BotContext, ticketId: string, note: string): Promise<void> {
  const result = await resolveTicket(ctx.deps.tickets, {
    ticketId,
    actor: personActor(ctx.person!),
    note,
    media: photoOf(ctx),
  });
  await apply(ctx, result, (number) => words(ctx).resolvedByWorker({ number }));
}

/** A handler replying to a dispatch or nudge with a note and/or photo resolves that case. */
export async function resolveByReply(ctx: BotContext, replyTo: string): Promise<boolean> {
  if (!hasRole(ctx.person, ...STAFF_ROLES)) return false;
  const ticketId = await ctx.deps.outbox.ticketOfSentMessage(
    ctx.message.channel,
    ctx.message.chatId,
    replyTo,
  );
  if (!ticketId) return false;
  await resolveWith(ctx, ticketId, ctx.message.text?.trim() ?? "");
  return true;
}

/** "已处理" without saying which: offer the person's open cases as buttons. */
export async function showCasesToClose(ctx: BotContext): Promise<void> {
  const open = await ctx.deps.tickets.tickets.list({
    assigneeId: ctx.person!.id,
    states: ACTIVE_STATES.filter((s) => s !== "triage"),
    limit: 8,
  });
  ctx.outcome = "listed_cases_to_close";
  if (open.length === 0) return reply(ctx, words(ctx).noTasks());
  const rows = [];
  for (const ticket of open) {
    const category = await categoryName(ctx.deps, ticket.categoryCode, ctx.locale);
    rows.push([
      ticketButton(`${ticket.number} ${category} ${excerpt(ticket.originalText, 12)}`, "resolve", ticket.id),
    ]);
  }
  reply(ctx, words(ctx).whichTicket(), rows);
}
