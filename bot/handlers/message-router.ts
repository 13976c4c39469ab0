import { type BotContext, hasRole, reply, STAFF_ROLES, stateKey, words } from "../conversation/bot-context";
import type { Middleware } from "../conversation/middleware";
import { handleBoardButton } from "./board-handler";
import { continueBookingForm, handleBookingButton, showBookings, startBooking } from "./booking-handler";
import { handleBroadcastButton } from "./broadcast-handler";
import { handleCommand } from "./command-handler";
import { showMyTickets, showTasks } from "./listing-handler";
import { handlePointsButton, handlePointsIntent } from "./points-router";
import { handleRegistryText } from "./registry-handler";
import { continueReportForm, handleReportButton, startReport } from "./report-handler";
import { showSummary } from "./summary-handler";
import {
  continueTicketForm,
  handleTicketButton,
  resolveByReply,
  showCasesToClose,
} from "./ticket-actions-handler";
import { handleCallButton } from "./unit-handler";
import { handleVoice } from "./voice-handler";
import { continueVoiceForm, handleVoiceButton } from "./voice-triage-handler";
import { checkInByPin } from "./volunteer-handler";
import { handleWarningButton } from "./warning-handler";
import { answerWelfareCheck, linkWelfareByCode } from "./welfare-handler";

/**
 * A voice note first (refused, or its words routed like text); any message of a person asked
 * for today's welfare check counts as their answer; then buttons, a form in progress, a reply to a
 * case, commands, a welfare link code, the registry (staff), and last understanding.
 */
export const routeMessage: Middleware = async (ctx) => {
  if (ctx.voice) return handleVoice(ctx, routeMessage);
  if (await answerWelfareCheck(ctx)) return;
  const { button, text, replyToMessageId } = ctx.message;
  if (button) {
    if (await handleBroadcastButton(ctx, button)) return;
    if (await handleWarningButton(ctx, button)) return;
    if (await handleTicketButton(ctx, button)) return;
    if (await handleVoiceButton(ctx, button)) return;
    if (await handleBookingButton(ctx, button)) return;
    if (await handleReportButton(ctx, button)) return;
    if (await handlePointsButton(ctx, button)) return;
    if (await handleBoardButton(ctx, button)) return;
    if (await handleCallButton(ctx, button)) return;
    ctx.outcome = "unknown_button";
    return reply(ctx, words(ctx).unrecognised());
  }
  const form = await ctx.deps.states.get(stateKey(ctx), ctx.now);
  ctx.formWasOpen = form !== null;
  if (form) {
    if (await continueTicketForm(ctx, form)) return;
    if (await continueVoiceForm(ctx, form)) return;
    if (await continueBookingForm(ctx, form)) return;
    if (await continueReportForm(ctx, form)) return;
  }
  if (replyToMessageId && (await resolveByReply(ctx, replyToMessageId))) return;
  if (text?.trim().startsWith("/")) return handleCommand(ctx, text.trim());
  if (text && (await linkWelfareByCode(ctx, text))) return;
  if (text && (await handleRegistryText(ctx, text.trim()))) return;
  return understandAndAct(ctx);
};

async function understandAndAct(ctx: BotContext): Promise<void> {
  const text = ctx.message.text?.trim() ?? "";
  // A bare location pin checks in to an activity that is on now; otherwise it starts a report.
  if (!text) return (await checkInByPin(ctx)) ? undefined : startReport(ctx, null);
  const categories = await ctx.deps.tickets.directory.listCategories();
  const understood = await ctx.deps.understanding.understand(text, { locale: ctx.locale, categories });
  ctx.deps.logger.info(
    {
      inboxId: ctx.inboxId,
      intent: understood.intent,
      intentConfidence: round(understood.intentConfidence),
      category: understood.category,
      categoryConfidence: round(understood.categoryConfidence),
      priority: understood.priority,
      source: understood.source,
    },
    "understood",
  );
  const isStaff = hasRole(ctx.person, ...STAFF_ROLES);
  switch (understood.intent) {
    case "report":
      return startReport(ctx, understood);
    case "ticket_status":
      return isStaff && /任务|待办|task|todo/i.test(text) ? showTasks(ctx) : showMyTickets(ctx);
    case "close_case":
      return isStaff ? showCasesToClose(ctx) : showMyTickets(ctx);
    case "summary":
      return showSummary(ctx, text);
    case "help":
      ctx.outcome = "help";
      return reply(
        ctx,
        words(ctx).help(isStaff, hasRole(ctx.person, "community_admin", "street_admin", "district_admin")),
      );
    case "booking_create":
      return startBooking(ctx, text);
    case "booking_query":
      return showBookings(ctx, text);
    case "points_balance":
    case "points_redeem":
    case "checkin":
      return handlePointsIntent(ctx, understood.intent, text);
    case "chitchat":
      ctx.outcome = "chitchat";
      return reply(ctx, words(ctx).chitchat());
    default:
      // Points, check-in and bookings come with their own issue; until then, say what the bot can do.
      ctx.outcome = `unsupported_${understood.intent}`;
      return reply(ctx, words(ctx).unrecognised());
  }
}

const round = (n: number) => Math.round(n * 1000) / 1000;
