import { changeResident } from "../../core/registry/keep-registry";
import { formatAddress } from "../../core/registry/resident";
import { openTicket } from "../../core/tickets/open-ticket";
import { confidenceBand } from "../../core/understanding/understanding";
import { type BotContext, hasRole, reply, STAFF_ROLES, words } from "../conversation/bot-context";
import { renderNotices } from "../conversation/notice-renderer";
import { replyPersonal } from "./registry-handler";
import { resolveRegistryPlace } from "./registry-place";

/** "3栋201 王奶奶 楼道灯坏了三天" (a unit may come between: "3栋2单元201"). */
const DESK_REPORT = /^(\d+)(?:栋|号楼|幢|座)\s*(?:(\d+)单元)?\s*(\d+)室?\s+(\S+?)[\s:：,，]+(.+)$/s;

/**
 * 流动办公桌: a worker files a report for a resident met in person or by phone. The resident is
 * the reporter (registered, and given an account if they have none), so they hear of progress on
 * their own chat, or, without one, through the worker who filed it (see renderNotices).
 */
export async function deskCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx);
  const match = DESK_REPORT.exec(args.join(" ").trim());
  if (!match || !hasRole(ctx.person, ...STAFF_ROLES)) return reply(ctx, w.registry.usage("desk"));
  const [, buildingNo, unit = null, room, name, text] = match;
  const where = await resolveRegistryPlace(ctx, `${buildingNo}栋`);
  if (!where || where.place.level !== "building") {
    ctx.outcome = "desk_place_unknown";
    return reply(ctx, w.registry.placeUnknown({ hint: `${buildingNo}栋` }));
  }
  const registry = ctx.deps.registry.registry;
  let resident = await registry.findAt(where.place.id, unit, room!, name!);
  if (!resident) {
    // Met for the first time: registered with what is known (no consent recorded yet).
    const added = await changeResident(
      ctx.deps.registry,
      ctx.person!,
      {
        building: where.place,
        unit,
        room: room!,
        name: name!,
        tags: [],
        phone: null,
        birthYear: null,
        emergencyContactName: null,
        emergencyContactPhone: null,
        consent: false,
        moveOut: false,
      },
      "desk",
    );
    if (!added.ok) {
      ctx.outcome = `refused_${added.code}`;
      return reply(ctx, w.errors[added.code]);
    }
    resident = await registry.findAt(where.place.id, unit, room!, name!);
  }
  if (!resident) throw new Error(`desk: resident ${name} at ${where.place.id} not found after saving`);
  const reporterId = await registry.ensurePersonFor(resident.id, ctx.now);
  const categories = await ctx.deps.tickets.directory.listCategories();
  const understood = await ctx.deps.understanding.understand(text!, { locale: ctx.locale, categories });
  const sure =
    understood.category && confidenceBand(understood.categoryConfidence, ctx.deps.thresholds) === "act";
  const opened = await openTicket(ctx.deps.tickets, {
    reporterId,
    placeId: where.place.id,
    text: text!.trim(),
    categoryCode: sure ? understood.category : null,
    priority: understood.priority,
    sourceChannel: "desk",
    filedById: ctx.person!.id,
    sourceKey: `inbox:${ctx.inboxId}`,
  });
  if (!opened.ok) {
    ctx.outcome = `refused_${opened.code}`;
    return reply(ctx, w.errors[opened.code]);
  }
  ctx.outcome = "desk_filed";
  const { ticket, disposition } = opened.value;
  // The resident's name and flat are personal: said to the worker privately, never in a group.
  replyPersonal(
    ctx,
    w.registry.deskFiled({
      number: ticket.number,
      name: resident.name,
      address: formatAddress(where.place.name, resident.household.unit, resident.household.room),
      routed: disposition !== "triage",
    }),
  );
  ctx.out.push(...(await renderNotices(ctx.deps, opened.value.notices)));
}
