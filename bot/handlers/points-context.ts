import { ancestorIdAt } from "../../core/places/place";
import { communityOf } from "../../core/points/points-permissions";
import type { ErrorCode } from "../../core/shared/error-codes";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { formatWhen } from "../messages/format";

/** The community a message is about: the group chat's, else the person's own. */
export async function communityFor(ctx: BotContext): Promise<string | null> {
  const fromChat = ctx.binding ? ancestorIdAt(ctx.binding.place.path, "community") : null;
  return fromChat ?? (ctx.person ? communityOf(ctx.deps.points, ctx.person) : null);
}

export function refuse(ctx: BotContext, code: ErrorCode): void {
  ctx.outcome = `refused_${code}`;
  reply(ctx, words(ctx).errors[code]);
}

/** "12月1日 09:00–11:00" in the deployment's zone (the end's date when it differs). */
export function formatSpan(ctx: BotContext, from: Date, to: Date): string {
  const zone = ctx.deps.settings.timeZone;
  const start = formatWhen(from, ctx.locale, zone) ?? "";
  const end = formatWhen(to, ctx.locale, zone) ?? "";
  const day = (text: string) => text.replace(/\s*\d{2}:\d{2}$/, "");
  return day(start) === day(end) ? `${start}–${end.slice(-5)}` : `${start}–${end}`;
}
