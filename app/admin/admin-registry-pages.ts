// The console's registry pages as HTML fragments: residents, notices and a notice's unreached
// households (see admin-html.ts for the frame and the words, admin-registry-routes.ts for the data).
import { formatWhen } from "../../bot/messages/format";
import { registryEn } from "../../bot/messages/registry-en";
import { registryZhCn } from "../../bot/messages/registry-zh-cn";
import type { Broadcast, BroadcastProgress } from "../../core/broadcast/broadcast-ports";
import type { Place } from "../../core/places/place";
import type { LookupOutcome } from "../../core/registry/lookup-residents";
import { VULNERABLE_TAGS, type VulnerableTag } from "../../core/registry/resident";
import { type ConsoleLang, html, type Raw, wordsFor } from "./admin-html";
import { placeOptions } from "./admin-pages";

export interface ResidentFilter {
  readonly place?: string | undefined;
  readonly tag: readonly VulnerableTag[];
  readonly unit?: string | undefined;
  readonly page: number;
}

/** The notice form as the admin typed it (kept on a refusal). */
export interface BroadcastForm {
  readonly place: string;
  readonly kind: string;
  readonly text: string;
}

export interface BroadcastRow {
  readonly broadcast: Broadcast;
  readonly place: string;
  readonly author: string;
  /** null: the admin may not follow this notice (a wider place's, not theirs). */
  readonly progress: BroadcastProgress | null;
}

const tagName = (lang: ConsoleLang, tag: VulnerableTag) =>
  (lang === "en" ? registryEn : registryZhCn).tag(tag);
const tagList = (lang: ConsoleLang, tags: readonly VulnerableTag[]) =>
  tags.map((t) => tagName(lang, t)).join(lang === "en" ? ", " : "、");
const localeOf = (lang: ConsoleLang) => (lang === "en" ? "en" : "zh-CN");

/** The registry of a place: filters, the count (no names), the page of residents as the admin may see them. */
export function residentsPage(input: {
  lang: ConsoleLang;
  query: ResidentFilter;
  scope: Place;
  /** The admin's places, in tree order. */
  places: readonly Place[];
  outcome: LookupOutcome;
  pageSize: number;
}): Raw {
  const { lang, query, outcome } = input;
  const w = wordsFor(lang);
  const params = new URLSearchParams({ lang });
  if (query.place) params.set("place", query.place);
  for (const tag of query.tag) params.append("tag", tag);
  if (query.unit) params.set("unit", query.unit);
  const pageLink = (page: number) => `/admin/residents?${params.toString()}&page=${page}`;
  const yesNo = (value: boolean) => (value ? w.yes : w.no);
  const rows = outcome.residents.map(
    (
      r,
    ) => html`<tr><td>${r.name}</td><td>${r.address}</td><td>${r.age ?? ""}</td><td>${tagList(lang, r.tags)}</td>
<td>${r.phone ?? ""}</td><td class="wide">${[r.emergencyContactName, r.emergencyContactPhone].filter(Boolean).join(" ")}</td>
<td class="wide">${yesNo(r.consent)}</td><td class="wide">${yesNo(r.linked)}</td></tr>`,
  );
  const tagBoxes = VULNERABLE_TAGS.map(
    (tag) =>
      html`<label><input type="checkbox" name="tag" value="${tag}"${query.tag.includes(tag) ? html` checked` : ""}> ${tagName(lang, tag)}</label>`,
  );
  const last = query.page * input.pageSize >= outcome.total;
  return html`<form class="filters" method="get" action="/admin/residents">
<input type="hidden" name="lang" value="${lang}">
<label>${w.place} <select name="place">${placeOptions(input.places, query.place, w.any)}</select></label>
<label>${w.unit} <input name="unit" size="4" maxlength="10" value="${query.unit ?? ""}"></label>
<fieldset class="tags"><legend>${w.tags}</legend>${tagBoxes}</fieldset>
<button>${w.filter}</button></form>
<p class="card" id="resident-count">${input.scope.name} · ${w.residentsTotal}<strong>${outcome.total}</strong></p>
${
  outcome.total === 0
    ? html`<p>${w.noResidents}</p>`
    : html`<table><thead><tr><th>${w.name}</th><th>${w.address}</th><th>${w.age}</th><th>${w.tags}</th><th>${w.phone}</th>
<th class="wide">${w.emergencyContact}</th><th class="wide">${w.consent}</th><th class="wide">${w.linked}</th></tr></thead>
<tbody>${rows}</tbody></table>`
}
<p>${query.page > 1 ? html`<a href="${pageLink(query.page - 1)}">${w.prev}</a> ` : ""}${last ? "" : html`<a href="${pageLink(query.page + 1)}">${w.next}</a>`}</p>
<p class="notice">${w.personalData}</p>`;
}

/** The notice form and the recent notices reaching the admin's places, with how far each got. */
export function broadcastsPage(input: {
  lang: ConsoleLang;
  /** The places the admin may publish to, in tree order. */
  places: readonly Place[];
  form: BroadcastForm;
  errors: readonly string[];
  message: string | null;
  rows: readonly BroadcastRow[];
  timeZone: string;
}): Raw {
  const { lang, form } = input;
  const w = wordsFor(lang);
  const kinds = [
    ["notice", w.kindNotice],
    ["notice_ack", w.kindNoticeAck],
    ["duty_call", w.kindDutyCall],
  ] as const;
  const kindName = (b: Broadcast) =>
    b.kind === "duty_call" ? w.kindDutyCall : b.askAck ? w.kindNoticeAck : w.kindNotice;
  const rows = input.rows.map(({ broadcast: b, place, author, progress: p }) => {
    const figures = p
      ? html`<td>${p.recipients}</td><td class="wide">${p.queued}</td><td>${p.sent}</td><td class="${p.failed > 0 ? "late" : ""}">${p.failed}</td>
<td>${b.kind === "duty_call" ? "" : p.acknowledgedHouseholds}</td><td>${b.kind === "duty_call" ? `${p.answers.yes} / ${p.answers.no}` : ""}</td>`
      : html`<td colspan="6">—</td>`;
    return html`<tr><td class="wide">${formatWhen(b.createdAt, localeOf(lang), input.timeZone)}</td><td>${place}</td>
<td class="wide">${author}</td><td>${kindName(b)}</td><td>${b.text.slice(0, 60)}</td>${figures}
<td><a href="/admin/broadcasts/${encodeURIComponent(b.id)}/unreached?lang=${lang}">${w.unreached}</a></td></tr>`;
  });
  return html`${input.message ? html`<p class="notice">${input.message}</p>` : ""}
<form class="card" id="publish" method="post" action="/admin/broadcasts?lang=${lang}"><h2>${w.publishTitle}</h2>
${input.errors.map((e) => html`<p class="late">${e}</p>`)}
<p><label>${w.place} <select name="place">${placeOptions(input.places, form.place)}</select></label>
<label>${w.kind} <select name="kind">${kinds.map(([value, label]) => html`<option value="${value}"${value === form.kind ? html` selected` : ""}>${label}</option>`)}</select></label></p>
<p><textarea name="text" rows="4" maxlength="1500" required>${form.text}</textarea></p>
<button>${w.publish}</button></form>
${
  input.rows.length === 0
    ? html`<p>${w.noBroadcasts}</p>`
    : html`<table id="broadcasts"><thead><tr><th class="wide">${w.publishedAt}</th><th>${w.place}</th><th class="wide">${w.author}</th>
<th>${w.kind}</th><th>${w.text}</th><th>${w.recipients}</th><th class="wide">${w.queued}</th><th>${w.delivered}</th>
<th>${w.failedCount}</th><th>${w.ackHouseholds}</th><th>${w.dutyAnswers}</th><th>${w.unreached}</th></tr></thead>
<tbody>${rows}</tbody></table>`
}`;
}

/** A notice's households in the admin's area nobody has acknowledged for, vulnerable first. */
export function unreachedPage(input: {
  lang: ConsoleLang;
  broadcast: Broadcast;
  total: number;
  households: readonly {
    address: string;
    residents: readonly { name: string; phone: string | null; tags: readonly VulnerableTag[] }[];
  }[];
  timeZone: string;
}): Raw {
  const { lang, broadcast } = input;
  const w = wordsFor(lang);
  const [comma, open, close] = lang === "en" ? [", ", " (", ")"] : ["，", "（", "）"];
  const rows = input.households.map(
    (h) =>
      html`<tr><td>${h.address}</td><td>${h.residents.map(
        (r, i) =>
          html`${i > 0 ? comma : ""}${r.name}${r.tags.length ? `${open}${tagList(lang, r.tags)}${close}` : ""}${r.phone ? ` ${r.phone}` : ""}`,
      )}</td></tr>`,
  );
  return html`<div class="card"><h2>${w.unreached}</h2>
<p>${formatWhen(broadcast.createdAt, localeOf(lang), input.timeZone)} · ${broadcast.text}</p>
<p><a href="/admin/broadcasts?lang=${lang}">${w.broadcasts}</a></p></div>
${
  input.total === 0
    ? html`<p class="notice">${w.allReached}</p>`
    : html`<p>${w.unreachedTotal}<strong>${input.total}</strong> ${w.households}</p>
<table id="unreached"><thead><tr><th>${w.address}</th><th>${w.people}</th></tr></thead><tbody>${rows}</tbody></table>
<p class="notice">${w.personalData}</p>`
}`;
}
