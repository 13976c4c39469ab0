// The console's board, read only: the open items of the four lists in the admin's area (or a place
// of it) and each resident unit's contribution this month, through the chat's own use cases.
// Claiming, confirming and calling stay in the chat, where both sides are told.
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { catalogue } from "../../bot/messages/format";
import { browseItems } from "../../core/board/board-items";
import { formatItemNumber } from "../../core/board/board-ports";
import { unitContributions } from "../../core/board/resident-units";
import type { Person } from "../../core/people/person";
import type { Place } from "../../core/places/place";
import type { BotRuntime } from "../bot-runtime";
import { inScope } from "./admin-auth";
import { type ConsoleLang, html } from "./admin-html";
import type { ConsoleContext } from "./admin-registry-routes";

/** Open items shown: the newest of the area. */
const OPEN_SHOWN = 100;

const WORDS = {
  zh: {
    title: "共建清单",
    open: "待认领事项",
    noOpen: "暂时没有待认领的事项。",
    units: "驻区单位共建（本月）",
    noUnits: "还没有登记的驻区单位。",
    list: "清单",
    number: "编号",
    place: "地点",
    when: "时间",
    quantity: "数量",
    text: "内容",
    poster: "发布方",
    unit: "单位",
    kind: "类型",
    done: "完成",
    hours: "时长（小时）",
    claimed: "认领",
    posted: "发布",
    notFound: "没有这个地点，或不在您的辖区。",
    readOnly: "认领、确认和吹哨在聊天里进行（/board、/claim、/whistle），双方都会收到通知。",
  },
  en: {
    title: "Board",
    open: "Open items",
    noOpen: "Nothing open right now.",
    units: "Resident units (this month)",
    noUnits: "No resident units registered yet.",
    list: "List",
    number: "No.",
    place: "Place",
    when: "When",
    quantity: "Quantity",
    text: "Text",
    poster: "Posted by",
    unit: "Unit",
    kind: "Kind",
    done: "Done",
    hours: "Hours",
    claimed: "Claimed",
    posted: "Posted",
    notFound: "No such place, or not in your area.",
    readOnly:
      "Claiming, confirming and calls happen in the chat (/board, /claim, /whistle), where both sides are told.",
  },
} as const;

const querySchema = z.object({
  place: z.preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional()),
});

export function registerAdminBoardRoutes(
  app: FastifyInstance,
  runtime: BotRuntime,
  context: ConsoleContext,
): void {
  const { deps } = runtime;

  app.get("/admin/board", async (request, reply) => {
    const a = await context.admin(request, reply);
    if (!a) return reply;
    const lang: ConsoleLang = context.langOf(request);
    const w = WORDS[lang];
    const query = querySchema.safeParse(request.query ?? {});
    const place = await deps.tickets.directory.getPlace(
      (query.success ? query.data.place : undefined) ?? a.grants[0]!.placeId,
    );
    if (!query.success || !place || !inScope(a, place.path))
      return context.send(reply, lang, w.title, html`<p class="late">${w.notFound}</p>`, 404);
    return context.send(reply, lang, w.title, await boardBody(runtime, a.person, place, lang));
  });
}

async function boardBody(runtime: BotRuntime, person: Person, scope: Place, lang: ConsoleLang) {
  const { deps } = runtime;
  const w = WORDS[lang];
  const words = catalogue(lang === "en" ? "en" : "zh-CN").board;
  const items = await browseItems(deps.board, person, {
    list: null,
    scopePath: scope.path,
    limit: OPEN_SHOWN,
  });
  const rows = [];
  for (const { item } of items) {
    const place = await deps.tickets.directory.getPlace(item.placeId);
    const unit = item.posterUnitId ? await deps.board.board.getUnit(item.posterUnitId) : null;
    const poster = unit?.name ?? (await deps.tickets.people.getPerson(item.posterId))?.name ?? item.posterId;
    rows.push(html`<tr><td>${formatItemNumber(item.number)}</td><td>${words.listName(item.list)}</td>
<td>${place?.name ?? item.placeId}</td><td class="wide">${item.whenText ?? ""}</td><td class="wide">${item.quantity ?? ""}</td>
<td>${item.text}</td><td>${poster}</td></tr>`);
  }
  const counted = await unitContributions(deps.board, scope.path, "month");
  const units = counted.rows.map(
    (r) => html`<tr><td>${r.unit.name}</td><td>${words.kindName(r.unit.kind)}</td><td>${r.done}</td>
<td>${r.hours}</td><td>${r.claimed}</td><td>${r.posted}</td></tr>`,
  );
  return html`<h1>${w.title} · ${scope.name}</h1><p>${w.readOnly}</p>
<section class="card"><h2>${w.open}</h2>${
    rows.length
      ? html`<table><tr><th>${w.number}</th><th>${w.list}</th><th>${w.place}</th><th class="wide">${w.when}</th>
<th class="wide">${w.quantity}</th><th>${w.text}</th><th>${w.poster}</th></tr>${rows}</table>`
      : html`<p>${w.noOpen}</p>`
  }</section>
<section class="card"><h2>${w.units} ${counted.label}</h2>${
    units.length
      ? html`<table><tr><th>${w.unit}</th><th>${w.kind}</th><th>${w.done}</th><th>${w.hours}</th>
<th>${w.claimed}</th><th>${w.posted}</th></tr>${units}</table>`
      : html`<p>${w.noUnits}</p>`
  }</section>`;
}
