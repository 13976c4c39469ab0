import { z } from "zod";
import type { OutboundMessage } from "../conversation/inbound-message";
import type { Person, Role } from "../people/person";
import { isWithin, type Place } from "../places/place";
import { disclosureAt, mayUseRegistryAt } from "../registry/registry-access";
import { maskPhone } from "../registry/resident";
import { fail, ok, type Result } from "../shared/result";
import type {
  Broadcast,
  BroadcastAnswer,
  BroadcastDeps,
  BroadcastProgress,
  BroadcastRecipient,
  PersonTarget,
  UnreachedHousehold,
} from "./broadcast-ports";

/** 一键发布 is for those who answer for a part of the tree: community, street and district admins. */
const PUBLISHER_ROLES: readonly Role[] = ["community_admin", "street_admin", "district_admin"];

export const publishInputSchema = z.object({
  kind: z.enum(["notice", "duty_call"]),
  text: z.string().trim().min(1).max(1500),
  askAck: z.boolean(),
});

export function mayPublishAt(person: Person, placePath: string): boolean {
  return person.grants.some((g) => PUBLISHER_ROLES.includes(g.role) && isWithin(placePath, g.placePath));
}

/**
 * Publish a notice (or a call for emergency duty) to every group bound under the place and every
 * resident there the bot can reach privately (a duty call: the volunteers). The broadcast and its
 * recipients are written in one transaction; their messages then go to the outbox at the
 * channels' pace (`queueBroadcast`), so a crash at any point resumes without loss or repeats.
 */
export async function publishBroadcast(
  deps: BroadcastDeps,
  actor: Person,
  place: Place,
  raw: z.input<typeof publishInputSchema>,
): Promise<Result<{ broadcast: Broadcast; unreachablePeople: number }>> {
  const input = publishInputSchema.parse(raw);
  if (!mayPublishAt(actor, place.path)) return fail("BROADCAST.NOT_ALLOWED", { place: place.id });
  const id = deps.ids.next();
  const recipients = new Map<string, BroadcastRecipient>();
  const add = (r: Omit<BroadcastRecipient, "id" | "broadcastId" | "queuedAt">) => {
    const key = `${r.channel}\u0000${r.chatId}`;
    if (!recipients.has(key))
      recipients.set(key, { ...r, id: deps.ids.next(), broadcastId: id, queuedAt: null });
  };
  if (input.kind === "notice") {
    for (const g of await deps.broadcasts.groupsUnder(place.path)) {
      add({ channel: g.channel, chatId: g.chatId, kind: "group", personId: null, householdId: null });
    }
  }
  const people: PersonTarget[] =
    input.kind === "notice"
      ? await deps.broadcasts.linkedResidentsUnder(place.path)
      : await deps.broadcasts.volunteersUnder(place.path);
  let unreachablePeople = 0;
  const chats = await deps.privateChatsOf(people.map((p) => p.personId));
  for (const target of people) {
    const chat = chats.get(target.personId);
    if (!chat) {
      unreachablePeople++;
      continue;
    }
    add({ ...chat, kind: "person", personId: target.personId, householdId: target.householdId });
  }
  if (recipients.size === 0) return fail("BROADCAST.EMPTY", { place: place.id });
  const at = deps.clock.now();
  const broadcast: Broadcast = {
    id,
    authorId: actor.id,
    placeId: place.id,
    placePath: place.path,
    kind: input.kind,
    text: input.text,
    askAck: input.kind === "duty_call" || input.askAck,
    status: "queueing",
    recipients: recipients.size,
    createdAt: at,
  };
  await deps.broadcasts.create(broadcast, [...recipients.values()]);
  await deps.audit.record({
    at,
    actorId: actor.id,
    action: "broadcast.publish",
    subject: place.path,
    detail: { broadcastId: id, kind: input.kind, recipients: recipients.size, unreachablePeople },
  });
  return ok({ broadcast, unreachablePeople });
}

/**
 * How many messages each channel may still take this tick, shared by every broadcast queued in it:
 * two broadcasts at once go out at the channel's pace, not twice it.
 */
export class ChannelBudget {
  private readonly left = new Map<string, number>();

  constructor(private readonly perTick: (channel: string) => number) {}

  remaining(channel: string): number {
    return this.left.get(channel) ?? this.perTick(channel);
  }

  spend(channel: string, count: number): void {
    this.left.set(channel, Math.max(0, this.remaining(channel) - count));
  }
}

/**
 * Move a broadcast's messages into the outbox, as many per channel as the tick's budget has left
 * (the caller calls again each tick: the pace the platforms allow, leaving room for ordinary
 * replies). Returns how many were queued; the broadcast is marked queued when none is left.
 */
export async function queueBroadcast(
  deps: BroadcastDeps,
  broadcast: Broadcast,
  budget: ChannelBudget,
  render: (broadcast: Broadcast, recipient: BroadcastRecipient) => OutboundMessage,
  at: Date,
): Promise<number> {
  let queued = 0;
  const channels = await deps.broadcasts.channelsLeft(broadcast.id);
  for (const channel of channels) {
    const count = await deps.broadcasts.queueBatch(
      broadcast.id,
      channel,
      budget.remaining(channel),
      (recipient) => render(broadcast, recipient),
      at,
    );
    budget.spend(channel, count);
    queued += count;
  }
  if ((await deps.broadcasts.channelsLeft(broadcast.id)).length === 0) {
    await deps.broadcasts.markQueued(broadcast.id, at);
  }
  return queued;
}

/** A press of "received" (or "I can come" / "I can't" to a duty call), in a group or privately. */
export async function answerBroadcast(
  deps: BroadcastDeps,
  person: Person,
  broadcastId: string,
  answer: BroadcastAnswer,
): Promise<Result<{ broadcast: Broadcast; progress: BroadcastProgress }>> {
  const broadcast = await deps.broadcasts.get(broadcastId);
  if (!broadcast) return fail("BROADCAST.NOT_FOUND");
  const valid = broadcast.kind === "duty_call" ? answer !== "ack" : answer === "ack";
  if (!valid) return fail("BROADCAST.NOT_FOUND");
  const householdId = await deps.registry.householdOfPerson(person.id);
  await deps.broadcasts.respond(broadcast.id, person.id, householdId, answer, deps.clock.now());
  return ok({ broadcast, progress: await deps.broadcasts.progress(broadcast.id) });
}

/** How far a broadcast got: for its author and the staff over its place. */
export async function broadcastProgress(
  deps: BroadcastDeps,
  actor: Person,
  broadcastId: string,
): Promise<Result<{ broadcast: Broadcast; progress: BroadcastProgress }>> {
  const broadcast = await deps.broadcasts.get(broadcastId);
  if (!broadcast) return fail("BROADCAST.NOT_FOUND");
  if (actor.id !== broadcast.authorId && !mayUseRegistryAt(actor, broadcast.placePath)) {
    return fail("BROADCAST.NOT_ALLOWED");
  }
  return ok({ broadcast, progress: await deps.broadcasts.progress(broadcast.id) });
}

/**
 * The households of the worker's (or admin's) part of a broadcast's place that nobody has
 * acknowledged for, vulnerable first, with numbers as their role may see them. Audited.
 */
export async function unreachedHouseholds(
  deps: BroadcastDeps,
  actor: Person,
  broadcastId: string,
  scope: Place,
  limit = 50,
): Promise<Result<{ broadcast: Broadcast; total: number; households: UnreachedHousehold[] }>> {
  const broadcast = await deps.broadcasts.get(broadcastId);
  if (!broadcast) return fail("BROADCAST.NOT_FOUND");
  if (!mayUseRegistryAt(actor, scope.path)) return fail("REGISTRY.NOT_ALLOWED", { place: scope.id });
  // The overlap of the broadcast's place and the scope asked about: the deeper of the two.
  const within = isWithin(scope.path, broadcast.placePath)
    ? scope.path
    : isWithin(broadcast.placePath, scope.path)
      ? broadcast.placePath
      : null;
  if (!within) return ok({ broadcast, total: 0, households: [] });
  const { total, households } = await deps.broadcasts.unreachedHouseholds(broadcast.id, within, limit);
  const shown = households.map((h) => ({
    ...h,
    residents: h.residents.map((r) => ({
      ...r,
      phone: disclosureAt(actor, within).phone ? r.phone : maskPhone(r.phone),
    })),
  }));
  await deps.audit.record({
    at: deps.clock.now(),
    actorId: actor.id,
    action: "registry.list",
    subject: within,
    detail: {
      purpose: `broadcast ${broadcast.id}: households not reached`,
      total,
      residentIds: shown.flatMap((h) => h.residents.map((r) => r.id)),
    },
  });
  return ok({ broadcast, total, households: shown });
}
