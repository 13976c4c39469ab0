// The console's pages as HTML fragments (see admin-html.ts for the frame and the words).
import { formatWhen } from "../../bot/messages/format";
import type { Place } from "../../core/places/place";
import { isOverdueAt } from "../../core/summaries/summary-repository";
import { isActive, type Ticket, type TicketEvent } from "../../core/tickets/ticket";
import { currentDeadline } from "../../core/tickets/ticket-notice";
import type { CategoryChoice } from "../../core/understanding/understanding";
import type { PrismaAdminQueries } from "../../db/repositories/prisma-admin-console";
import type { Admin } from "./admin-auth";
import { type ConsoleLang, html, type Raw, stateName, wordsFor } from "./admin-html";
import type { ConsoleFilter } from "./admin-routes";

/** Indentation of a place in the filter's list (full-width spaces: the tree at a glance). */
const LEVEL_INDENT: Record<string, number> = { district: 0, street: 0, community: 1, grid: 2, building: 3 };

/**
 * The admin's places as the options of a place select, indented as the tree (the tickets' and the
 * residents' filters, the notice form). With `any`, a first empty option: all of the admin's area.
 */
export function placeOptions(places: readonly Place[], selected: string | undefined, any?: string): Raw[] {
  return [
    ...(any === undefined ? [] : [html`<option value="">${any}</option>`]),
    ...places.map(
      (p) =>
        html`<option value="${p.id}"${p.id === selected ? html` selected` : ""}>${"　".repeat(LEVEL_INDENT[p.level] ?? 0)}${p.name}</option>`,
    ),
  ];
}

/** Someone still has to act, and the current clock ran out. */
const isLate = (ticket: Ticket, now: Date) => isActive(ticket) && isOverdueAt(ticket, now);

/** Street → community → grid under each of the admin's grants, with open and overdue counts. */
export async function treePage(
  admin: Admin,
  queries: PrismaAdminQueries,
  now: Date,
  lang: ConsoleLang,
): Promise<Raw> {
  const w = wordsFor(lang);
  const rows: Raw[] = [];
  for (const grant of admin.grants) {
    const places = await queries.placesWithin(grant.placePath, ["district", "street", "community", "grid"]);
    for (const place of places) {
      const { open, overdue } = await queries.counts(place.path, now);
      const link = `/admin/tickets?lang=${lang}&place=${encodeURIComponent(place.id)}`;
      rows.push(html`<tr class="lvl-${place.level}"><td><a href="${link}">${place.name}</a></td>
<td>${open}</td><td class="${overdue > 0 ? "late" : "ok"}"><a href="${link}&overdue=1">${overdue}</a></td></tr>`);
    }
  }
  return html`<table><thead><tr><th>${w.place}</th><th>${w.open}</th><th>${w.overdue}</th></tr></thead><tbody>${rows}</tbody></table>`;
}

export function ticketTable(input: {
  lang: ConsoleLang;
  query: ConsoleFilter;
  tickets: readonly Ticket[];
  categories: readonly CategoryChoice[];
  /** The places the admin may filter by, in tree order. */
  places: readonly Place[];
  names: ReadonlyMap<string, string>;
  now: Date;
  timeZone: string;
  pageSize: number;
}): Raw {
  const { lang, query, tickets, categories, names, now, timeZone } = input;
  const w = wordsFor(lang);
  const categoryName = (code: string | null) => {
    const c = categories.find((x) => x.code === code);
    return c ? (lang === "en" ? c.nameEn : c.nameZh) : w.none;
  };
  const options = (values: readonly string[], selected: string | undefined, label: (v: string) => string) => [
    html`<option value="">${w.any}</option>`,
    ...values.map(
      (v) => html`<option value="${v}"${v === selected ? html` selected` : ""}>${label(v)}</option>`,
    ),
  ];
  const params = new URLSearchParams(
    Object.entries({ ...query, lang, overdue: query.overdue ? "1" : "" }).flatMap(([k, v]) =>
      v === undefined || v === "" || k === "page" ? [] : [[k, String(v)] as [string, string]],
    ),
  );
  const pageLink = (page: number) => `/admin/tickets?${params.toString()}&page=${page}`;
  const rows = tickets.map(
    (
      t,
    ) => html`<tr><td><a href="/admin/tickets/${encodeURIComponent(t.number)}?lang=${lang}">${t.number}</a></td>
<td>${stateName(lang, t.state)}</td><td>${categoryName(t.categoryCode)}</td><td class="wide">${t.priority}</td>
<td class="wide">${formatWhen(t.createdAt, lang === "en" ? "en" : "zh-CN", timeZone)}</td>
<td>${t.assigneeId ? (names.get(t.assigneeId) ?? t.assigneeId) : w.none}</td>
<td class="${isLate(t, now) ? "late" : "ok"}">${isLate(t, now) ? w.overdue : ""}</td><td class="wide">${t.originalText.slice(0, 60)}</td></tr>`,
  );
  return html`<form class="filters" method="get" action="/admin/tickets">
<input type="hidden" name="lang" value="${lang}">
<label>${w.state} <select name="state">${options(["reported", "triage", "dispatched", "accepted", "resolved", "reopened", "closed", "merged", "cancelled"], query.state, (v) => stateName(lang, v))}</select></label>
<label>${w.category} <select name="category">${options(
    categories.map((c) => c.code),
    query.category,
    categoryName,
  )}</select></label>
<label>${w.priority} <select name="priority">${options(["urgent", "high", "normal", "low"], query.priority, (v) => v)}</select></label>
<label>${w.place} <select name="place">${placeOptions(input.places, query.place, w.any)}</select></label>
<label>${w.from} <input type="date" name="from" value="${query.from ?? ""}"></label>
<label>${w.to} <input type="date" name="to" value="${query.to ?? ""}"></label>
<label><input type="checkbox" name="overdue" value="1"${query.overdue ? html` checked` : ""}> ${w.onlyOverdue}</label>
<button>${w.filter}</button> <a href="/admin/tickets.csv?${params.toString()}">${w.csv}</a></form>
<table><thead><tr><th>${w.number}</th><th>${w.state}</th><th>${w.category}</th><th class="wide">${w.priority}</th>
<th class="wide">${w.created}</th><th>${w.assignee}</th><th>${w.overdue}</th><th class="wide">${w.text}</th></tr></thead>
<tbody>${rows}</tbody></table>
<p>${query.page > 1 ? html`<a href="${pageLink(query.page - 1)}">${w.prev}</a> ` : ""}${tickets.length === input.pageSize ? html`<a href="${pageLink(query.page + 1)}">${w.next}</a>` : ""}</p>`;
}

const csvCell = (value: unknown) => {
  const text = String(value ?? "");
  // Quote everything; a leading = + - @ would be a formula in a spreadsheet.
  return `"${(/^[=+\-@]/.test(text) ? `'${text}` : text).replaceAll('"', '""')}"`;
};

export function ticketCsv(tickets: readonly Ticket[], names: ReadonlyMap<string, string>, now: Date): string {
  const header = [
    "number",
    "state",
    "category",
    "priority",
    "level",
    "place",
    "assignee",
    "created",
    "deadline",
    "overdue",
    "text",
  ];
  const lines = tickets.map((t) =>
    [
      t.number,
      t.state,
      t.categoryCode ?? "",
      t.priority,
      t.level,
      t.placeId,
      t.assigneeId ? (names.get(t.assigneeId) ?? t.assigneeId) : "",
      t.createdAt.toISOString(),
      currentDeadline(t)?.toISOString() ?? "",
      isLate(t, now) ? "yes" : "no",
      t.originalText,
    ]
      .map(csvCell)
      .join(","),
  );
  // The byte-order mark makes spreadsheet programs read the Chinese as UTF-8.
  return `\uFEFF${[header.map(csvCell).join(","), ...lines].join("\r\n")}\r\n`;
}

export function ticketPage(input: {
  lang: ConsoleLang;
  ticket: Ticket;
  events: readonly TicketEvent[];
  place: string;
  names: ReadonlyMap<string, string>;
  handlers: readonly { personId: string; name: string; role: string; place: string }[];
  categories: readonly CategoryChoice[];
  timeZone: string;
  message: string | null;
}): Raw {
  const { lang, ticket, events, names, timeZone } = input;
  const w = wordsFor(lang);
  const locale = lang === "en" ? "en" : "zh-CN";
  const who = (id: string | null) => (id ? (names.get(id) ?? id) : "egrid");
  const media = ticket.media.map((m) => {
    const src = /^https?:\/\//.test(m.ref) ? m.ref : `/api/playground/audio/${encodeURIComponent(m.ref)}`;
    return m.kind === "voice"
      ? html`<audio controls src="${src}"></audio>`
      : html`<img class="media" alt="" src="${src}">`;
  });
  const timeline = events.map(
    (e) =>
      html`<tr><td>${formatWhen(e.at, locale, timeZone)}</td><td>${e.type}</td><td>${who(e.actorId)}</td><td>${e.note ?? ""}</td></tr>`,
  );
  const action = `/admin/tickets/${encodeURIComponent(ticket.number)}`;
  return html`${input.message ? html`<p class="notice">${input.message}</p>` : ""}
<div class="card"><h2>${ticket.number} · ${stateName(lang, ticket.state)}</h2>
<p>${ticket.originalText}</p>
<p>${w.place}: ${input.place} · ${w.category}: ${categoryLabel(input.categories, ticket.categoryCode, lang) ?? w.none} · ${w.priority}: ${ticket.priority} ·
${w.assignee}: ${who(ticket.assigneeId)} · ${w.created}: ${formatWhen(ticket.createdAt, locale, timeZone)}</p>
${media.length > 0 ? html`<h3>${w.media}</h3>${media}` : ""}</div>
<div class="card"><form method="post" action="${action}/reassign?lang=${lang}"><label>${w.reassign}
<select name="value">${input.handlers.map((h) => html`<option value="${h.personId}"${h.personId === ticket.assigneeId ? html` selected` : ""}>${h.name} (${h.place})</option>`)}</select></label>
<button>${w.save}</button></form>
<form method="post" action="${action}/reclassify?lang=${lang}"><label>${w.reclassify}
<select name="value">${input.categories.map((c) => html`<option value="${c.code}"${c.code === ticket.categoryCode ? html` selected` : ""}>${lang === "en" ? c.nameEn : c.nameZh}</option>`)}</select></label>
<button>${w.save}</button></form></div>
<div class="card"><h3>${w.timeline}</h3><table><tbody>${timeline}</tbody></table></div>`;
}

function categoryLabel(
  categories: readonly CategoryChoice[],
  code: string | null,
  lang: ConsoleLang,
): string | null {
  const found = categories.find((c) => c.code === code);
  return found ? (lang === "en" ? found.nameEn : found.nameZh) : code;
}
