import { describe, expect, it } from "vitest";
import type { Actor } from "../people/person";
import type { Result } from "../shared/result";
import { T0, ticketFixture } from "../testing/ticket-fixture";
import { writeDownVoiceNote } from "../voice/voice-tickets";
import { escalateTicket } from "./escalate-ticket";
import { dispatchTicket, mergeTickets, reassignTicket, reclassifyTicket } from "./manage-ticket";
import { cancelTicket, confirmTicket, rateTicket, rejectTicket } from "./reporter-actions";
import { sweepDeadlines } from "./sweep-deadlines";
import { TICKET_STATES, type Ticket, type TicketState } from "./ticket";
import type { TicketDeps } from "./ticket-deps";
import { canTransition, TICKET_ACTIONS, type TicketAction, targetState } from "./ticket-transitions";
import { resolveTicket, returnTicket, signForTicket } from "./work-on-ticket";

type Fixture = ReturnType<typeof ticketFixture>;

/** Each action as its use case, run by someone allowed to do it on a grid-level case in g1. */
const RUNNERS: Record<TicketAction, (f: Fixture, ticketId: string) => Promise<Result<unknown>>> = {
  dispatch: (f, id) => dispatchTicket(f.deps, { ticketId: id, actor: f.as("ca1"), categoryCode: "lighting" }),
  send_to_triage: async () => ({ ok: true, value: null }),
  sign_for: (f, id) => signForTicket(f.deps, { ticketId: id, actor: f.as("w1") }),
  return: (f, id) => returnTicket(f.deps, { ticketId: id, actor: f.as("w1"), reason: "不归我们管" }),
  resolve: (f, id) => resolveTicket(f.deps, { ticketId: id, actor: f.as("w1"), note: "换了灯泡" }),
  confirm: (f, id) => confirmTicket(f.deps, { ticketId: id, actor: f.as("r1"), rating: 5 }),
  auto_close: async (f, id) => {
    const ticket = f.tickets.tickets.get(id)!;
    f.tickets.tickets.set(id, { ...ticket, autoCloseAt: T0 });
    const report = await sweepDeadlines(f.deps, T0);
    return report.ok && report.value.autoClosed === 1
      ? report
      : { ok: false, code: "TICKET.ILLEGAL_TRANSITION" };
  },
  reject: (f, id) => rejectTicket(f.deps, { ticketId: id, actor: f.as("r1"), reason: "还是不亮" }),
  cancel: (f, id) => cancelTicket(f.deps, { ticketId: id, actor: f.as("r1") }),
  merge: async (f, id) => {
    const other = await f.open({
      reporterId: "r3",
      placeId: "b2",
      text: "完全不同的事情：垃圾桶满了",
      categoryCode: "garbage",
    });
    return mergeTickets(f.deps, { ticketId: id, intoTicketId: other.ticket.id, actor: f.as("ca1") });
  },
  reassign: (f, id) => reassignTicket(f.deps, { ticketId: id, actor: f.as("ca1"), assigneeId: "w1b" }),
  escalate: (f, id) => escalateTicket(f.deps, { ticketId: id, actor: f.as("ca1"), reason: "吹哨" }),
  nudge: async (f, id) => {
    const ticket = f.tickets.tickets.get(id)!;
    f.tickets.tickets.set(id, { ...ticket, nudgeDueAt: T0, escalateDueAt: null, autoCloseAt: null });
    const report = await sweepDeadlines(f.deps, T0);
    return report.ok && report.value.nudged === 1 ? report : { ok: false, code: "TICKET.ILLEGAL_TRANSITION" };
  },
  reclassify: (f, id) =>
    reclassifyTicket(f.deps, { ticketId: id, actor: f.as("ca1"), categoryCode: "other" }),
  rate: (f, id) => rateTicket(f.deps, { ticketId: id, actor: f.as("r1"), rating: 4 }),
  transcribe: (f, id) =>
    writeDownVoiceNote(f.deps, { ticketId: id, actor: f.as("w1"), text: "楼道灯坏了", source: "typed" }),
};

async function ticketIn(state: TicketState): Promise<{ f: Fixture; ticket: Ticket }> {
  const f = ticketFixture();
  const opened = await f.open();
  const ticket: Ticket = {
    ...opened.ticket,
    state,
    // Timers cleared so only the action under test moves the ticket.
    nudgeDueAt: null,
    escalateDueAt: null,
    autoCloseAt: null,
  };
  f.tickets.tickets.set(ticket.id, ticket);
  return { f, ticket };
}

describe("state machine: every action from every state", () => {
  for (const action of TICKET_ACTIONS.filter((a) => a !== "send_to_triage")) {
    for (const state of TICKET_STATES) {
      const legal = canTransition(action, state);
      it(`${action} from ${state} is ${legal ? "legal" : "refused"}`, async () => {
        const { f, ticket } = await ticketIn(state);
        const eventsOf = () => f.tickets.events.filter((e) => e.ticketId === ticket.id).length;
        const eventsBefore = eventsOf();
        const result = await RUNNERS[action](f, ticket.id);
        const after = f.tickets.tickets.get(ticket.id)!;
        if (legal) {
          expect(result.ok, JSON.stringify(result)).toBe(true);
          expect(after.state).toBe(targetState(action, state));
          expect(after.version).toBeGreaterThan(ticket.version);
          expect(eventsOf()).toBeGreaterThan(eventsBefore);
        } else {
          expect(result.ok).toBe(false);
          if (!result.ok && !["auto_close", "nudge"].includes(action)) {
            expect(result.code).toBe("TICKET.ILLEGAL_TRANSITION");
          }
          expect(after.state).toBe(ticket.state);
          expect(after.version).toBe(ticket.version);
          expect(eventsOf()).toBe(eventsBefore);
        }
      });
    }
  }

  it("unauthorised actors get TICKET.NOT_ALLOWED and change nothing", async () => {
    const { f, ticket } = await ticketIn("dispatched");
    const attempts: [string, (deps: TicketDeps, actor: Actor) => Promise<Result<unknown>>][] = [
      ["w2", (deps, actor) => signForTicket(deps, { ticketId: ticket.id, actor })],
      ["r2", (deps, actor) => cancelTicket(deps, { ticketId: ticket.id, actor })],
      ["ca2", (deps, actor) => reassignTicket(deps, { ticketId: ticket.id, actor, assigneeId: "w1b" })],
      ["w2", (deps, actor) => dispatchTicket(deps, { ticketId: ticket.id, actor })],
    ];
    for (const [who, attempt] of attempts) {
      const result = await attempt(f.deps, f.as(who as "w2"));
      expect(result).toMatchObject({ ok: false, code: "TICKET.NOT_ALLOWED" });
    }
    expect(f.tickets.tickets.get(ticket.id)).toEqual(ticket);
  });

  it("an unknown ticket is TICKET.NOT_FOUND", async () => {
    const f = ticketFixture();
    expect(await signForTicket(f.deps, { ticketId: "nope", actor: f.as("w1") })).toMatchObject({
      ok: false,
      code: "TICKET.NOT_FOUND",
    });
  });
});
