import { z } from "zod";
import { personActor } from "../people/person";
import type { Place } from "../places/place";
import { fail, ok, type Result } from "../shared/result";
import { type OpenTicketOutcome, openTicket } from "../tickets/open-ticket";
import { confirmTicket, rejectTicket } from "../tickets/reporter-actions";
import type { TicketDeps } from "../tickets/ticket-deps";
import type { TransitionOutcome } from "../tickets/ticket-transition";
import {
  type ConfidenceThresholds,
  confidenceBand,
  type Understanding,
} from "../understanding/understanding";
import { type PostRequest, placeForAddress } from "./open311";

export interface Open311Deps {
  readonly tickets: TicketDeps;
  readonly understanding: Understanding;
  readonly thresholds: ConfidenceThresholds;
  /** Every place of the tree (for addresses given as text). */
  readonly allPlaces: () => Promise<readonly Place[]>;
  /** The place with coordinates nearest a position, if one is within `maxMetres`. */
  readonly nearestPlace: (latitude: number, longitude: number, maxMetres: number) => Promise<Place | null>;
}

/** A position further than this from every known building is not placed (it may be elsewhere). */
export const MAX_METRES_FROM_A_BUILDING = 300;

/**
 * A partner's report through Open311 takes the chat's road: the same openTicket (duplicates,
 * routing, SLA, the worker's dispatch). Without a service_code the offline understanding picks
 * the category when it is sure enough, else the case goes to triage, as an unclear chat report.
 */
export async function submitOpen311Request(
  deps: Open311Deps,
  request: PostRequest,
  partner: { readonly personId: string; readonly idempotencyKey: string | null },
): Promise<Result<OpenTicketOutcome>> {
  const place = await placeOf(deps, request);
  if (!place.ok) return place;
  let categoryCode: string | null = request.service_code ?? null;
  if (categoryCode && !(await deps.tickets.directory.categoryExists(categoryCode))) {
    return fail("OPEN311.SERVICE_UNKNOWN", { service_code: categoryCode });
  }
  const text = request.description ?? "";
  let priority: "urgent" | "high" | "normal" | "low" = "normal";
  if (!categoryCode) {
    const categories = await deps.tickets.directory.listCategories();
    const understood = await deps.understanding.understand(text, { categories });
    if (understood.category && confidenceBand(understood.categoryConfidence, deps.thresholds) === "act") {
      categoryCode = understood.category;
    }
    priority = understood.priority;
  }
  return openTicket(deps.tickets, {
    reporterId: partner.personId,
    placeId: place.value.id,
    text,
    categoryCode,
    priority,
    sourceChannel: "open311",
    media: request.media_url ? [{ kind: "photo", ref: request.media_url }] : [],
    sourceKey: partner.idempotencyKey ? `open311:${partner.personId}:${partner.idempotencyKey}` : null,
  });
}

async function placeOf(deps: Open311Deps, request: PostRequest): Promise<Result<Place>> {
  if (request.address_id) {
    const place = await deps.tickets.directory.getPlace(request.address_id);
    return place ? ok(place) : fail("OPEN311.ADDRESS_UNKNOWN", { address_id: request.address_id });
  }
  if (request.address_string) {
    const place = placeForAddress(request.address_string, await deps.allPlaces());
    return place ? ok(place) : fail("OPEN311.ADDRESS_UNKNOWN", { address_string: request.address_string });
  }
  const near =
    request.lat !== undefined && request.long !== undefined
      ? await deps.nearestPlace(request.lat, request.long, MAX_METRES_FROM_A_BUILDING)
      : null;
  return near
    ? ok(near)
    : fail("OPEN311.ADDRESS_UNKNOWN", { lat: request.lat ?? null, long: request.long ?? null });
}

/** What a partner may say about a request it made (mySociety's POST servicerequestupdates). */
export const postUpdateSchema = z.object({
  service_request_id: z.string().trim().min(1).max(40),
  status: z.preprocess(
    (v) => (typeof v === "string" ? v.trim().toUpperCase() : v),
    z.enum(["OPEN", "FIXED", "CLOSED"]),
  ),
  description: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(2000).optional(),
  ),
});
export type PostUpdate = z.output<typeof postUpdateSchema>;

/**
 * The resident answers, through the partner that filed the request, whether the fix holds: FIXED
 * or CLOSED confirms a resolved case (it closes), OPEN reopens it with the description as the
 * reason — the same as the resident's buttons in the chat. Only the partner that filed it may.
 */
export async function updateOpen311Request(
  deps: TicketDeps,
  update: PostUpdate,
  partnerPersonId: string,
): Promise<Result<TransitionOutcome>> {
  const ticket = await deps.tickets.findByNumber(update.service_request_id);
  if (!ticket) return fail("TICKET.NOT_FOUND", { service_request_id: update.service_request_id });
  const partner = await deps.people.getPerson(partnerPersonId);
  if (!partner || ticket.reporterId !== partnerPersonId)
    return fail("TICKET.NOT_ALLOWED", { service_request_id: update.service_request_id });
  const actor = personActor(partner);
  return update.status === "OPEN"
    ? rejectTicket(deps, { ticketId: ticket.id, actor, reason: update.description ?? null })
    : confirmTicket(deps, { ticketId: ticket.id, actor });
}
