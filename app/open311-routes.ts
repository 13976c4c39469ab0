// Open311 GeoReport v2 (JSON) under /open311/v2: services, and service requests read and made by
// partners with an API key (`egrid apikey create --name …`). Errors use Open311's format:
// [{ "code": 400, "description": "description: is required" }].
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { z } from "zod";
import { RateLimiter } from "../bot/conversation/rate-limiter";
import {
  listRequestsSchema,
  listUpdatesSchema,
  postRequestSchema,
  type ServiceRequestView,
  toServiceRequest,
  toUpdate,
  UPDATE_EVENT_TYPES,
} from "../core/open311/open311";
import { postUpdateSchema, submitOpen311Request, updateOpen311Request } from "../core/open311/submit-request";
import type { Clock } from "../core/shared/clock";
import {
  type ApiKeyRecord,
  type ListedRequest,
  nearestPlace,
  PrismaApiKeys,
  PrismaOpen311Requests,
} from "../db/repositories/prisma-open311";
import type { BotRuntime } from "./bot-runtime";
import type { Egrid } from "./egrid-app";
import { open311OpenApi } from "./open311-openapi";

const BASE = "/open311/v2";
const DAY_MS = 24 * 3600_000;
const DEFAULT_WINDOW_MS = 90 * DAY_MS;
const MAX_UPDATES_WINDOW_MS = 31 * DAY_MS;

function errors(reply: FastifyReply, code: number, descriptions: readonly string[]) {
  return reply.code(code).send(descriptions.map((description) => ({ code, description })));
}

function invalid(reply: FastifyReply, issues: readonly z.core.$ZodIssue[]) {
  return errors(
    reply,
    400,
    issues.map((issue) => `${issue.path.join(".") || "request"}: ${issue.message}`),
  );
}

/** "services/lighting.json" → "lighting"; anything not ending in .json is not Open311's. */
function jsonName(file: string): string | null {
  return file.endsWith(".json") ? decodeURIComponent(file.slice(0, -".json".length)) : null;
}

export function registerOpen311Routes(
  app: FastifyInstance,
  egrid: Egrid,
  runtime: BotRuntime,
  clock: Clock,
): void {
  const keys = new PrismaApiKeys(egrid.db.prisma);
  const requests = new PrismaOpen311Requests(egrid.db.prisma);
  const limiter = new RateLimiter(egrid.config.OPEN311_RATE_PER_MINUTE);

  /** The caller's key, or an Open311 error already sent (401 missing, 403 wrong, 429 too fast). */
  async function partner(request: FastifyRequest, reply: FastifyReply): Promise<ApiKeyRecord | null> {
    const fields = {
      ...(request.query as object),
      ...(typeof request.body === "object" ? request.body : {}),
    };
    const header = request.headers["x-api-key"];
    const key =
      (fields as { api_key?: unknown }).api_key ?? (typeof header === "string" ? header : undefined);
    if (typeof key !== "string" || key.length === 0) {
      await errors(reply, 401, ["api_key: is required"]);
      return null;
    }
    const record = await keys.findActive(key);
    if (!record) {
      await errors(reply, 403, ["api_key: unknown or revoked"]);
      return null;
    }
    if (!limiter.allow(record.id, clock.now())) {
      reply.header("retry-after", "60");
      await errors(reply, 429, [
        `too many requests: at most ${egrid.config.OPEN311_RATE_PER_MINUTE} a minute`,
      ]);
      return null;
    }
    await keys.touch(record.id, clock.now());
    return record;
  }

  const english = (request: FastifyRequest) => /^en\b/i.test(request.headers["accept-language"] ?? "");

  async function views(listed: readonly ListedRequest[], en: boolean): Promise<ServiceRequestView[]> {
    const categories = new Map(
      (await egrid.tickets.directory.listCategories()).map((c) => [c.code, en ? c.nameEn : c.nameZh]),
    );
    return listed.map((item) =>
      toServiceRequest(item.ticket, {
        serviceName: item.ticket.categoryCode ? (categories.get(item.ticket.categoryCode) ?? null) : null,
        agency: item.departmentName ?? item.unitName,
        address: item.placeName,
        mergedIntoNumber: item.mergedIntoNumber,
        mediaUrl: item.mediaUrl,
      }),
    );
  }

  app.get(`${BASE}/services.json`, async (request) => {
    const en = english(request);
    return (await egrid.tickets.directory.listCategories()).map((c) => ({
      service_code: c.code,
      service_name: en ? c.nameEn : c.nameZh,
      description: en ? c.descriptionEn : c.descriptionZh,
      metadata: false,
      type: "realtime",
      keywords: [c.nameZh, c.nameEn].join(", "),
      group: "egrid",
    }));
  });

  app.get<{ Params: { file: string } }>(`${BASE}/services/:file`, async (request, reply) => {
    const code = jsonName(request.params.file);
    const categories = await egrid.tickets.directory.listCategories();
    if (!code || !categories.some((c) => c.code === code)) {
      return errors(reply, 404, [`service_code: no service ${code ?? request.params.file}`]);
    }
    // The bot asks a resident only where and what: Open311's own fields already carry both.
    return { service_code: code, attributes: [] };
  });

  app.post(`${BASE}/requests.json`, async (request, reply) => {
    const key = await partner(request, reply);
    if (!key) return reply;
    const parsed = postRequestSchema.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error.issues);
    const idempotency = request.headers["idempotency-key"];
    const outcome = await submitOpen311Request(
      {
        tickets: egrid.tickets,
        understanding: runtime.deps.understanding,
        thresholds: runtime.deps.thresholds,
        nearestPlace: (latitude, longitude, maxMetres) =>
          nearestPlace(egrid.db.prisma, latitude, longitude, maxMetres),
        allPlaces: () =>
          egrid.summaries.places.placesWithin("/", ["street", "community", "grid", "building"]),
      },
      parsed.data,
      {
        personId: key.personId,
        idempotencyKey: typeof idempotency === "string" ? idempotency.slice(0, 100) : null,
      },
    );
    if (!outcome.ok) {
      // The detail names the field that could not be matched: service_code, address_id, address_string, or lat and long.
      const detail = outcome.detail ?? {};
      const field = Object.keys(detail)[0] ?? "request";
      const value = Object.values(detail).join(" ");
      if (outcome.code.startsWith("OPEN311.") || outcome.code === "PLACE.NOT_FOUND") {
        const what = field === "lat" ? "no building within 300 m" : "not found";
        return errors(reply, 400, [`${field}: ${what}${value ? ` (${value})` : ""}`]);
      }
      return errors(reply, 400, [`request: ${outcome.code}`]);
    }
    const { ticket, notices } = outcome.value;
    const d = parsed.data;
    const contact = Object.fromEntries(
      Object.entries({
        email: d.email,
        phone: d.phone,
        first_name: d.first_name,
        last_name: d.last_name,
        device_id: d.device_id,
        account_id: d.account_id,
      }).filter((entry): entry is [string, string] => entry[1] !== undefined),
    );
    await requests.record({
      ticketId: ticket.id,
      apiKeyId: key.id,
      contact,
      mediaUrl: d.media_url ?? null,
      at: clock.now(),
    });
    await runtime.deliverNotices(notices);
    return reply
      .code(201)
      .send([{ service_request_id: ticket.number, service_notice: null, account_id: d.account_id ?? null }]);
  });

  app.get(`${BASE}/requests.json`, async (request, reply) => {
    const key = await partner(request, reply);
    if (!key) return reply;
    const parsed = listRequestsSchema.safeParse(request.query ?? {});
    if (!parsed.success) return invalid(reply, parsed.error.issues);
    const query = parsed.data;
    const to = query.end_date ? new Date(query.end_date) : clock.now();
    const from = query.start_date ? new Date(query.start_date) : new Date(to.getTime() - DEFAULT_WINDOW_MS);
    if (from >= to) return errors(reply, 400, ["start_date: must be before end_date"]);
    return views(await requests.list(query, { from, to }), english(request));
  });

  app.get(`${BASE}/servicerequestupdates.json`, async (request, reply) => {
    const key = await partner(request, reply);
    if (!key) return reply;
    const parsed = listUpdatesSchema.safeParse(request.query ?? {});
    if (!parsed.success) return invalid(reply, parsed.error.issues);
    const to = parsed.data.end_date ? new Date(parsed.data.end_date) : clock.now();
    const from = parsed.data.start_date ? new Date(parsed.data.start_date) : new Date(to.getTime() - DAY_MS);
    if (from >= to) return errors(reply, 400, ["start_date: must be before end_date"]);
    if (to.getTime() - from.getTime() > MAX_UPDATES_WINDOW_MS)
      return errors(reply, 400, ["start_date: at most 31 days before end_date"]);
    const found = await requests.updates(UPDATE_EVENT_TYPES, from, to, 1000);
    return found.map(({ event, number }) => toUpdate(event, number));
  });

  app.post(`${BASE}/servicerequestupdates.json`, async (request, reply) => {
    const key = await partner(request, reply);
    if (!key) return reply;
    const parsed = postUpdateSchema.safeParse(request.body ?? {});
    if (!parsed.success) return invalid(reply, parsed.error.issues);
    const outcome = await updateOpen311Request(egrid.tickets, parsed.data, key.personId);
    if (!outcome.ok) {
      const id = parsed.data.service_request_id;
      if (outcome.code === "TICKET.NOT_FOUND")
        return errors(reply, 404, [`service_request_id: no request ${id}`]);
      if (outcome.code === "TICKET.NOT_ALLOWED")
        return errors(reply, 403, [`service_request_id: ${id} was not made with this api_key`]);
      return errors(reply, 400, [`status: ${id} is not waiting for the resident's answer (${outcome.code})`]);
    }
    await runtime.deliverNotices(outcome.value.notices);
    const events = await egrid.tickets.tickets.listEvents(outcome.value.ticket.id);
    return reply.code(201).send([{ update_id: events.at(-1)?.id ?? null }]);
  });

  app.get(`${BASE}/openapi.json`, async () => open311OpenApi());

  app.get<{ Params: { file: string } }>(`${BASE}/requests/:file`, async (request, reply) => {
    const key = await partner(request, reply);
    if (!key) return reply;
    const number = jsonName(request.params.file);
    const found = number ? await requests.findByNumber(number) : null;
    if (!found)
      return errors(reply, 404, [`service_request_id: no request ${number ?? request.params.file}`]);
    return views([found], english(request));
  });
}
