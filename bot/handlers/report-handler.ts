import type { Place } from "../../core/places/place";
import { openTicket } from "../../core/tickets/open-ticket";
import type { MediaRef, Priority } from "../../core/tickets/ticket";
import type { Understood } from "../../core/understanding/understanding";
import { confidenceBand } from "../../core/understanding/understanding";
import { isUntranscribedVoice } from "../../core/voice/voice-tickets";
import { type BotContext, reply, stateKey, words } from "../conversation/bot-context";
import { categoryName, personName, renderNotices } from "../conversation/notice-renderer";
import { linkVoiceNote, seconds, voiceForGridWorkers } from "../conversation/voice-notices";
import { formatWhen } from "../messages/format";
import { matchBuilding } from "./place-matching";

/** A report on its way to becoming a ticket, kept in the form state between questions. */
interface ReportDraft {
  text: string;
  media: MediaRef[];
  category: string | null;
  priority: Priority;
  alternatives: string[];
  buildingHint: string | null;
  placeId: string | null;
  /** How many times we asked for more detail. */
  attempts: number;
  /** The voice note the report came from (its ticket is linked to it when filed). */
  voiceNoteId?: string;
}

const FORM_MINUTES = 30;

function mediaOf(ctx: BotContext): MediaRef[] {
  const media: MediaRef[] = [];
  const { photo, location, voice } = ctx.message;
  if (photo) media.push({ kind: "photo", ref: photo.ref, ...(photo.mime ? { mime: photo.mime } : {}) });
  // Only a kept voice note (its audio under data/) is attached; the handler swaps the ref in.
  if (voice && ctx.voiceNoteId)
    media.push({ kind: "voice", ref: voice.ref, ...(voice.mime ? { mime: voice.mime } : {}) });
  if (location)
    media.push({ kind: "location", ref: `geo:${location.latitude},${location.longitude}`, ...location });
  return media;
}

async function saveForm(ctx: BotContext, form: string, draft: ReportDraft): Promise<void> {
  await ctx.deps.states.set(
    stateKey(ctx),
    { form, draft },
    new Date(ctx.now.getTime() + FORM_MINUTES * 60_000),
  );
}

/** A new report: from understanding, or (null) a photo or location with no words yet. */
export async function startReport(ctx: BotContext, understood: Understood | null): Promise<void> {
  if (!understood) {
    await saveForm(ctx, "describe", emptyDraft(mediaOf(ctx)));
    ctx.outcome = "asked_description";
    return reply(
      ctx,
      ctx.message.location && !ctx.message.photo
        ? words(ctx).locationReceived()
        : words(ctx).askDescriptionForMedia(),
    );
  }
  const draft: ReportDraft = {
    text: ctx.message.text?.trim() ?? "",
    media: mediaOf(ctx),
    category: understood.category,
    priority: understood.priority,
    alternatives: understood.categoryAlternatives.map((a) => a.code),
    buildingHint: understood.place.building,
    placeId: null,
    attempts: 0,
    ...(ctx.voiceNoteId ? { voiceNoteId: ctx.voiceNoteId } : {}),
  };
  if (understood.priority === "urgent")
    reply(ctx, words(ctx).safetyAdvice(safetyKind(draft.text, draft.category)));
  const band = confidenceBand(understood.categoryConfidence, ctx.deps.thresholds);
  if (band === "ask" || !draft.category) return askMore(ctx, draft);
  if (band === "offer") return offerCategories(ctx, draft);
  return placeAndFile(ctx, draft);
}

/** A voice note nobody could transcribe: filed in triage with its audio, for the grid worker to hear. */
export async function startUntranscribedReport(ctx: BotContext, voiceNoteId: string): Promise<void> {
  await placeAndFile(ctx, { ...emptyDraft(mediaOf(ctx)), voiceNoteId });
}

function emptyDraft(media: MediaRef[]): ReportDraft {
  return {
    text: "",
    media,
    category: null,
    priority: "normal",
    alternatives: [],
    buildingHint: null,
    placeId: null,
    attempts: 0,
  };
}

/** Low confidence: ask once for more detail, then hand it to a person (triage) rather than guess. */
async function askMore(ctx: BotContext, draft: ReportDraft): Promise<void> {
  if (draft.attempts >= 1) return placeAndFile(ctx, { ...draft, category: null });
  await saveForm(ctx, "detail", { ...draft, attempts: draft.attempts + 1 });
  ctx.outcome = "asked_detail";
  reply(ctx, words(ctx).askMoreDetail());
}

async function offerCategories(ctx: BotContext, draft: ReportDraft): Promise<void> {
  await saveForm(ctx, "category", draft);
  const choices = [
    ...new Set([draft.category, ...draft.alternatives].filter((c): c is string => !!c && c !== "other")),
  ].slice(0, 3);
  const buttons = await Promise.all(
    choices.map(async (code) => ({
      label: await categoryName(ctx.deps, code, ctx.locale),
      data: `c:${code}`,
    })),
  );
  ctx.outcome = "offered_categories";
  reply(ctx, words(ctx).askCategory(), [buttons, [{ label: words(ctx).otherCategory(), data: "c:other" }]]);
}

/** Where is it? A building named in the text, else where the person lives, else ask (once). */
async function placeAndFile(ctx: BotContext, draft: ReportDraft): Promise<void> {
  if (draft.placeId) return file(ctx, draft, draft.placeId);
  const person = ctx.person!;
  const scope = ctx.binding?.place ?? null;
  const home = await ctx.deps.chats.homeOf(person.id);
  const searchUnder = scope?.id ?? (home ? home.path.split("/").filter(Boolean).at(-2) : null);
  if (draft.buildingHint && searchUnder) {
    const hinted = matchBuilding(await ctx.deps.chats.buildingsUnder(searchUnder), draft.buildingHint);
    if (hinted) return file(ctx, draft, hinted.id);
  }
  if (home && (!scope || home.path.startsWith(scope.path))) return file(ctx, draft, home.id);
  if (!scope) {
    ctx.outcome = "no_place";
    return reply(ctx, words(ctx).noPlaceKnown());
  }
  return askBuilding(ctx, draft, scope);
}

async function askBuilding(ctx: BotContext, draft: ReportDraft, scope: Place): Promise<void> {
  const buildings = (await ctx.deps.chats.buildingsUnder(scope.id)).slice(0, 24);
  await saveForm(ctx, "building", draft);
  const rows = [];
  for (let i = 0; i < buildings.length; i += 3) {
    rows.push(buildings.slice(i, i + 3).map((b) => ({ label: b.name, data: `b:${b.id}` })));
  }
  rows.push([{ label: words(ctx).publicArea(), data: `b:${scope.id}` }]);
  ctx.outcome = "asked_building";
  reply(ctx, words(ctx).askBuilding(), rows);
}

async function file(ctx: BotContext, draft: ReportDraft, placeId: string): Promise<void> {
  // A report filed in one message had no form to clear: one write (and commit) saved.
  if (ctx.formWasOpen !== false) await ctx.deps.states.clear(stateKey(ctx));
  const result = await openTicket(ctx.deps.tickets, {
    reporterId: ctx.person!.id,
    placeId,
    text: draft.text,
    categoryCode: draft.category,
    priority: draft.priority,
    sourceChannel: ctx.message.channel,
    media: draft.media,
    sourceKey: `inbox:${ctx.inboxId}`,
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, words(ctx).errors[result.code]);
  }
  const { ticket, disposition, mergedInto, notices } = result.value;
  ctx.outcome = `ticket_${disposition}`;
  const voiceNote = draft.voiceNoteId ? await linkVoiceNote(ctx.deps, draft.voiceNoteId, ticket.id) : null;
  if (voiceNote && isUntranscribedVoice(ticket)) {
    ctx.outcome = "ticket_voice_untranscribed";
    reply(ctx, words(ctx).voice.filedUntranscribed({ number: ticket.number, seconds: seconds(voiceNote) }));
    ctx.out.push(...(await voiceForGridWorkers(ctx.deps, ticket, voiceNote)));
  } else if (disposition === "merged" && mergedInto) {
    reply(ctx, words(ctx).filedMerged({ number: mergedInto.number, supporters: mergedInto.supporterCount }));
  } else if (disposition === "triage") {
    reply(ctx, words(ctx).filedTriage({ number: ticket.number }));
  } else {
    reply(
      ctx,
      words(ctx).filedGroup({
        number: ticket.number,
        category: await categoryName(ctx.deps, ticket.categoryCode, ctx.locale),
        handler: await personName(ctx.deps, ticket.assigneeId),
        deadline: formatWhen(ticket.signForDeadline, ctx.locale, ctx.deps.settings.timeZone),
      }),
      undefined,
      ticket.id,
    );
  }
  ctx.out.push(...(await renderNotices(ctx.deps, notices, [ticket, ...(mergedInto ? [mergedInto] : [])])));
}

/** Building (b:…) and category (c:…) buttons of a report in progress. */
export async function handleReportButton(ctx: BotContext, data: string): Promise<boolean> {
  const form = await ctx.deps.states.get(stateKey(ctx), ctx.now);
  const draft = form?.draft as ReportDraft | undefined;
  if (data.startsWith("b:") && form?.form === "building" && draft) {
    const placeId = data.slice(2);
    const place = await ctx.deps.tickets.directory.getPlace(placeId);
    if (!place) return false;
    if (place.level === "building" && !(await ctx.deps.chats.homeOf(ctx.person!.id))) {
      await ctx.deps.chats.setHome(ctx.person!.id, place.id);
      reply(ctx, words(ctx).homeRemembered(place.name));
    }
    await file(ctx, draft, place.id);
    return true;
  }
  if (data.startsWith("c:") && form?.form === "category" && draft) {
    await placeAndFile(ctx, { ...draft, category: data.slice(2) });
    return true;
  }
  return false;
}

/** The next message of a report form: more detail, or the description of a photo. */
export async function continueReportForm(ctx: BotContext, form: Record<string, unknown>): Promise<boolean> {
  const draft = form.draft as ReportDraft | undefined;
  const text = ctx.message.text?.trim();
  if (!draft || !text || (form.form !== "detail" && form.form !== "describe")) return false;
  const combined = [draft.text, text].filter(Boolean).join("\n");
  const categories = await ctx.deps.tickets.directory.listCategories();
  const understood = await ctx.deps.understanding.understand(combined, { locale: ctx.locale, categories });
  const next: ReportDraft = {
    ...draft,
    text: combined,
    media: [...draft.media, ...mediaOf(ctx)],
    category: understood.category,
    priority: understood.priority,
    alternatives: understood.categoryAlternatives.map((a) => a.code),
    buildingHint: understood.place.building ?? draft.buildingHint,
  };
  if (understood.priority === "urgent" && draft.priority !== "urgent") {
    reply(ctx, words(ctx).safetyAdvice(safetyKind(combined, next.category)));
  }
  const band = confidenceBand(understood.categoryConfidence, ctx.deps.thresholds);
  if (band === "act" && next.category) await placeAndFile(ctx, next);
  else if (band === "offer" && next.category) await offerCategories(ctx, next);
  else await askMore(ctx, next);
  return true;
}

function safetyKind(text: string, category: string | null): "gas" | "fire" | "medical" | "lift" | "general" {
  if (/煤气|燃气|天然气|gas/i.test(text)) return "gas";
  if (/火|烟|fire|smoke/i.test(text)) return "fire";
  if (category === "elevator" || /电梯|困|lift|elevator/i.test(text)) return "lift";
  if (category === "assistance" || /晕|倒|摔|血|昏|不省人事|collapse|faint|bleed/i.test(text))
    return "medical";
  return "general";
}
