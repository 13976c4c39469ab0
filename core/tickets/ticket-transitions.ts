import type { TicketState } from "./ticket";

/** Everything that can happen to a ticket. Each is a use case with a permission check and an event. */
export const TICKET_ACTIONS = [
  "dispatch",
  "send_to_triage",
  "sign_for",
  "return",
  "resolve",
  "confirm",
  "auto_close",
  "reject",
  "cancel",
  "merge",
  "reassign",
  "escalate",
  "nudge",
  "reclassify",
  "rate",
  "transcribe",
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const WORKING: readonly TicketState[] = ["dispatched", "accepted", "reopened"];
const NOT_DONE: readonly TicketState[] = ["reported", "triage", ...WORKING];

/** From which states each action may start, and where it leads ("same" keeps the state). */
export const TRANSITIONS: Readonly<
  Record<TicketAction, { from: readonly TicketState[]; to: TicketState | "same" }>
> = {
  dispatch: { from: ["reported", "triage"], to: "dispatched" },
  send_to_triage: { from: ["reported"], to: "triage" },
  sign_for: { from: ["dispatched"], to: "accepted" },
  return: { from: WORKING, to: "triage" },
  resolve: { from: WORKING, to: "resolved" },
  confirm: { from: ["resolved"], to: "closed" },
  auto_close: { from: ["resolved"], to: "closed" },
  reject: { from: ["resolved"], to: "reopened" },
  cancel: { from: NOT_DONE, to: "cancelled" },
  merge: { from: NOT_DONE, to: "merged" },
  reassign: { from: WORKING, to: "dispatched" },
  // A triage ticket climbs too (its dispatcher was too slow) but stays in triage.
  escalate: { from: ["triage", ...WORKING], to: "same" },
  nudge: { from: ["triage", ...WORKING], to: "same" },
  reclassify: { from: NOT_DONE, to: "same" },
  rate: { from: ["closed"], to: "same" },
  // What a voice note said can be written down at any time before the case is gone.
  transcribe: { from: [...NOT_DONE, "resolved", "closed"], to: "same" },
};

export function canTransition(action: TicketAction, from: TicketState): boolean {
  return TRANSITIONS[action].from.includes(from);
}

export function targetState(action: TicketAction, from: TicketState): TicketState {
  // Escalation hands a working ticket to the next level, who must sign for it again.
  if (action === "escalate" && from !== "triage") return "dispatched";
  const to = TRANSITIONS[action].to;
  return to === "same" ? from : to;
}
