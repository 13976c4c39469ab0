import { z } from "zod";
import type { Place } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import type { Rate } from "./summarise";
import type { SummaryDeps, SummaryEvent } from "./summary-repository";

export const workerScoresInputSchema = z
  .object({ scopePlaceId: z.string().min(1).max(200), from: z.date(), to: z.date() })
  .refine((input) => input.from < input.to, "from must be before to");

export interface WorkerScore {
  readonly personId: string;
  /** Cases this person resolved in the period. */
  readonly resolved: number;
  /** …by the deadline of the clock they held. */
  readonly onTime: Rate;
  /** Ratings of those cases, once the reporters rated them. */
  readonly rating: { readonly average: number | null; readonly count: number };
  /** …that a reporter sent back as not fixed after this person resolved them: the check against closing cases that were not really fixed. */
  readonly reopened: Rate;
}

export interface WorkerScores {
  readonly scope: Place;
  readonly from: Date;
  readonly to: Date;
  readonly workers: readonly WorkerScore[];
}

const rate = (count: number, of: number): Rate => ({ count, of, rate: of === 0 ? null : count / of });

/** The deadline a resolution was due by: recorded on the event; older events fall back to the ticket's. */
function deadlineOf(event: SummaryEvent, fallback: Date | null): Date | null {
  const recorded = event.data?.deadline;
  return typeof recorded === "string" ? new Date(recorded) : fallback;
}

/**
 * Per person who resolved cases in the scope during [from, to): how many, how many on time,
 * their cases' ratings, and how many came back "not fixed" after they resolved them.
 */
export async function workerScores(
  deps: SummaryDeps,
  rawInput: z.input<typeof workerScoresInputSchema>,
): Promise<Result<WorkerScores>> {
  const { scopePlaceId, from, to } = workerScoresInputSchema.parse(rawInput);
  const scope = await deps.places.getPlace(scopePlaceId);
  if (!scope) return fail("PLACE.NOT_FOUND", { placeId: scopePlaceId });
  const resolutions = (await deps.summaries.eventsBetween(scope.path, ["resolved"], from, to)).filter(
    (e): e is SummaryEvent & { actorId: string } => e.actorId !== null,
  );
  const ticketIds = [...new Set(resolutions.map((e) => e.ticketId))];
  const history = await deps.summaries.eventsOfTickets(ticketIds, ["resolved", "rejected"], to);
  const tickets = new Map((await deps.summaries.ticketsByIds(ticketIds)).map((t) => [t.id, t]));

  const workers: WorkerScore[] = [];
  const byPerson = new Map<string, (SummaryEvent & { actorId: string })[]>();
  for (const event of resolutions)
    byPerson.set(event.actorId, [...(byPerson.get(event.actorId) ?? []), event]);
  for (const [personId, events] of byPerson) {
    const mine = [...new Set(events.map((e) => e.ticketId))];
    const onTime = mine.filter((ticketId) =>
      events
        .filter((e) => e.ticketId === ticketId)
        .every((e) => {
          const deadline = deadlineOf(e, tickets.get(ticketId)?.resolveDeadline ?? null);
          return deadline === null || e.at <= deadline;
        }),
    );
    const ratings = mine.map((id) => tickets.get(id)?.rating ?? null).filter((r): r is number => r !== null);
    const sentBack = mine.filter((ticketId) => {
      const timeline = history.filter((e) => e.ticketId === ticketId);
      // A rejection that follows a resolution by this person, before the next resolution by anyone.
      let lastResolver: string | null = null;
      for (const e of timeline) {
        if (e.type === "resolved") lastResolver = e.actorId;
        else if (e.type === "rejected" && lastResolver === personId) return true;
      }
      return false;
    });
    workers.push({
      personId,
      resolved: mine.length,
      onTime: rate(onTime.length, mine.length),
      rating: {
        average: ratings.length === 0 ? null : ratings.reduce((a, b) => a + b, 0) / ratings.length,
        count: ratings.length,
      },
      reopened: rate(sentBack.length, mine.length),
    });
  }
  workers.sort((a, b) => b.resolved - a.resolved || a.personId.localeCompare(b.personId));
  return ok({ scope, from, to, workers });
}
