// The console's residents registry and notices: the registry of the admin's area (filtered, paged,
// every view audited and masked by role through core's lookupResidents), recent notices with their
// progress, the form to publish one (the same use case as the chat's /notice), and a notice's
// households not yet reached. Registered from admin-routes.ts, with its login and page frame.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { en } from "../../bot/messages/en";
import { zhCN } from "../../bot/messages/zh-cn";
import {
  broadcastProgress,
  mayPublishAt,
  publishBroadcast,
  unreachedHouseholds,
} from "../../core/broadcast/broadcast";
import type { Broadcast } from "../../core/broadcast/broadcast-ports";
import { isWithin, type Place, type PlaceLevel } from "../../core/places/place";
import { lookupResidents } from "../../core/registry/lookup-residents";
import { formatAddress, VULNERABLE_TAGS, vulnerableTagSchema } from "../../core/registry/resident";
import type { PrismaAdminQueries } from "../../db/repositories/prisma-admin-console";
import type { BotRuntime } from "../bot-runtime";
import { type Admin, inScope } from "./admin-auth";
import { type ConsoleLang, html, type Raw, wordsFor } from "./admin-html";
import {
  type BroadcastForm,
  type BroadcastRow,
  broadcastsPage,
  type ResidentFilter,
  residentsPage,
  unreachedPage,
} from "./admin-registry-pages";

const PAGE_SIZE = 50;
/** Broadcasts listed: the most recent that reached the admin's places. */
const RECENT = 20;
const UNREACHED_LIMIT = 200;
/** The residents' place filter goes down to the buildings (a building and its unit). */
const RESIDENT_LEVELS: readonly PlaceLevel[] = ["district", "street", "community", "grid", "building"];
const PUBLISH_LEVELS: readonly PlaceLevel[] = ["district", "street", "community", "grid"];

const blank = (v: unknown) => (v === "" ? undefined : v);
const residentFilterSchema = z.object({
  place: z.preprocess(blank, z.string().max(200).optional()),
  // ?tag=a&tag=b (checkboxes): any of them; each once.
  tag: z.preprocess(
    (v) => [...new Set((v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((t) => t !== ""))],
    z.array(vulnerableTagSchema).max(VULNERABLE_TAGS.length),
  ),
  unit: z.preprocess(blank, z.string().trim().max(10).optional()),
  page: z.preprocess(
    (v) => (v === undefined || v === "" ? 1 : Number(v)),
    z.number().int().min(1).max(10_000),
  ),
});

/** The form's kinds: a notice, a notice asking for "received", a call for emergency duty. */
const FORM_KINDS = {
  notice: ["notice", false],
  notice_ack: ["notice", true],
  duty_call: ["duty_call", true],
} as const;
const publishFormSchema = z.object({
  place: z.string().trim().min(1).max(200),
  kind: z.enum(["notice", "notice_ack", "duty_call"]),
  text: z.string().trim().min(1).max(1500),
});

/** What admin-routes.ts lends: the logged-in admin (or the redirect to log in), its frame and its queries. */
export interface ConsoleContext {
  admin(request: FastifyRequest, reply: FastifyReply): Promise<Admin | null>;
  send(reply: FastifyReply, lang: ConsoleLang, title: string, body: Raw, code?: number): FastifyReply;
  langOf(request: FastifyRequest): ConsoleLang;
  readonly queries: PrismaAdminQueries;
}

export function registerAdminRegistryRoutes(
  app: FastifyInstance,
  runtime: BotRuntime,
  context: ConsoleContext,
): void {
  const { deps } = runtime;
  const { queries, send, langOf } = context;
  const getPlace = (id: string) => deps.tickets.directory.getPlace(id);
  const errorText = (lang: ConsoleLang) => (lang === "en" ? en.errors : zhCN.errors);

  /** The admin's places at these levels, in tree order under each grant. */
  const placesOf = async (a: Admin, levels: readonly PlaceLevel[]) =>
    (await Promise.all(a.grants.map((g) => queries.placesWithin(g.placePath, levels)))).flat();

  /** The place asked for, if it is in the admin's area; none asked: the admin's widest place. */
  async function scopeOf(a: Admin, placeId: string | undefined): Promise<Place | null> {
    const place = await getPlace(placeId ?? a.grants[0]!.placeId);
    return place && inScope(a, place.path) ? place : null;
  }

  app.get("/admin/residents", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const parsed = residentFilterSchema.safeParse(request.query ?? {});
    if (!parsed.success)
      return send(
        reply,
        lang,
        w.residents,
        html`<p class="late">${w.failed}${parsed.error.issues[0]?.message}</p>`,
        400,
      );
    const query: ResidentFilter = parsed.data;
    const scope = await scopeOf(a, query.place);
    if (!scope) return send(reply, lang, w.residents, html`<p class="late">${w.placeNotFound}</p>`, 404);
    const found = await lookupResidents(deps.registry, {
      actor: a.person,
      scope,
      tags: query.tag,
      unit: query.unit ?? null,
      mode: "list",
      purpose: "console: residents",
      limit: PAGE_SIZE,
      offset: (query.page - 1) * PAGE_SIZE,
    });
    if (!found.ok) return send(reply, lang, w.residents, html`<p class="late">${w.placeNotFound}</p>`, 404);
    const body = residentsPage({
      lang,
      query,
      scope,
      places: await placesOf(a, RESIDENT_LEVELS),
      outcome: found.value,
      pageSize: PAGE_SIZE,
    });
    return send(reply, lang, w.residents, body);
  });

  /** The notices page: the form (as typed, with what was wrong) and the recent notices with their progress. */
  async function broadcastsBody(
    a: Admin,
    lang: ConsoleLang,
    form: BroadcastForm,
    errors: readonly string[],
    message: string | null,
  ): Promise<Raw> {
    const seen = new Map<string, Broadcast>();
    for (const grant of a.grants) {
      for (const b of await deps.broadcasts.broadcasts.recent(grant.placePath, RECENT)) seen.set(b.id, b);
    }
    const recent = [...seen.values()]
      .sort((x, y) => y.createdAt.getTime() - x.createdAt.getTime())
      .slice(0, RECENT);
    const authors = await queries.names(recent.map((b) => b.authorId));
    const rows: BroadcastRow[] = [];
    for (const broadcast of recent) {
      // The author and the staff over its place see its progress; a street's notice seen from a community: not.
      const progress = await broadcastProgress(deps.broadcasts, a.person, broadcast.id);
      rows.push({
        broadcast,
        place: (await getPlace(broadcast.placeId))?.name ?? broadcast.placeId,
        author: authors.get(broadcast.authorId) ?? broadcast.authorId,
        progress: progress.ok ? progress.value.progress : null,
      });
    }
    return broadcastsPage({
      lang,
      places: (await placesOf(a, PUBLISH_LEVELS)).filter((p) => mayPublishAt(a.person, p.path)),
      form,
      errors,
      message,
      rows,
      timeZone: deps.settings.timeZone,
    });
  }

  app.get("/admin/broadcasts", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const done = (request.query as { done?: string }).done === "1";
    const form = { place: a.grants[0]!.placeId, kind: "notice", text: "" };
    return send(
      reply,
      lang,
      w.broadcasts,
      await broadcastsBody(a, lang, form, [], done ? w.published : null),
    );
  });

  // Like reassign and reclassify: the session cookie (HttpOnly, SameSite=Lax) is the only credential.
  app.post("/admin/broadcasts", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const raw = (request.body ?? {}) as Record<string, unknown>;
    const typed = (key: string) => (typeof raw[key] === "string" ? (raw[key] as string) : "");
    const form = { place: typed("place"), kind: typed("kind"), text: typed("text") };
    const again = async (errors: readonly string[], code: number) =>
      send(reply, lang, w.broadcasts, await broadcastsBody(a, lang, form, errors, null), code);
    const parsed = publishFormSchema.safeParse(raw);
    if (!parsed.success) {
      const field = (path: readonly PropertyKey[]) =>
        path[0] === "text" ? w.textInvalid : path[0] === "place" ? w.placeInvalid : w.kindInvalid;
      return again([...new Set(parsed.error.issues.map((issue) => field(issue.path)))], 400);
    }
    const place = await getPlace(parsed.data.place);
    if (!place || !inScope(a, place.path))
      return send(reply, lang, w.broadcasts, html`<p class="late">${w.placeNotFound}</p>`, 404);
    const [kind, askAck] = FORM_KINDS[parsed.data.kind];
    const published = await publishBroadcast(deps.broadcasts, a.person, place, {
      kind,
      askAck,
      text: parsed.data.text,
    });
    if (!published.ok) return again([errorText(lang)[published.code]], 422);
    return reply.redirect(`/admin/broadcasts?lang=${lang}&done=1`, 303);
  });

  app.get<{ Params: { id: string } }>("/admin/broadcasts/:id/unreached", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const notFound = () =>
      send(reply, lang, w.unreached, html`<p class="late">${w.broadcastNotFound}</p>`, 404);
    const broadcast = await deps.broadcasts.broadcasts.get(request.params.id);
    // The admin's part of the notice's place: their grant inside it, or the grant it went out under.
    const grant =
      broadcast &&
      a.grants.find(
        (g) => isWithin(g.placePath, broadcast.placePath) || isWithin(broadcast.placePath, g.placePath),
      );
    const scope = grant ? await getPlace(grant.placeId) : null;
    if (!broadcast || !scope) return notFound();
    const result = await unreachedHouseholds(deps.broadcasts, a.person, broadcast.id, scope, UNREACHED_LIMIT);
    if (!result.ok) return notFound();
    const households = [];
    for (const h of result.value.households) {
      const building = await getPlace(h.buildingId);
      households.push({
        address: formatAddress(building?.name ?? h.buildingId, h.unit, h.room),
        residents: h.residents,
      });
    }
    const body = unreachedPage({
      lang,
      broadcast,
      total: result.value.total,
      households,
      timeZone: deps.settings.timeZone,
    });
    return send(reply, lang, w.unreached, body);
  });
}
