import { formatAddress } from "../../core/registry/resident";
import { answerCheckIns, enrolCheckIn, linkCheckIn } from "../../core/welfare/welfare-checks";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { privateTarget } from "../conversation/private-chat";
import { catalogue } from "../messages/format";
import { replyPersonal } from "./registry-handler";
import { resolveRegistryPlace } from "./registry-place";

/** The daily check-in's button. */
export const WELFARE_OK_BUTTON = "w:ok";
/** A link code as given out: six characters of the unambiguous alphabet, maybe after "报平安". */
const LINK_CODE = /^(?:报平安|绑定|平安码|code)?\s*([23456789ABCDEFGHJKMNPQRSTUVWXYZ]{6})$/i;
/** "3栋201" / "5号楼2单元302" then a name. */
const ADDRESS_AND_NAME = /^(\d+)(?:栋|号楼|幢|座)\s*(?:(\d+)单元)?\s*(\d+)室?\s+(\S+)/;
/** A reply that is only a check-in ("好", "平安", "ok", 👍): answered with thanks, nothing else done. */
const JUST_FINE = /^(?:好|很好|挺好|平安|在|在的|没事|还好|ok|okay|fine|yes|收到|👍|🙏|😊|\s)+[!！。.]?$/i;

export function welfareTimeText(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, "0")}:${String(minute % 60).padStart(2, "0")}`;
}

/**
 * Any message from a person who answers a welfare check counts as today's check-in. A plain
 * "I'm fine" (or the button) is answered and done; anything else goes on to be handled as usual.
 * A late answer to a check that already opened a case tells the case's worker.
 */
export async function answerWelfareCheck(ctx: BotContext): Promise<boolean> {
  if (!ctx.person) return false;
  const button = ctx.message.button === WELFARE_OK_BUTTON;
  const answered = await answerCheckIns(ctx.deps.welfare, ctx.person.id, ctx.now);
  for (const check of answered.filter((c) => c.ticketId)) {
    const ticket = await ctx.deps.tickets.tickets.findById(check.ticketId!);
    const enrollment = await ctx.deps.welfare.welfare.getEnrollment(check.enrollmentId);
    const resident = enrollment ? await ctx.deps.registry.registry.getResident(enrollment.residentId) : null;
    const worker = ticket?.assigneeId ? await privateTarget(ctx.deps, ticket.assigneeId) : null;
    if (ticket && worker) {
      ctx.out.push({
        channel: worker.channel,
        chatId: worker.chatId,
        ticketId: ticket.id,
        text: catalogue(worker.locale).registry.welfareAnsweredLate({
          name: resident?.name ?? "",
          number: ticket.number,
        }),
      });
    }
  }
  if (button || (answered.length > 0 && JUST_FINE.test(ctx.message.text?.trim() ?? ""))) {
    ctx.outcome = answered.length > 0 ? "welfare_answered" : "welfare_nothing_open";
    reply(ctx, words(ctx).registry.welfareThanks());
    return true;
  }
  if (answered.length > 0)
    ctx.deps.logger.info({ inboxId: ctx.inboxId, checks: answered.length }, "welfare check answered");
  return false;
}

/** A six-character code sent privately links the sender to a resident's daily check-in. */
export async function linkWelfareByCode(ctx: BotContext, text: string): Promise<boolean> {
  if (!ctx.person || ctx.message.chatType === "group") return false;
  const match = LINK_CODE.exec(text.trim());
  if (!match) return false;
  const result = await linkCheckIn(ctx.deps.welfare, ctx.person.id, match[1]!);
  // Not a code we gave out: let the words be understood as anything else.
  if (!result.ok) return false;
  const { enrollment, resident } = result.value;
  const self = resident.personId === ctx.person.id || resident.personId === null;
  if (resident.personId === null && ctx.person.name === resident.name) {
    await ctx.deps.registry.registry.linkPerson(resident.id, ctx.person.id);
  }
  ctx.outcome = "welfare_linked";
  reply(
    ctx,
    words(ctx).registry.welfareLinked({
      name: resident.name,
      time: welfareTimeText(enrollment.checkMinute),
      self: self && ctx.person.name === resident.name,
    }),
  );
  return true;
}

/** /welfare 3栋201 王奶奶 08:30 [grace minutes] · /welfare stop 3栋201 王奶奶 */
export async function welfareCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx);
  const stop = args[0] === "stop" || args[0] === "停止";
  const text = (stop ? args.slice(1) : args).join(" ");
  const match = ADDRESS_AND_NAME.exec(text);
  if (!match) return reply(ctx, w.registry.usage("welfare"));
  const [, buildingNo, unit = null, room, name] = match;
  const where = await resolveRegistryPlace(ctx, `${buildingNo}栋`);
  if (!where) return replyPersonal(ctx, w.registry.placeUnknown({ hint: `${buildingNo}栋` }));
  const resident = await ctx.deps.registry.registry.findAt(where.place.id, unit, room!, name!);
  if (!resident) {
    ctx.outcome = "refused_REGISTRY.NOT_FOUND";
    return replyPersonal(ctx, w.errors["REGISTRY.NOT_FOUND"]);
  }
  if (stop) {
    await ctx.deps.welfare.welfare.stop(resident.id);
    ctx.outcome = "welfare_stopped";
    return replyPersonal(ctx, w.registry.welfareStopped({ name: resident.name }));
  }
  const time = /(\d{1,2})[:：](\d{2})/.exec(text);
  const grace = /(?:\d{1,2}[:：]\d{2})\s+(\d{2,3})\b/.exec(text);
  const checkMinute = time ? Number(time[1]) * 60 + Number(time[2]) : 9 * 60;
  const graceMinutes = grace ? Number(grace[1]) : 120;
  if (checkMinute >= 24 * 60 || graceMinutes < 15 || graceMinutes > 720)
    return reply(ctx, w.registry.usage("welfare"));
  const result = await enrolCheckIn(ctx.deps.welfare, ctx.person!, {
    residentId: resident.id,
    checkMinute,
    graceMinutes,
  });
  if (!result.ok) {
    ctx.outcome = `refused_${result.code}`;
    return replyPersonal(ctx, w.errors[result.code]);
  }
  ctx.outcome = "welfare_enrolled";
  replyPersonal(
    ctx,
    w.registry.welfareEnrolled({
      name: resident.name,
      address: formatAddress(where.place.name, resident.household.unit, resident.household.room),
      time: welfareTimeText(checkMinute),
      grace: graceMinutes,
      code: result.value.enrollment.linkCode ?? "",
    }),
  );
}
