import { personActor } from "../../core/people/person";
import { dispatchTicket, reassignTicket } from "../../core/tickets/manage-ticket";
import { type BotContext, reply, stateKey, words } from "../conversation/bot-context";
import { personName, renderNotices } from "../conversation/notice-renderer";
import { boardCommand, claimCommand, doneCommand, postCommand, withdrawCommand } from "./board-handler";
import { broadcastStatusCommand, publishCommand, unreachedCommand } from "./broadcast-handler";
import { deskCommand } from "./desk-handler";
import { showMyTickets, showScope, showTasks } from "./listing-handler";
import { handlePointsCommand } from "./points-router";
import { residentCommand, residentsCommand } from "./registry-handler";
import { scoresCommand, summaryCommand } from "./summary-handler";
import { callStatusCommand, unitCommand, unitsCommand, whistleCommand } from "./unit-handler";
import { warningsCommand } from "./warning-handler";
import { welfareCommand } from "./welfare-handler";

/** Slash commands: a short, exact way for staff (and anyone) to do what the buttons do. */
export async function handleCommand(ctx: BotContext, text: string): Promise<void> {
  const [rawCommand = "", ...args] = text.slice(1).split(/\s+/);
  const command = rawCommand.toLowerCase().replace(/@.*$/, ""); // Telegram adds @botname in groups
  const w = words(ctx);
  switch (command) {
    case "start":
    case "help":
      ctx.outcome = "help";
      return reply(ctx, w.help(true, true));
    case "mine":
    case "mytickets":
      return showMyTickets(ctx);
    case "tasks":
      return showTasks(ctx);
    case "open":
      return showScope(ctx, "open");
    case "overdue":
      return showScope(ctx, "overdue");
    case "cancel":
      await ctx.deps.states.clear(stateKey(ctx));
      ctx.outcome = "form_cancelled";
      return reply(ctx, "OK");
    case "lang": {
      const locale = args[0]?.startsWith("en") ? "en" : args[0]?.startsWith("zh") ? "zh-CN" : null;
      if (!locale) return reply(ctx, w.commandUsage("lang"));
      await ctx.deps.chats.setLocale(ctx.person!.id, locale);
      ctx.locale = locale;
      ctx.outcome = "language_set";
      return reply(ctx, words(ctx).languageSet());
    }
    case "summary":
      return summaryCommand(ctx, args);
    case "scores":
      return scoresCommand(ctx, args);
    case "reassign":
      return reassign(ctx, args);
    case "dispatch":
      return dispatch(ctx, args);
    case "resident":
      return residentCommand(ctx, args);
    case "residents":
      return residentsCommand(ctx, args);
    case "welfare":
      return welfareCommand(ctx, args);
    case "notice":
    case "alert":
    case "dutycall":
      return publishCommand(ctx, command, args);
    case "bcstatus":
      return broadcastStatusCommand(ctx, args);
    case "unreached":
      return unreachedCommand(ctx, args);
    case "desk":
      return deskCommand(ctx, args);
    case "warnings":
      return warningsCommand(ctx);
    case "post":
      return postCommand(ctx, args);
    case "board":
      return boardCommand(ctx, args);
    case "claim":
      return claimCommand(ctx, args);
    case "done":
      return doneCommand(ctx, args);
    case "withdraw":
      return withdrawCommand(ctx, args);
    case "unit":
      return unitCommand(ctx, args);
    case "units":
      return unitsCommand(ctx, args);
    case "whistle":
      return whistleCommand(ctx, args);
    case "callstatus":
      return callStatusCommand(ctx, args);
    default:
      if (await handlePointsCommand(ctx, command, args)) return;
      ctx.outcome = "unknown_command";
      return reply(ctx, w.unrecognised());
  }
}

async function reassign(ctx: BotContext, args: string[]): Promise<void> {
  const [number, assigneeId] = args;
  if (!number || !assigneeId) return reply(ctx, words(ctx).commandUsage("reassign"));
  const ticket = await ctx.deps.tickets.tickets.findByNumber(number);
  if (!ticket) return reply(ctx, words(ctx).errors["TICKET.NOT_FOUND"]);
  const result = await reassignTicket(ctx.deps.tickets, {
    ticketId: ticket.id,
    actor: personActor(ctx.person!),
    assigneeId,
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, words(ctx).errors[result.code]);
  }
  ctx.outcome = "reassigned";
  reply(ctx, words(ctx).reassigned({ number, to: (await personName(ctx.deps, assigneeId)) ?? assigneeId }));
  ctx.out.push(...(await renderNotices(ctx.deps, result.value.notices)));
}

async function dispatch(ctx: BotContext, args: string[]): Promise<void> {
  const [number, categoryCode, assigneeId] = args;
  if (!number || !categoryCode) return reply(ctx, words(ctx).commandUsage("dispatch"));
  const ticket = await ctx.deps.tickets.tickets.findByNumber(number);
  if (!ticket) return reply(ctx, words(ctx).errors["TICKET.NOT_FOUND"]);
  const result = await dispatchTicket(ctx.deps.tickets, {
    ticketId: ticket.id,
    actor: personActor(ctx.person!),
    categoryCode,
    ...(assigneeId ? { assigneeId } : {}),
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, words(ctx).errors[result.code]);
  }
  ctx.outcome = "dispatched";
  const to = (await personName(ctx.deps, result.value.ticket.assigneeId)) ?? "-";
  reply(ctx, words(ctx).dispatchedBy({ number, to }));
  ctx.out.push(...(await renderNotices(ctx.deps, result.value.notices)));
}
