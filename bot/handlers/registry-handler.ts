import { changeResident } from "../../core/registry/keep-registry";
import { lookupResidents } from "../../core/registry/lookup-residents";
import { mayUseRegistryAt, registryScopes } from "../../core/registry/registry-access";
import {
  parseRegistryQuery,
  parseRegistryUpdate,
  type RegistryQuery,
} from "../../core/registry/registry-text";
import { formatAddress } from "../../core/registry/resident";
import { yearIn } from "../../core/shared/clock";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { resolveRegistryPlace } from "./registry-place";

/** "已同意" / "同意登记" / "consented": the worker records the resident's (or guardian's) consent. */
const CONSENT_WORDS = /已同意|同意登记|本人同意|家属同意|监护人同意|\bconsent(ed)?\b/gi;

/** The entry's words without the consent mark (the parser reads the rest), and whether it was there. */
function withoutConsent(text: string): { text: string; consent: boolean } {
  const stripped = text.replace(CONSENT_WORDS, " ").replace(/\s+/g, " ").trim();
  return { text: stripped, consent: stripped !== text.replace(/\s+/g, " ").trim() };
}

/**
 * Personal data goes only to a private chat: in a group it goes to the person's private chat
 * (with a short note in the group), and where there is none it is not sent at all.
 */
export function replyPersonal(ctx: BotContext, text: string): void {
  if (ctx.message.chatType !== "group") {
    reply(ctx, text);
    return;
  }
  const privateChat = ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId);
  if (!privateChat) {
    ctx.outcome = "registry_private_only";
    reply(ctx, words(ctx).registry.privateOnly());
    return;
  }
  ctx.out.push({ channel: ctx.message.channel, chatId: privateChat, text });
  reply(ctx, words(ctx).sentPrivately());
}

/** A worker's or admin's words about the registry: a lookup, or an entry to keep. False: not about it. */
export async function handleRegistryText(ctx: BotContext, text: string): Promise<boolean> {
  if (!ctx.person || registryScopes(ctx.person).length === 0) return false;
  const entry = withoutConsent(text);
  const update = parseRegistryUpdate(entry.text, yearIn(ctx.now, ctx.deps.settings.timeZone));
  if (update) {
    await keepResident(ctx, entry.consent, update);
    return true;
  }
  const query = parseRegistryQuery(text);
  if (query) {
    await lookUp(ctx, query, `chat: ${text.slice(0, 80)}`);
    return true;
  }
  return false;
}

/** /resident 3栋201 王奶奶 独居 电话… */
export async function residentCommand(ctx: BotContext, args: string[]): Promise<void> {
  const entry = withoutConsent(args.join(" "));
  const update = entry.text
    ? parseRegistryUpdate(entry.text, yearIn(ctx.now, ctx.deps.settings.timeZone))
    : null;
  if (!update) return reply(ctx, words(ctx).registry.usage("resident"));
  return keepResident(ctx, entry.consent, update);
}

/** /residents [place] [tags] [多少] */
export async function residentsCommand(ctx: BotContext, args: string[]): Promise<void> {
  const text = args.join(" ");
  const query = parseRegistryQuery(text || "住户名单") ?? parseRegistryQuery(`${text} 住户名单`);
  if (!query) return reply(ctx, words(ctx).registry.usage("residents"));
  return lookUp(ctx, query, `command: /residents ${text}`.slice(0, 100));
}

async function keepResident(
  ctx: BotContext,
  consent: boolean,
  update: NonNullable<ReturnType<typeof parseRegistryUpdate>>,
): Promise<void> {
  const w = words(ctx);
  const where = await resolveRegistryPlace(ctx, `${update.buildingHint}栋`);
  if (!where || where.place.level !== "building") {
    ctx.outcome = "registry_place_unknown";
    return replyPersonal(ctx, w.registry.placeUnknown({ hint: `${update.buildingHint}栋` }));
  }
  // Words that fit no field are kept in the note; anything else not understood (a bad phone) refuses it.
  const problems = update.problems.filter((p) => p !== "unread_text");
  if (problems.length > 0) {
    ctx.outcome = "registry_invalid";
    return replyPersonal(ctx, `${w.errors["REGISTRY.INVALID"]} (${problems.join(", ")})`);
  }
  const result = await changeResident(
    ctx.deps.registry,
    ctx.person!,
    {
      building: where.place,
      unit: update.unit,
      room: update.room,
      name: update.name,
      tags: update.tags,
      phone: update.phone,
      birthYear: update.birthYear,
      emergencyContactName: update.emergencyContactName,
      emergencyContactPhone: update.emergencyContactPhone,
      consent,
      moveOut: update.moveOut,
      note: update.unread.length > 0 ? update.unread.join(" ") : null,
    },
    "chat",
  );
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return replyPersonal(ctx, w.errors[result.code]);
  }
  ctx.outcome = `registry_${result.value.kind}`;
  const saved = result.value.residentId
    ? await ctx.deps.registry.registry.getResident(result.value.residentId)
    : null;
  const address = formatAddress(where.place.name, update.unit, update.room);
  const lines = [
    w.registry.residentSaved({
      kind: result.value.kind,
      name: update.name,
      address,
      tags: saved?.tags ?? update.tags,
    }),
  ];
  if (result.value.kind !== "left" && update.unread.length > 0) {
    lines.push(w.registry.notedAsIs({ words: update.unread.join(" ") }));
  }
  if (result.value.kind !== "left" && saved && !saved.consent) lines.push(w.registry.noConsentYet());
  replyPersonal(ctx, lines.join("\n"));
}

async function lookUp(ctx: BotContext, query: RegistryQuery, purpose: string): Promise<void> {
  const w = words(ctx);
  const where = await resolveRegistryPlace(ctx, query.placeHint);
  if (!where) {
    ctx.outcome = "registry_place_unknown";
    return replyPersonal(ctx, w.registry.placeUnknown({ hint: query.placeHint ?? "" }));
  }
  if (!mayUseRegistryAt(ctx.person!, where.place.path)) {
    ctx.outcome = "refused_REGISTRY.NOT_ALLOWED";
    return replyPersonal(ctx, w.errors["REGISTRY.NOT_ALLOWED"]);
  }
  // A list is personal data: refuse it before reading (and auditing) anything when there is no private chat.
  if (query.mode === "list" && ctx.message.chatType === "group") {
    if (!ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId)) {
      ctx.outcome = "registry_private_only";
      return reply(ctx, w.registry.privateOnly());
    }
  }
  const result = await lookupResidents(ctx.deps.registry, {
    actor: ctx.person!,
    scope: where.place,
    tags: query.tags,
    mode: query.mode,
    unit: where.unit,
    purpose,
    limit: 30,
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return replyPersonal(ctx, w.errors[result.code]);
  }
  const scope = where.unit ? `${where.place.name}${where.unit}单元` : where.place.name;
  ctx.outcome = `registry_${query.mode}`;
  if (query.mode === "count") {
    // A count names nobody: it may be answered where it was asked.
    return reply(ctx, w.registry.count({ scope, tags: query.tags, total: result.value.total }));
  }
  replyPersonal(
    ctx,
    w.registry.list({
      scope,
      tags: query.tags,
      total: result.value.total,
      lines: result.value.residents.map((r) => ({
        name: r.name,
        address: r.address,
        age: r.age,
        tags: r.tags,
        phone: r.phone,
        emergency: r.emergencyContactName
          ? `${r.emergencyContactName}${r.emergencyContactPhone ? ` ${r.emergencyContactPhone}` : ""}`
          : null,
      })),
    }),
  );
}
