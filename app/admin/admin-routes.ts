// The admin console at /admin: log in, the place tree with open and overdue counts, tickets with
// filters and CSV, a ticket's timeline with its photos and voice notes, reassign and reclassify,
// and today's summary with its chart; the residents registry and notices (admin-registry-routes.ts).
// Each admin sees only their part of the tree.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { z } from "zod";
import { RateLimiter } from "../../bot/conversation/rate-limiter";
import { renderSummary } from "../../bot/conversation/summary-report";
import { personActor } from "../../core/people/person";
import type { Clock } from "../../core/shared/clock";
import { addDays } from "../../core/shared/zoned-time";
import { periodSoFar, startOfDate } from "../../core/summaries/summary-period";
import { reassignTicket, reclassifyTicket } from "../../core/tickets/manage-ticket";
import { PRIORITIES, TICKET_STATES } from "../../core/tickets/ticket";
import {
  PrismaAdminAccounts,
  PrismaAdminQueries,
  type TicketFilter,
} from "../../db/repositories/prisma-admin-console";
import type { BotRuntime } from "../bot-runtime";
import type { Egrid } from "../egrid-app";
import { registerAdminAuditRoutes } from "./admin-audit-routes";
import {
  type Admin,
  adminOf,
  cookieValue,
  inScope,
  newToken,
  setSessionCookie,
  tokenHash,
  verifyPassword,
} from "./admin-auth";
import { registerAdminBoardRoutes } from "./admin-board-routes";
import { type ConsoleLang, html, page, wordsFor } from "./admin-html";
import { ticketCsv, ticketPage, ticketTable, treePage } from "./admin-pages";
import { registerAdminRegistryRoutes } from "./admin-registry-routes";
import { registerAdminWarningRoutes } from "./admin-warnings-routes";

const PAGE_SIZE = 50;
const optional = z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional());
const filterSchema = z.object({
  state: z.preprocess((v) => (v === "" ? undefined : v), z.enum(TICKET_STATES).optional()),
  category: optional,
  priority: z.preprocess((v) => (v === "" ? undefined : v), z.enum(PRIORITIES).optional()),
  place: optional,
  from: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
  to: z.preprocess((v) => (v === "" ? undefined : v), z.iso.date().optional()),
  overdue: z.preprocess((v) => v === "1" || v === "on", z.boolean()),
  page: z.preprocess(
    (v) => (v === undefined || v === "" ? 1 : Number(v)),
    z.number().int().min(1).max(10_000),
  ),
});
export type ConsoleFilter = z.output<typeof filterSchema>;

function langOf(request: FastifyRequest): ConsoleLang {
  const asked = (request.query as { lang?: string }).lang;
  if (asked === "en" || asked === "zh") return asked;
  return /^en\b/i.test(request.headers["accept-language"] ?? "") ? "en" : "zh";
}

export function registerAdminRoutes(
  app: FastifyInstance,
  egrid: Egrid,
  runtime: BotRuntime,
  clock: Clock,
): void {
  const accounts = new PrismaAdminAccounts(egrid.db.prisma);
  const queries = new PrismaAdminQueries(egrid.db.prisma);
  const attempts = new RateLimiter(10);
  const sessionHours = egrid.config.ADMIN_SESSION_HOURS;
  const timeZone = egrid.config.EGRID_TIME_ZONE;
  const send = (
    reply: FastifyReply,
    lang: ConsoleLang,
    title: string,
    body: ReturnType<typeof html>,
    code = 200,
  ) =>
    reply
      .code(code)
      .type("text/html; charset=utf-8")
      .send(page(lang, title, body, true));

  /** The admin, or a redirect to the login page already sent. */
  async function admin(request: FastifyRequest, reply: FastifyReply): Promise<Admin | null> {
    const found = await adminOf(request, accounts, egrid.tickets.people, clock.now());
    if (!found) await reply.redirect(`/admin/login?lang=${langOf(request)}`);
    return found;
  }

  async function filterOf(
    a: Admin,
    query: ConsoleFilter,
    skip: number,
    take: number,
  ): Promise<TicketFilter | null> {
    let placePath: string | undefined;
    if (query.place) {
      const place = await egrid.tickets.directory.getPlace(query.place);
      if (!place || !inScope(a, place.path)) return null;
      placePath = place.path;
    }
    // Dates are the deployment's local days: "to" includes its whole day.
    const day = (date: string | undefined, plusDays: number) =>
      date ? startOfDate(addDays(date, plusDays), timeZone) : undefined;
    return {
      withinPaths: a.grants.map((g) => g.placePath),
      state: query.state,
      category: query.category,
      priority: query.priority,
      placePath,
      from: day(query.from, 0),
      to: day(query.to, 1),
      overdueAt: query.overdue ? clock.now() : undefined,
      skip,
      take,
    };
  }

  app.get("/admin/login", async (request, reply) => {
    const lang = langOf(request);
    const w = wordsFor(lang);
    const failed = (request.query as { failed?: string }).failed === "1";
    const body = html`<form class="card" method="post" action="/admin/login?lang=${lang}">
${failed ? html`<p class="late">${w.badLogin}</p>` : ""}
<p><label>${w.personId}<br><input name="personId" autocomplete="username" required></label></p>
<p><label>${w.password}<br><input name="password" type="password" autocomplete="current-password" required></label></p>
<button>${w.login}</button></form>`;
    return reply.type("text/html; charset=utf-8").send(page(lang, w.login, body, false));
  });

  app.post("/admin/login", async (request, reply) => {
    const lang = langOf(request);
    const parsed = z
      .object({ personId: z.string().trim().min(1).max(100), password: z.string().min(1).max(200) })
      .safeParse(request.body ?? {});
    const denied = () => reply.redirect(`/admin/login?lang=${lang}&failed=1`);
    if (!parsed.success) return denied();
    const { personId, password } = parsed.data;
    if (!attempts.allow(personId, clock.now())) return denied();
    const stored = await accounts.passwordHashOf(personId);
    if (!stored || !(await verifyPassword(password, stored))) return denied();
    const token = newToken();
    const now = clock.now();
    await accounts.openSession(
      tokenHash(token),
      personId,
      now,
      new Date(now.getTime() + sessionHours * 3600_000),
    );
    setSessionCookie(reply, token, sessionHours * 3600);
    return reply.redirect(`/admin?lang=${lang}`);
  });

  app.get("/admin/logout", async (request, reply) => {
    const token = cookieValue(request);
    if (token) await accounts.closeSession(tokenHash(token));
    setSessionCookie(reply, null, 0);
    return reply.redirect(`/admin/login?lang=${langOf(request)}`);
  });

  app.get("/admin", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    return send(reply, lang, wordsFor(lang).tree, await treePage(a, queries, clock.now(), lang));
  });

  app.get("/admin/tickets", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const parsed = filterSchema.safeParse(request.query ?? {});
    if (!parsed.success)
      return send(
        reply,
        lang,
        w.tickets,
        html`<p class="late">${w.failed}${parsed.error.issues[0]?.message}</p>`,
        400,
      );
    const filter = await filterOf(a, parsed.data, (parsed.data.page - 1) * PAGE_SIZE, PAGE_SIZE);
    if (!filter) return send(reply, lang, w.tickets, html`<p class="late">${w.notFound}</p>`, 404);
    const tickets = await queries.tickets(filter);
    const categories = await egrid.tickets.directory.listCategories();
    const names = await queries.names(tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])));
    const places = (
      await Promise.all(
        a.grants.map((g) => queries.placesWithin(g.placePath, ["district", "street", "community", "grid"])),
      )
    ).flat();
    const body = ticketTable({
      lang,
      query: parsed.data,
      tickets,
      categories,
      places,
      names,
      now: clock.now(),
      timeZone,
      pageSize: PAGE_SIZE,
    });
    return send(reply, lang, w.tickets, body);
  });

  app.get("/admin/tickets.csv", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const parsed = filterSchema.safeParse(request.query ?? {});
    if (!parsed.success) return reply.code(400).send(parsed.error.issues[0]?.message);
    const filter = await filterOf(a, parsed.data, 0, 10_000);
    if (!filter) return reply.code(404).send("not in your area");
    const tickets = await queries.tickets(filter);
    const names = await queries.names(tickets.flatMap((t) => (t.assigneeId ? [t.assigneeId] : [])));
    return reply
      .type("text/csv; charset=utf-8")
      .header("content-disposition", 'attachment; filename="tickets.csv"')
      .send(ticketCsv(tickets, names, clock.now()));
  });

  app.get<{ Params: { number: string } }>("/admin/tickets/:number", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const w = wordsFor(lang);
    const found = await queries.ticketByNumber(request.params.number);
    if (!found || !inScope(a, found.ticket.placePath))
      return send(reply, lang, w.tickets, html`<p class="late">${w.notFound}</p>`, 404);
    const { ticket, events } = found;
    const body = ticketPage({
      lang,
      ticket,
      events,
      place: (await egrid.tickets.directory.getPlace(ticket.placeId))?.name ?? ticket.placeId,
      names: await queries.names([
        ticket.reporterId,
        ...(ticket.assigneeId ? [ticket.assigneeId] : []),
        ...events.flatMap((e) => (e.actorId ? [e.actorId] : [])),
      ]),
      handlers: await queries.handlersOf(ticket.placePath),
      categories: await egrid.tickets.directory.listCategories(),
      timeZone,
      message: (request.query as { done?: string; error?: string }).done
        ? w.done
        : (request.query as { error?: string }).error
          ? `${w.failed}${(request.query as { error?: string }).error}`
          : null,
    });
    return send(reply, lang, ticket.number, body);
  });

  const action = (name: "reassign" | "reclassify") =>
    app.post<{ Params: { number: string } }>(`/admin/tickets/:number/${name}`, async (request, reply) => {
      const a = await admin(request, reply);
      if (!a) return reply;
      const lang = langOf(request);
      const back = (suffix: string) =>
        reply.redirect(`/admin/tickets/${encodeURIComponent(request.params.number)}?lang=${lang}&${suffix}`);
      const found = await queries.ticketByNumber(request.params.number);
      if (!found || !inScope(a, found.ticket.placePath)) return back("error=TICKET.NOT_FOUND");
      const body = z.object({ value: z.string().trim().min(1).max(100) }).safeParse(request.body ?? {});
      if (!body.success) return back("error=REQUEST.INVALID");
      const actor = personActor(a.person);
      const outcome =
        name === "reassign"
          ? await reassignTicket(egrid.tickets, {
              ticketId: found.ticket.id,
              actor,
              assigneeId: body.data.value,
            })
          : await reclassifyTicket(egrid.tickets, {
              ticketId: found.ticket.id,
              actor,
              categoryCode: body.data.value,
            });
      if (!outcome.ok) return back(`error=${encodeURIComponent(outcome.code)}`);
      await runtime.deliverNotices(outcome.value.notices);
      return back("done=1");
    });
  action("reassign");
  action("reclassify");

  const summaryOf = async (a: Admin, lang: ConsoleLang) =>
    renderSummary(
      runtime.deps,
      {
        scopePlaceId: a.grants[0]!.placeId,
        period: periodSoFar("day", clock.now(), timeZone),
        locale: lang === "en" ? "en" : "zh-CN",
      },
      clock.now(),
    );

  app.get("/admin/summary", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const lang = langOf(request);
    const rendered = await summaryOf(a, lang);
    if (!rendered.ok)
      return send(reply, lang, wordsFor(lang).summary, html`<p class="late">${rendered.code}</p>`, 500);
    const chart = rendered.value.png
      ? html`<img class="media" alt="" src="/admin/summary.png?lang=${lang}">`
      : html``;
    return send(
      reply,
      lang,
      wordsFor(lang).summary,
      html`<div class="card"><pre style="white-space:pre-wrap">${rendered.value.text}</pre>${chart}</div>`,
    );
  });

  app.get("/admin/summary.png", async (request, reply) => {
    const a = await admin(request, reply);
    if (!a) return reply;
    const rendered = await summaryOf(a, langOf(request));
    if (!rendered.ok || !rendered.value.png) return reply.code(404).send();
    return reply.type("image/png").send(Buffer.from(rendered.value.png));
  });

  // Residents, notices and the unreached: the same login, frame and queries.
  registerAdminRegistryRoutes(app, runtime, { admin, send, langOf, queries });
  registerAdminWarningRoutes(app, runtime, { admin, send, langOf, queries });
  registerAdminAuditRoutes(app, runtime, { admin, send, langOf, queries });
  registerAdminBoardRoutes(app, runtime, { admin, send, langOf, queries });
}
