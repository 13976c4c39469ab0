// Open311 GeoReport v2 as egrid speaks it: the request fields partners send, the service request
// they get back, and how egrid's states map to open/closed. Pure: the HTTP side is app/open311.
import { z } from "zod";
import type { Place } from "../places/place";
import type { Ticket, TicketEvent, TicketEventType, TicketState } from "../tickets/ticket";

/** Form fields arrive as strings; empty ones count as absent. */
const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max).optional(),
  );
const coordinate = (min: number, max: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? undefined : Number(v)),
    z.number().min(min).max(max).optional(),
  );

export const postRequestSchema = z
  .object({
    service_code: optionalText(64),
    /** egrid's place id of a building (or any place of the tree). */
    address_id: optionalText(200),
    address_string: optionalText(500),
    lat: coordinate(-90, 90),
    long: coordinate(-180, 180),
    description: optionalText(4000),
    media_url: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z
        .url({ protocol: /^https?$/ })
        .max(2000)
        .optional(),
    ),
    email: z.preprocess((v) => (v === "" ? undefined : v), z.email().max(320).optional()),
    phone: optionalText(40),
    first_name: optionalText(100),
    last_name: optionalText(100),
    device_id: optionalText(200),
    account_id: optionalText(200),
  })
  .refine((r) => r.description !== undefined, { message: "is required", path: ["description"] })
  .refine((r) => (r.lat === undefined) === (r.long === undefined), {
    message: "lat and long go together",
    path: ["lat"],
  })
  .refine((r) => r.address_id || r.address_string || r.lat !== undefined, {
    message: "a location is required: address_id, address_string or lat/long",
    path: ["address_string"],
  });
export type PostRequest = z.output<typeof postRequestSchema>;

const dateParam = z.preprocess(
  (v) => (v === undefined || v === "" ? undefined : v),
  z.iso.datetime({ offset: true }).optional(),
);
const intParam = (min: number, max: number, fallback: number) =>
  z.preprocess(
    (v) => (v === undefined || v === "" ? fallback : Number(v)),
    z.number().int().min(min).max(max),
  );

export const listRequestsSchema = z.object({
  service_request_id: optionalText(2000),
  service_code: optionalText(64),
  start_date: dateParam,
  end_date: dateParam,
  status: z.preprocess((v) => (v === "" ? undefined : v), z.enum(["open", "closed"]).optional()),
  page: intParam(1, 100_000, 1),
  page_size: intParam(1, 1000, 100),
});
export type ListRequests = z.output<typeof listRequestsSchema>;

/** Open311's two states. Merged reports are closed: their case goes on under another number. */
export const CLOSED_STATES: readonly TicketState[] = ["closed", "cancelled", "merged"];

export function open311Status(state: TicketState): "open" | "closed" {
  return CLOSED_STATES.includes(state) ? "closed" : "open";
}

const STATE_NOTES: Record<TicketState, string> = {
  reported: "Received (已受理)",
  triage: "Waiting for a dispatcher to choose who handles it (待分派)",
  dispatched: "Sent to the responsible worker (已派单)",
  accepted: "The worker is on it (处理中)",
  resolved: "Reported fixed, waiting for the resident to confirm (待确认)",
  reopened: "Reopened: the resident said it is not fixed (已重新打开)",
  closed: "Closed (已办结)",
  merged: "Merged into another report of the same problem (已合并)",
  cancelled: "Cancelled (已撤销)",
};

export interface ServiceRequestView {
  readonly service_request_id: string;
  readonly status: "open" | "closed";
  readonly status_notes: string;
  readonly service_name: string | null;
  readonly service_code: string | null;
  readonly description: string;
  readonly agency_responsible: string | null;
  readonly service_notice: string | null;
  readonly requested_datetime: string;
  readonly updated_datetime: string;
  readonly expected_datetime: string | null;
  readonly address: string;
  readonly address_id: string;
  readonly zipcode: null;
  readonly lat: null;
  readonly long: null;
  readonly media_url: string | null;
}

/** A ticket as Open311 shows it; the reporter's identity is never part of it. */
export function toServiceRequest(
  ticket: Ticket,
  names: {
    readonly serviceName: string | null;
    readonly agency: string | null;
    readonly address: string;
    readonly mergedIntoNumber: string | null;
    readonly mediaUrl: string | null;
  },
): ServiceRequestView {
  const merged = ticket.state === "merged" && names.mergedIntoNumber ? ` → ${names.mergedIntoNumber}` : "";
  return {
    service_request_id: ticket.number,
    status: open311Status(ticket.state),
    status_notes: `${STATE_NOTES[ticket.state]}${merged}`,
    service_name: names.serviceName,
    service_code: ticket.categoryCode,
    description: ticket.originalText,
    agency_responsible: names.agency,
    service_notice: null,
    requested_datetime: ticket.createdAt.toISOString(),
    updated_datetime: ticket.updatedAt.toISOString(),
    expected_datetime:
      open311Status(ticket.state) === "open" ? (ticket.resolveDeadline?.toISOString() ?? null) : null,
    address: names.address,
    address_id: ticket.placeId,
    zipcode: null,
    lat: null,
    long: null,
    media_url: names.mediaUrl,
  };
}

/**
 * The place an address names: the place whose name, with its parents' names, covers most of the
 * text ("文昌社区3栋" → 3栋 of 文昌社区, not the community); a building wins a tie with a larger place.
 * Null when nothing matches, or when two places match equally well.
 */
export function placeForAddress(address: string, places: readonly Place[]): Place | null {
  const byId = new Map(places.map((p) => [p.id, p]));
  const compact = address.replace(/\s+/g, "");
  let best: { place: Place; score: number } | null = null;
  let tied = false;
  for (const place of places) {
    if (!compact.includes(place.name)) continue;
    let score = place.name.length * 10;
    // Parents named too make the match surer ("3栋" alone may be in every estate).
    for (let parent = place.parentId ? byId.get(place.parentId) : undefined; parent; ) {
      if (compact.includes(parent.name)) score += parent.name.length * 10;
      parent = parent.parentId ? byId.get(parent.parentId) : undefined;
    }
    if (place.level === "building") score += 5;
    if (best && score === best.score) tied = true;
    if (!best || score > best.score) {
      best = { place, score };
      tied = false;
    }
  }
  // Two places match equally well: the address does not say which one.
  return best && !tied ? best.place : null;
}

/** The ticket events a partner sees as updates (mySociety's servicerequestupdates). */
export const UPDATE_EVENT_TYPES: readonly TicketEventType[] = [
  "dispatched",
  "triaged",
  "signed_for",
  "returned",
  "resolved",
  "confirmed",
  "auto_closed",
  "rejected",
  "cancelled",
  "merged",
  "escalated",
  "reassigned",
  "reclassified",
];

/** mySociety's update statuses for what an event left the ticket in. */
export function updateStatus(type: TicketEventType, state: TicketState): string {
  if (type === "escalated" || type === "reassigned") return "INTERNAL_REFERRAL";
  const byState: Record<TicketState, string> = {
    reported: "OPEN",
    triage: "OPEN",
    dispatched: "ACTION_SCHEDULED",
    accepted: "IN_PROGRESS",
    resolved: "FIXED",
    reopened: "OPEN",
    closed: "CLOSED",
    merged: "DUPLICATE",
    cancelled: "NO_FURTHER_ACTION",
  };
  return byState[state];
}

export const listUpdatesSchema = z.object({
  start_date: dateParam,
  end_date: dateParam,
});

export interface ServiceRequestUpdate {
  readonly update_id: string;
  readonly service_request_id: string;
  readonly status: string;
  readonly updated_datetime: string;
  readonly description: string;
  readonly media_url: null;
}

/** An event as an update; its note is not shown (workers' notes may name people). */
export function toUpdate(event: TicketEvent, ticketNumber: string): ServiceRequestUpdate {
  return {
    update_id: event.id,
    service_request_id: ticketNumber,
    status: updateStatus(event.type, event.toState),
    updated_datetime: event.at.toISOString(),
    description: STATE_NOTES[event.toState],
    media_url: null,
  };
}
