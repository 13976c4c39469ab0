import {
  answerBroadcast,
  broadcastProgress,
  mayPublishAt,
  publishBroadcast,
  unreachedHouseholds,
} from "../../core/broadcast/broadcast";
import type { Broadcast, BroadcastAnswer, BroadcastProgress } from "../../core/broadcast/broadcast-ports";
import type { Place } from "../../core/places/place";
import { registryScopes } from "../../core/registry/registry-access";
import { formatAddress } from "../../core/registry/resident";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { formatWhen } from "../messages/format";
import { replyPersonal } from "./registry-handler";

/** Button data "b:<ack|yes|no>:<broadcast id>". */
export function broadcastButton(label: string, answer: BroadcastAnswer, broadcastId: string) {
  return { label, data: `b:${answer}:${broadcastId}` };
}

/** /notice text · /alert text (asks for "received") · /dutycall text (volunteers: can you come?) */
export async function publishCommand(
  ctx: BotContext,
  command: "notice" | "alert" | "dutycall",
  args: string[],
) {
  const w = words(ctx);
  const text = args.join(" ").trim();
  if (!text) return reply(ctx, w.registry.usage("broadcast"));
  const place = await publisherPlace(ctx);
  if (!place) {
    ctx.outcome = "refused_BROADCAST.NOT_ALLOWED";
    return reply(ctx, w.errors["BROADCAST.NOT_ALLOWED"]);
  }
  const result = await publishBroadcast(ctx.deps.broadcasts, ctx.person!, place, {
    kind: command === "dutycall" ? "duty_call" : "notice",
    text,
    askAck: command !== "notice",
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, w.errors[result.code]);
  }
  ctx.outcome = "broadcast_published";
  reply(
    ctx,
    w.registry.published({
      id: result.value.broadcast.id,
      recipients: result.value.broadcast.recipients,
      unreachable: result.value.unreachablePeople,
      kind: result.value.broadcast.kind,
    }),
  );
}

/** "received", "I can come", "I can't": from a group or a private chat. */
export async function handleBroadcastButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = /^b:(ack|yes|no):(.+)$/.exec(data);
  if (!match || !ctx.person) return false;
  const result = await answerBroadcast(
    ctx.deps.broadcasts,
    ctx.person,
    match[2]!,
    match[1] as BroadcastAnswer,
  );
  const w = words(ctx);
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    reply(ctx, w.errors[result.code]);
    return true;
  }
  ctx.outcome = `broadcast_${match[1]}`;
  const reaction =
    match[1] === "ack"
      ? w.registry.acknowledged()
      : w.registry.dutyAnswered({ yes: match[1] === "yes", count: result.value.progress.answers.yes });
  // In a group the thanks go privately, so a hundred presses do not flood the group.
  if (ctx.message.chatType === "group") {
    const privateChat = ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId);
    if (privateChat) ctx.out.push({ channel: ctx.message.channel, chatId: privateChat, text: reaction });
    return true;
  }
  reply(ctx, reaction);
  return true;
}

/** /bcstatus [number]: how far the latest (or a given) broadcast got. */
export async function broadcastStatusCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx);
  const broadcast = await findBroadcast(ctx, args[0]);
  if (!broadcast) return reply(ctx, w.registry.noBroadcast());
  const result = await broadcastProgress(ctx.deps.broadcasts, ctx.person!, broadcast.id);
  if (!result.ok) return reply(ctx, w.errors[result.code]);
  ctx.outcome = "broadcast_status";
  reply(ctx, progressText(ctx, result.value.broadcast, result.value.progress));
}

/** /unreached [number]: households in my area nobody has acknowledged for, vulnerable first (privately). */
export async function unreachedCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx);
  const broadcast = await findBroadcast(ctx, args[0]);
  if (!broadcast) return reply(ctx, w.registry.noBroadcast());
  const scopeGrant = ctx.person!.grants.find((g) => registryScopes(ctx.person!).includes(g.placePath));
  const scope = scopeGrant ? await ctx.deps.tickets.directory.getPlace(scopeGrant.placeId) : null;
  if (!scope) return reply(ctx, w.errors["REGISTRY.NOT_ALLOWED"]);
  if (
    ctx.message.chatType === "group" &&
    !ctx.deps.channels.privateChatIdFor(ctx.message.channel, ctx.message.userId)
  ) {
    return reply(ctx, w.registry.privateOnly());
  }
  const result = await unreachedHouseholds(ctx.deps.broadcasts, ctx.person!, broadcast.id, scope, 40);
  if (!result.ok) return reply(ctx, w.errors[result.code]);
  ctx.outcome = "broadcast_unreached";
  const lines = [];
  for (const h of result.value.households) {
    const building = await ctx.deps.tickets.directory.getPlace(h.buildingId);
    lines.push({
      address: formatAddress(building?.name ?? h.buildingId, h.unit, h.room),
      residents: h.residents
        .map(
          (r) =>
            `${r.name}${r.tags.length ? `(${r.tags.map((t) => w.registry.tag(t)).join("、")})` : ""}${r.phone ? ` ${r.phone}` : ""}`,
        )
        .join("，"),
    });
  }
  replyPersonal(ctx, w.registry.unreached({ total: result.value.total, lines }));
}

export function progressText(ctx: BotContext, broadcast: Broadcast, p: BroadcastProgress): string {
  return words(ctx).registry.progress({
    kind: broadcast.kind,
    text: broadcast.text,
    when: formatWhen(broadcast.createdAt, ctx.locale, ctx.deps.settings.timeZone) ?? "",
    recipients: p.recipients,
    queued: p.queued,
    sent: p.sent,
    failed: p.failed,
    households: p.acknowledgedHouseholds,
    ack: p.answers.ack,
    yes: p.answers.yes,
    no: p.answers.no,
  });
}

/** The admin's widest place they may publish to (a street admin: their street). */
async function publisherPlace(ctx: BotContext): Promise<Place | null> {
  const grant = [...(ctx.person?.grants ?? [])]
    .filter((g) => mayPublishAt(ctx.person!, g.placePath))
    .sort((a, b) => a.placePath.length - b.placePath.length)[0];
  return grant ? ctx.deps.tickets.directory.getPlace(grant.placeId) : null;
}

/** By the number shown when published (its first characters), or the latest in the person's area. */
async function findBroadcast(ctx: BotContext, number: string | undefined): Promise<Broadcast | null> {
  for (const scope of [...registryScopes(ctx.person!), ...ctx.person!.grants.map((g) => g.placePath)]) {
    const recent = await ctx.deps.broadcasts.broadcasts.recent(scope, number ? 50 : 1);
    const found = number ? recent.find((b) => b.id.startsWith(number)) : recent[0];
    if (found) return found;
  }
  return number ? ctx.deps.broadcasts.broadcasts.get(number) : null;
}
