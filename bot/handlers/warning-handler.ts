import { acknowledgeWarning, mayActOnWarning } from "../../core/warnings/acknowledge-warning";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { warningAckButton, warningText } from "../conversation/warning-notices";
import { caseList } from "../messages/warning-messages";

const OPEN_WITHIN_DAYS = 14;

/** "我来处理" on a warning: the presser takes it on (once); the note may follow. */
export async function handleWarningButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = /^wn:ack:(.+)$/.exec(data);
  if (!match || !ctx.person) return false;
  const result = await acknowledgeWarning(ctx.deps.warnings, ctx.person, match[1]!, null);
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    reply(ctx, words(ctx).errors[result.code]);
    return true;
  }
  ctx.outcome = "warning_acknowledged";
  reply(ctx, words(ctx).warnings.acknowledged({ by: ctx.person.name }));
  return true;
}

/** /warnings: the open warnings of the person's area (the last two weeks), each with its button. */
export async function warningsCommand(ctx: BotContext): Promise<void> {
  const person = ctx.person!;
  const w = words(ctx).warnings;
  const from = new Date(ctx.now.getTime() - OPEN_WITHIN_DAYS * 24 * 60 * 60_000);
  const seen = new Map<
    string,
    Awaited<ReturnType<typeof ctx.deps.warnings.warnings.raisedBetween>>[number]
  >();
  for (const grant of person.grants) {
    // Up to and including this instant.
    const until = new Date(ctx.now.getTime() + 1);
    for (const warning of await ctx.deps.warnings.warnings.raisedBetween(grant.placePath, from, until)) {
      if (!warning.acknowledgedAt && mayActOnWarning(person, warning)) seen.set(warning.id, warning);
    }
  }
  ctx.outcome = "warnings_listed";
  if (seen.size === 0) return reply(ctx, w.noOpen());
  const open = [...seen.values()].slice(0, 10);
  const lines: string[] = [];
  for (const [index, warning] of open.entries()) {
    const text = await warningText(ctx.deps, warning, ctx.locale);
    lines.push(
      `${index + 1}. ${text.place} · ${text.category} · ${w.ruleName(warning.rule)} · ${caseList(text.cases, ", ")}`,
    );
  }
  reply(
    ctx,
    w.openList({ lines }),
    open.map((warning, index) => [warningAckButton(`${index + 1}. ${w.buttonAcknowledge()}`, warning.id)]),
  );
}
