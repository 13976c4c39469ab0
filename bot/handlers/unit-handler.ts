import type { UnitCall } from "../../core/board/board-ports";
import { boardAreas, loadBoardActor } from "../../core/board/board-sides";
import { mayRegisterUnitAt, registerUnit, unitContributions } from "../../core/board/resident-units";
import { answerCall, CALLER_ROLES, callStatus, callUnits, TICKET_NUMBER } from "../../core/board/unit-calls";
import type { Place } from "../../core/places/place";
import { pathAt } from "../../core/places/place";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { personName } from "../conversation/notice-renderer";
import { formatWhen } from "../messages/format";
import { parseUnitAdd } from "./board-parse";
import { boardButtons, resolveBoardPlace, tell } from "./board-render";
import { refuse } from "./points-context";

/** `/unit add 仁心大药房 商户 2栋 p-res-zhang`: an admin registers a unit of their area; the contact is told. */
export async function unitCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  const said = parseUnitAdd(args);
  if (!said) return reply(ctx, w.usage("unit"));
  const scopes = ctx
    .person!.grants.filter((g) => mayRegisterUnitAt(ctx.person!, g.placePath))
    .map((g) => g.placePath)
    .sort((a, b) => b.length - a.length);
  if (scopes.length === 0) return refuse(ctx, "UNIT.NOT_ALLOWED");
  const place = await resolveBoardPlace(ctx, said.placeHint, scopes);
  if (!place) {
    ctx.outcome = "unit_place_unknown";
    return reply(ctx, w.placeUnknown({ hint: said.placeHint }));
  }
  const result = await registerUnit(ctx.deps.board, ctx.person!, {
    name: said.name,
    kind: said.kind,
    placeId: place.id,
    contactId: said.contactId,
  });
  if (!result.ok) return refuse(ctx, result.code);
  const { unit, contact } = result.value;
  ctx.outcome = "unit_registered";
  reply(
    ctx,
    w.unitRegistered({ name: unit.name, kind: unit.kind, place: place.name, contact: contact.name }),
  );
  await tell(ctx, [contact.id], (words) => ({
    text: words.board.unitForContact({ name: unit.name, place: place.name }),
  }));
}

/** `/units [year]`: each unit's contribution in the asker's area (a group's: its community), this month or year. */
export async function unitsCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  const word = args[0]?.toLowerCase();
  if (word && !/^(year|今年|本年|month|本月)$/.test(word)) return reply(ctx, w.usage("units"));
  const period = word && /^(year|今年|本年)$/.test(word) ? "year" : "month";
  // The widest area the asker belongs to: a street admin's street, a unit's street, a resident's community.
  const areas = boardAreas(await loadBoardActor(ctx.deps.board, ctx.person!));
  const scopePath = ctx.binding
    ? pathAt(ctx.binding.place.path, "community")
    : [...areas].sort((a, b) => a.length - b.length)[0];
  const scope = scopePath ? await placeOfPath(ctx, scopePath) : null;
  if (!scope) return refuse(ctx, "BOARD.NOT_ALLOWED");
  const result = await unitContributions(ctx.deps.board, scope.path, period);
  ctx.outcome = "units_listed";
  if (result.rows.length === 0) return reply(ctx, w.noUnits({ scope: scope.name }));
  reply(
    ctx,
    w.contributions({
      scope: scope.name,
      period: result.label,
      lines: result.rows.map((r) => ({
        name: r.unit.name,
        kind: r.unit.kind,
        posted: r.posted,
        claimed: r.claimed,
        done: r.done,
        hours: r.hours,
      })),
    }),
  );
}

/** `/whistle 2026-000123 [note]` or `/whistle 暴雨，请各单位到岗`: 街道吹哨, each recipient gets "报到". */
export async function whistleCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  const parts = args.filter((a) => a.length > 0);
  if (parts.length === 0) return reply(ctx, w.usage("whistle"));
  const ticketNumber = TICKET_NUMBER.test(parts[0]!) ? parts.shift()! : null;
  const result = await callUnits(ctx.deps.board, ctx.person!, { ticketNumber, text: parts.join(" ") });
  if (!result.ok) return refuse(ctx, result.code);
  const { call, ticket, targets } = result.value;
  const place = ticket
    ? await ctx.deps.tickets.directory.getPlace(ticket.placeId)
    : await ctx.deps.tickets.directory.getPlace(call.placeId);
  const from = `${(await ctx.deps.tickets.directory.getPlace(call.placeId))?.name ?? ""} ${ctx.person!.name}`;
  const { sent, unreachable } = await tell(
    ctx,
    targets.flatMap((t) => t.personIds),
    (words) => ({
      text: words.board.callMessage({
        from,
        place: place?.name ?? "",
        ticket: ticket?.number ?? null,
        text: call.text,
      }),
      buttons: [[boardButtons.report(words.board.buttonReport(), call.id)]],
    }),
  );
  ctx.outcome = "unit_call_sent";
  reply(
    ctx,
    w.callSent({
      id: shortId(call),
      units: targets.filter((t) => t.kind === "unit").length,
      departments: targets.filter((t) => t.kind === "department").length,
      people: sent,
      unreachable,
    }),
  );
}

/** "报到" ("uc:<call id>"): counted once per person; the caller hears of each first answer. */
export async function handleCallButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = /^uc:([\w-]{1,60})$/.exec(data);
  if (!match || !ctx.person) return false;
  const result = await answerCall(ctx.deps.board, ctx.person, match[1]!);
  if (!result.ok) {
    refuse(ctx, result.code);
    return true;
  }
  const { call, target, already, answered, total } = result.value;
  ctx.outcome = already ? "unit_call_answered_again" : "unit_call_answered";
  reply(ctx, words(ctx).board.answered({ name: target.name, already, answered, total }));
  if (!already) {
    await tell(ctx, [call.authorId], (words) => ({
      text: words.board.answeredForCaller({ who: ctx.person!.name, name: target.name, answered, total }),
    }));
  }
  return true;
}

/** `/callstatus [number]`: who has reported for the latest (or a given) call of the asker's area. */
export async function callStatusCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  const wanted = args[0]?.trim();
  if (wanted && !/^[\w-]{1,60}$/.test(wanted)) return reply(ctx, w.usage("callstatus"));
  const call = await findCall(ctx, wanted);
  if (!call) return reply(ctx, w.noCall());
  const result = await callStatus(ctx.deps.board, ctx.person!, call.id);
  if (!result.ok) return refuse(ctx, result.code);
  const zone = ctx.deps.settings.timeZone;
  const lines = [];
  for (const t of result.value.targets) {
    const first = t.answers[0];
    lines.push({
      name: t.name,
      kind: t.kind,
      answeredBy: first
        ? `${(await personName(ctx.deps, first.personId)) ?? first.personId} ${formatWhen(first.at, ctx.locale, zone) ?? ""}`
        : null,
    });
  }
  ctx.outcome = "unit_call_status";
  reply(
    ctx,
    w.callStatus({
      id: shortId(call),
      text: call.text,
      when: formatWhen(call.createdAt, ctx.locale, zone) ?? "",
      answered: lines.filter((l) => l.answeredBy).length,
      total: lines.length,
      lines,
    }),
  );
}

/** Calls are shown by their id's first characters, as broadcasts are. */
const shortId = (call: UnitCall) => call.id.slice(0, 8);

/** By its short number among the calls of the asker's streets, else the latest of them. */
async function findCall(ctx: BotContext, wanted: string | undefined): Promise<UnitCall | null> {
  const scopes = ctx.person!.grants.filter((g) => CALLER_ROLES.includes(g.role)).map((g) => g.placePath);
  for (const scope of scopes) {
    const recent = await ctx.deps.board.board.recentCalls(scope, wanted ? 50 : 1);
    const found = wanted ? recent.find((c) => c.id.startsWith(wanted)) : recent[0];
    if (found) return found;
  }
  return wanted ? ctx.deps.board.board.getCall(wanted) : null;
}

async function placeOfPath(ctx: BotContext, path: string): Promise<Place | null> {
  const id = path.split("/").filter(Boolean).at(-1);
  return id ? ctx.deps.tickets.directory.getPlace(id) : null;
}
