import { z } from "zod";
import type { Person } from "../people/person";
import { fail, ok, type Result } from "../shared/result";
import type { PointsDeps } from "./points-deps";
import type { PointEntry, Recorded } from "./points-ledger";
import { administers, communityOf, placePathsOf } from "./points-permissions";

/** "我有多少积分": the balance and the latest entries. */
export async function pointsStatement(
  deps: PointsDeps,
  personId: string,
  limit = 5,
): Promise<{ balance: number; recent: PointEntry[] }> {
  const [balance, recent] = await Promise.all([
    deps.ledger.balanceOf(personId),
    deps.ledger.recentEntries(personId, limit),
  ]);
  return { balance, recent };
}

const adjustmentSchema = z.object({
  personId: z.string().trim().min(1).max(64),
  points: z.number().int().min(1),
  reason: z.string().trim().min(1).max(200),
  /** Makes a redelivered command record once, e.g. `award:<inbox id>`. */
  idempotencyKey: z.string().min(1).max(200),
});

/**
 * An admin awards (or deducts) points with a reason: community admins and above, over the
 * person's home or roles, never to themselves. A deduction cannot take the balance below zero.
 */
export async function adjustPoints(
  deps: PointsDeps,
  input: { actor: Person; direction: "award" | "deduct" } & z.input<typeof adjustmentSchema>,
): Promise<Result<Recorded & { person: Person }>> {
  const parsed = adjustmentSchema.safeParse(input);
  if (!parsed.success || parsed.data.points > deps.rules.maxAdjustment)
    return fail("POINTS.INVALID_INPUT", { max: deps.rules.maxAdjustment });
  const { personId, points, reason, idempotencyKey } = parsed.data;
  const person = await deps.people.getPerson(personId);
  if (!person) return fail("PERSON.NOT_FOUND", { personId });
  const paths = await placePathsOf(deps, person);
  const allowed = person.id !== input.actor.id && paths.some((path) => administers(input.actor, path));
  if (!allowed) return fail("POINTS.NOT_ALLOWED");
  const recorded = await deps.ledger.record({
    id: deps.ids.next(),
    personId,
    amount: input.direction === "award" ? points : -points,
    kind: input.direction,
    reason,
    reference: null,
    actorId: input.actor.id,
    communityId: await communityOf(deps, person),
    idempotencyKey,
    createdAt: deps.clock.now(),
  });
  return recorded.ok ? ok({ ...recorded.value, person }) : recorded;
}
