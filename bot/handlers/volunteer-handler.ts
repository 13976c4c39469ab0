import { z } from "zod";
import {
  type Attendance,
  checkInWithCode,
  checkInWithLocation,
  confirmAttendance,
} from "../../core/points/activity-attendance";
import {
  publishActivity,
  signUpForActivity,
  upcomingActivities,
} from "../../core/points/volunteer-activities";
import { instantOf } from "../../core/shared/zoned-time";
import {
  ADMIN_ROLES,
  type BotContext,
  hasRole,
  reply,
  replyPrivately,
  words,
} from "../conversation/bot-context";
import { messagePerson } from "../conversation/points-notices";
import { pointsButtons } from "./points-buttons";
import { communityFor, formatSpan, refuse } from "./points-context";

/** `/activities`: what is coming up in the community, each with a sign-up button. */
export async function showActivities(ctx: BotContext): Promise<void> {
  const community = await communityFor(ctx);
  if (!community) return refuse(ctx, "POINTS.NO_COMMUNITY");
  const w = words(ctx).points;
  const coming = await upcomingActivities(ctx.deps.points, community, 8);
  ctx.outcome = "points_activities";
  if (coming.length === 0) return reply(ctx, w.noActivities());
  const lines = coming.map((a) =>
    w.activityLine({
      title: a.title,
      when: formatSpan(ctx, a.startsAt, a.endsAt),
      left: Math.max(0, a.capacity - a.signedUp),
      pay: w.pay({ perHour: a.pointsPerHour, flat: a.pointsFlat }),
    }),
  );
  reply(
    ctx,
    [w.activitiesHeader(), ...lines].join("\n"),
    coming.map((a) => [pointsButtons.signup(w.buttonSignUp({ title: a.title }), a.id)]),
  );
}

export async function signUpByButton(ctx: BotContext, activityId: string): Promise<void> {
  const result = await signUpForActivity(ctx.deps.points, { personId: ctx.person!.id, activityId });
  if (!result.ok) return refuse(ctx, result.code);
  const { activity, already } = result.value;
  const w = words(ctx).points;
  const p = { title: activity.title, when: formatSpan(ctx, activity.startsAt, activity.endsAt) };
  ctx.outcome = already ? "points_already_signed_up" : "points_signed_up";
  replyPrivately(ctx, already ? w.alreadySignedUp(p) : w.signedUp(p));
}

const CHECKIN =
  /(签到|签退|打卡|check\s*-?\s*in|check\s*-?\s*out|sign\s*-?\s*in|sign\s*-?\s*out)\s*[:：]?\s*([^\s，,。.!！?？]*)/i;

/** "签到 绿化123" → in, "绿化123"; "签退" alone → out with no code word. */
export function parseCheckin(text: string): { action: "in" | "out"; code: string | null } {
  const match = CHECKIN.exec(text);
  const action = /签退|check\s*-?\s*out|sign\s*-?\s*out/i.test(text) ? "out" : "in";
  const code = match?.[2] ?? "";
  return { action, code: code.length >= 2 ? code : null };
}

function answer(ctx: BotContext, done: Attendance): void {
  const w = words(ctx).points;
  ctx.outcome = done.action === "in" ? "points_checked_in" : "points_checked_out";
  if (done.action === "in") reply(ctx, w.checkedIn({ title: done.activity.title }));
  else
    replyPrivately(
      ctx,
      w.checkedOut({ title: done.activity.title, points: done.points ?? 0, balance: done.balance }),
    );
}

/** Intent `checkin` (and /checkin, /checkout): the code word picks the activity. */
export async function checkInByText(ctx: BotContext, text: string, forced?: "in" | "out"): Promise<void> {
  const parsed = parseCheckin(text);
  const code = forced ? (text.trim().split(/\s+/)[0] ?? "") : parsed.code;
  if (!code) {
    ctx.outcome = "points_checkin_how";
    return reply(ctx, words(ctx).points.checkinHow());
  }
  const result = await checkInWithCode(ctx.deps.points, {
    personId: ctx.person!.id,
    action: forced ?? parsed.action,
    code,
  });
  if (!result.ok) return refuse(ctx, result.code);
  answer(ctx, result.value);
}

/**
 * A location pin with no words: a check-in (or out) when one of the person's activities with a
 * place is on now. False when none is, so the pin goes on to the report form as before.
 */
export async function checkInByPin(ctx: BotContext): Promise<boolean> {
  const location = ctx.message.location;
  if (!location) return false;
  const result = await checkInWithLocation(ctx.deps.points, { personId: ctx.person!.id, ...location });
  if (!result.ok && result.code === "POINTS.NO_OPEN_ACTIVITY") return false;
  if (!result.ok) refuse(ctx, result.code);
  else answer(ctx, result.value);
  return true;
}

const publishArgs = z.object({
  code: z.string().min(2).max(32),
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  span: z.string().regex(/^\d{1,2}:\d{2}-\d{1,2}:\d{2}$/),
  capacity: z.coerce.number().int().min(1).max(10_000),
  pay: z.string().regex(/^\d{1,6}(\/h|\/小时)?$/i),
  title: z.string().trim().min(1).max(100),
});

/** `/publish 绿化123 2026-12-05 09:00-11:00 10 10/h 小区绿化养护 [@30.27,120.15,200]` — admins. */
export async function publishByCommand(ctx: BotContext, args: readonly string[]): Promise<void> {
  const w = words(ctx).points;
  if (!hasRole(ctx.person, ...ADMIN_ROLES)) {
    ctx.outcome = "refused_admin_only";
    return reply(ctx, words(ctx).onlyForAdmins());
  }
  const pin = args.map((a) => /^@(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)(?:,(\d+))?$/.exec(a)).find(Boolean);
  const rest = args.filter((a) => !a.startsWith("@"));
  const parsed = publishArgs.safeParse({
    code: rest[0],
    date: rest[1],
    span: rest[2],
    capacity: rest[3],
    pay: rest[4],
    title: rest.slice(5).join(" "),
  });
  if (!parsed.success) return reply(ctx, w.usage("publish"));
  const a = parsed.data;
  const [year, month, day] = a.date.split("-").map(Number) as [number, number, number];
  const [h1, m1, h2, m2] = a.span.split(/[-:]/).map(Number) as [number, number, number, number];
  const zone = ctx.deps.settings.timeZone;
  const amount = Number.parseInt(a.pay, 10);
  const place =
    ctx.binding?.place.id ?? ctx.person!.grants.find((g) => ADMIN_ROLES.includes(g.role))!.placeId;
  const result = await publishActivity(ctx.deps.points, {
    actor: ctx.person!,
    placeId: place,
    title: a.title,
    startsAt: instantOf({ year, month, day, hour: h1, minute: m1 }, zone),
    endsAt: instantOf({ year, month, day, hour: h2, minute: m2 }, zone),
    capacity: a.capacity,
    ...(a.pay.includes("/") ? { pointsPerHour: amount } : { pointsFlat: amount }),
    checkinCode: a.code,
    ...(pin ? { latitude: Number(pin[1]), longitude: Number(pin[2]) } : {}),
    ...(pin?.[3] ? { radiusMetres: Number(pin[3]) } : {}),
  });
  if (!result.ok) return refuse(ctx, result.code);
  const activity = result.value;
  ctx.outcome = "points_activity_published";
  reply(
    ctx,
    w.published({
      title: activity.title,
      when: formatSpan(ctx, activity.startsAt, activity.endsAt),
      id: activity.id,
      code: activity.checkinCode,
      capacity: activity.capacity,
    }),
  );
}

const attendedArgs = z.tuple([z.string().min(1).max(64), z.string().min(1).max(64)]);

/** `/attended <activity id> <person id>`: the organiser vouches; the points are granted. */
export async function attendedByCommand(ctx: BotContext, args: readonly string[]): Promise<void> {
  const w = words(ctx).points;
  const parsed = attendedArgs.safeParse(args);
  if (!parsed.success) return reply(ctx, w.usage("attended"));
  const [activityId, personId] = parsed.data;
  const result = await confirmAttendance(ctx.deps.points, { actor: ctx.person!, activityId, personId });
  if (!result.ok) return refuse(ctx, result.code);
  const { activity, points, balance } = result.value;
  const person = await ctx.deps.tickets.people.getPerson(personId);
  ctx.outcome = "points_attendance_confirmed";
  reply(
    ctx,
    w.attendanceConfirmed({ name: person?.name ?? personId, title: activity.title, points: points ?? 0 }),
  );
  const told = await messagePerson(ctx.deps, personId, (words) =>
    words.points.checkedOut({ title: activity.title, points: points ?? 0, balance }),
  );
  if (told) ctx.out.push(told);
}
