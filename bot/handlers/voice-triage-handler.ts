import { personActor } from "../../core/people/person";
import { mayAct } from "../../core/tickets/ticket-permissions";
import type { VoiceNote } from "../../core/voice/voice-note";
import { triageVoiceTicket, writeDownVoiceNote } from "../../core/voice/voice-tickets";
import { type BotContext, reply, stateKey, words } from "../conversation/bot-context";
import { categoryName, personName, renderNotices } from "../conversation/notice-renderer";

const FORM_MINUTES = 60;
const VOICE_BUTTON = /^v:(t|c|k):([^:]+)(?::(.+))?$/;

/**
 * The grid worker's side of an untranscribed voice note: "type what was said" opens a form for
 * the next message; "pick category" lists categories; a category sends the case on its way.
 */
export async function handleVoiceButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = VOICE_BUTTON.exec(data);
  if (!match) return false;
  const [, action, ticketId, code] = match as unknown as [
    string,
    "t" | "c" | "k",
    string,
    string | undefined,
  ];
  const ticket = await ctx.deps.tickets.tickets.findById(ticketId);
  if (!ticket) {
    ctx.outcome = "refused_TICKET.NOT_FOUND";
    reply(ctx, words(ctx).errors["TICKET.NOT_FOUND"]);
    return true;
  }
  if (!mayAct(personActor(ctx.person!), "transcribe", ticket)) {
    ctx.outcome = "refused_TICKET.NOT_ALLOWED";
    reply(ctx, words(ctx).errors["TICKET.NOT_ALLOWED"]);
    return true;
  }
  if (action === "t") {
    await ctx.deps.states.set(
      stateKey(ctx),
      { form: "voice_transcript", ticketId },
      new Date(ctx.now.getTime() + FORM_MINUTES * 60_000),
    );
    ctx.outcome = "asked_transcript";
    reply(ctx, words(ctx).voice.askTranscript({ number: ticket.number }));
  } else if (action === "c") {
    await offerCategories(ctx, ticketId, ticket.number, null);
  } else if (code) {
    await pickCategory(ctx, ticketId, code);
  }
  return true;
}

/** The worker's typed transcript: it becomes the ticket's text; then the category, suggested. */
export async function continueVoiceForm(ctx: BotContext, form: Record<string, unknown>): Promise<boolean> {
  const text = ctx.message.text?.trim();
  if (form.form !== "voice_transcript" || typeof form.ticketId !== "string" || !text) return false;
  if (text.startsWith("/")) return false;
  await ctx.deps.states.clear(stateKey(ctx));
  const written = await writeDownVoiceNote(ctx.deps.tickets, {
    ticketId: form.ticketId,
    actor: personActor(ctx.person!),
    text,
    source: "typed",
  });
  if (!written.ok) {
    ctx.outcome = `refused_${written.code}`;
    reply(ctx, words(ctx).errors[written.code]);
    return true;
  }
  const ticket = written.value;
  const note = await ctx.deps.voice.notes.findByTicket(ticket.id);
  if (note) {
    const typed: VoiceNote = {
      ...note,
      state: "typed",
      transcript: ticket.originalText,
      transcribedBy: ctx.person!.id,
      updatedAt: ctx.now,
    };
    await ctx.deps.voice.notes.save(typed);
  }
  ctx.outcome = "transcript_typed";
  reply(ctx, words(ctx).voice.transcriptSaved({ number: ticket.number }));
  if (ticket.state === "triage") {
    const categories = await ctx.deps.tickets.directory.listCategories();
    const understood = await ctx.deps.understanding.understand(text, { locale: ctx.locale, categories });
    const suggested = [understood.category, ...understood.categoryAlternatives.map((a) => a.code)];
    await offerCategories(ctx, ticket.id, ticket.number, suggested);
  }
  return true;
}

/** Suggested categories first (up to three), or every category when asked for the full list. */
async function offerCategories(
  ctx: BotContext,
  ticketId: string,
  number: string,
  suggested: readonly (string | null)[] | null,
): Promise<void> {
  const all = (await ctx.deps.tickets.directory.listCategories()).map((c) => c.code);
  const codes = suggested
    ? [...new Set(suggested.filter((c): c is string => !!c && all.includes(c)))].slice(0, 3)
    : all;
  const buttons = await Promise.all(
    codes.map(async (code) => ({
      label: await categoryName(ctx.deps, code, ctx.locale),
      data: `v:k:${ticketId}:${code}`,
    })),
  );
  const rows = [];
  for (let i = 0; i < buttons.length; i += 3) rows.push(buttons.slice(i, i + 3));
  if (suggested) rows.push([{ label: words(ctx).otherCategory(), data: `v:c:${ticketId}` }]);
  ctx.outcome = "offered_categories";
  reply(ctx, words(ctx).voice.pickCategory({ number }), rows);
}

async function pickCategory(ctx: BotContext, ticketId: string, categoryCode: string): Promise<void> {
  const result = await triageVoiceTicket(ctx.deps.tickets, {
    ticketId,
    actor: personActor(ctx.person!),
    categoryCode,
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, words(ctx).errors[result.code]);
  }
  const { ticket, notices } = result.value;
  ctx.outcome = `voice_triaged_${ticket.state}`;
  reply(
    ctx,
    words(ctx).voice.triaged({
      number: ticket.number,
      category: await categoryName(ctx.deps, categoryCode, ctx.locale),
      handler: ticket.state === "dispatched" ? await personName(ctx.deps, ticket.assigneeId) : null,
    }),
  );
  ctx.out.push(...(await renderNotices(ctx.deps, notices)));
}
