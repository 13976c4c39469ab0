import { ancestorIdAt } from "../places/place";
import type { BoardDeps, BoardItem } from "./board-ports";
import { formatItemNumber } from "./board-ports";
import { helperSide } from "./board-sides";

export interface CreditedVolunteer {
  readonly personId: string;
  readonly points: number;
  readonly balance: number;
  /** The key had been used: credited before (a retry), nothing new was written. */
  readonly replayed: boolean;
}

/** The key of one volunteer's credit for one item: the same item never pays a person twice. */
export function boardCreditKey(itemId: string, personId: string): string {
  return `board:${itemId}:${personId}`;
}

/**
 * Volunteers of a done item earn points for their hours at the ledger's hourly rate
 * (POINTS_PER_HOUR), as an `activity` entry: it is volunteering, and counts on the leaderboard.
 * Who: the volunteers named when it was marked done; none named, the helping side's own person
 * (the claimant of a need or project, the poster of a resource or offer). Once per item and
 * person (key `board:<item>:<person>`), whoever calls and however often.
 */
export async function creditBoardVolunteers(
  deps: BoardDeps,
  item: BoardItem,
  hoursEach: number,
  volunteerIds: readonly string[],
  actorId: string,
): Promise<CreditedVolunteer[]> {
  const rate = deps.points.rules.defaultPointsPerHour;
  const points = Math.round(hoursEach * rate);
  if (points <= 0) return [];
  const helper = helperSide(item.list) === "claimant" ? item.claimantId : item.posterId;
  const people = volunteerIds.length > 0 ? volunteerIds : helper ? [helper] : [];
  const credited: CreditedVolunteer[] = [];
  for (const personId of people) {
    const recorded = await deps.points.ledger.record({
      id: deps.points.ids.next(),
      personId,
      amount: points,
      kind: "activity",
      reason: `${formatItemNumber(item.number)} ${item.text.slice(0, 40)}`,
      reference: item.id,
      actorId,
      communityId: ancestorIdAt(item.placePath, "community"),
      idempotencyKey: boardCreditKey(item.id, personId),
      createdAt: deps.clock.now(),
    });
    // An earning never fails the balance check; a failure here would be a bug in the ledger.
    if (!recorded.ok) throw new Error(`board credit refused: ${recorded.code}`);
    credited.push({
      personId,
      points: recorded.value.entry.amount,
      balance: recorded.value.balance,
      replayed: recorded.value.replayed,
    });
  }
  return credited;
}
