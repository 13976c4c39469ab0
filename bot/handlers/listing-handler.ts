import { ACTIVE_STATES, type Ticket } from "../../core/tickets/ticket";
import { currentDeadline } from "../../core/tickets/ticket-notice";
import {
  ADMIN_ROLES,
  type BotContext,
  hasRole,
  reply,
  replyPrivately,
  STAFF_ROLES,
  words,
} from "../conversation/bot-context";
import { categoryName, personName } from "../conversation/notice-renderer";
import { formatWhen } from "../messages/format";

async function lines(ctx: BotContext, tickets: readonly Ticket[], showHandler: boolean): Promise<string[]> {
  const w = words(ctx);
  const out: string[] = [];
  for (const ticket of tickets) {
    const deadline = ACTIVE_STATES.includes(ticket.state) ? currentDeadline(ticket) : null;
    out.push(
      w.ticketLine({
        number: ticket.number,
        category: await categoryName(ctx.deps, ticket.categoryCode, ctx.locale),
        state: w.stateName[ticket.state],
        handler: showHandler ? await personName(ctx.deps, ticket.assigneeId) : null,
        deadline: formatWhen(deadline, ctx.locale, ctx.deps.settings.timeZone),
        overdue: deadline !== null && deadline < ctx.now,
      }),
    );
  }
  return out;
}

/** "我的报事": the person's own reports, privately (their cases are nobody else's business). */
export async function showMyTickets(ctx: BotContext): Promise<void> {
  const mine = await ctx.deps.tickets.tickets.list({ reporterId: ctx.person!.id, limit: 8 });
  const shown = mine.filter((t) => t.state !== "merged");
  ctx.outcome = "listed_my_tickets";
  if (shown.length === 0 && mine.length === 0) return replyPrivately(ctx, words(ctx).noTickets());
  const merged = mine.filter((t) => t.state === "merged" && t.mergedIntoId);
  const followed = await Promise.all(merged.map((t) => ctx.deps.tickets.tickets.findById(t.mergedIntoId!)));
  const all = [...shown, ...followed.filter((t): t is Ticket => t !== null)];
  replyPrivately(ctx, [words(ctx).myTicketsHeader(all.length), ...(await lines(ctx, all, true))].join("\n"));
}

/** "我的任务": a handler's open cases with their deadlines. */
export async function showTasks(ctx: BotContext): Promise<void> {
  if (!hasRole(ctx.person, ...STAFF_ROLES)) {
    ctx.outcome = "refused_staff_only";
    return reply(ctx, words(ctx).onlyForStaff());
  }
  const open = await ctx.deps.tickets.tickets.list({
    assigneeId: ctx.person!.id,
    states: ACTIVE_STATES,
    limit: 20,
  });
  ctx.outcome = "listed_tasks";
  if (open.length === 0) return replyPrivately(ctx, words(ctx).noTasks());
  replyPrivately(ctx, [words(ctx).tasksHeader(open.length), ...(await lines(ctx, open, false))].join("\n"));
}

/** An admin's open (or overdue) cases in their scope, longest-waiting first. */
export async function showScope(ctx: BotContext, which: "open" | "overdue"): Promise<void> {
  if (!hasRole(ctx.person, ...ADMIN_ROLES)) {
    ctx.outcome = "refused_admin_only";
    return reply(ctx, words(ctx).onlyForAdmins());
  }
  const grants = ctx.person!.grants.filter((g) => ADMIN_ROLES.includes(g.role));
  const output: string[] = [];
  for (const grant of grants) {
    const open = await ctx.deps.tickets.tickets.list({
      withinPath: grant.placePath,
      states: ACTIVE_STATES,
      limit: 500,
    });
    const overdue = open.filter((t) => {
      const deadline = currentDeadline(t);
      return deadline !== null && deadline < ctx.now;
    });
    const place = await ctx.deps.tickets.directory.getPlace(grant.placeId);
    output.push(
      words(ctx).scopeHeader({
        scope: place?.name ?? grant.placeId,
        open: open.length,
        overdue: overdue.length,
      }),
    );
    const listed = (which === "overdue" ? overdue : open).sort(
      (a, b) => a.createdAt.getTime() - b.createdAt.getTime(),
    );
    output.push(...(await lines(ctx, listed.slice(0, 10), true)));
  }
  ctx.outcome = `listed_${which}`;
  replyPrivately(ctx, output.join("\n"));
}
