import { firstFreeSlot, freeWindows, nearestAlternatives, type Slot } from "../../core/bookings/availability";
import { bookResource, cancelBooking, moveBooking } from "../../core/bookings/book-resource";
import type { BookableResource, ServiceCentre } from "../../core/bookings/booking";
import { formatMinute, localDateIn } from "../../core/bookings/calendar";
import { type ParsedWhen, parseWhen } from "../../core/bookings/parse-when";
import type { Locale } from "../../core/people/person";
import { words as allWords, type BotContext, reply, stateKey } from "../conversation/bot-context";
import { formatDay, formatSpan, peopleIn, resourceName, resourceNamedIn } from "./booking-format";

const FORM_MINUTES = 30;
const PART_OF_DAY = {
  morning: { from: 8 * 60, to: 12 * 60 },
  noon: { from: 11 * 60 + 30, to: 13 * 60 + 30 },
  afternoon: { from: 13 * 60 + 30, to: 18 * 60 },
  evening: { from: 18 * 60, to: 21 * 60 + 30 },
} as const;

/** A booking being put together, kept in the form state between messages. */
interface BookingDraft {
  resourceId: string | null;
  people: number | null;
  /** A proposal waiting for 确认, or alternatives offered after a clash (ISO instants). */
  offers: { resourceId: string; start: string; end: string }[];
  /** Set when moving an existing booking rather than making a new one. */
  moving: string | null;
  /** The language the request was made in: the buttons' answers keep it. */
  locale?: Locale;
}

const words = (ctx: BotContext) => allWords(ctx).bookings;
const zone = (ctx: BotContext) => ctx.deps.bookings.timeZone;

async function saveDraft(ctx: BotContext, form: string, draft: BookingDraft): Promise<void> {
  await ctx.deps.states.set(
    stateKey(ctx),
    { form, draft: { ...draft, locale: ctx.locale } },
    new Date(ctx.now.getTime() + FORM_MINUTES * 60_000),
  );
}

/** The centre serving the person: the group's place, else their home. */
async function centreOf(ctx: BotContext): Promise<ServiceCentre | null> {
  const home = await ctx.deps.chats.homeOf(ctx.person!.id);
  const path = ctx.binding?.place.path ?? home?.path;
  return path ? ctx.deps.bookings.bookings.centreFor(path) : null;
}

/** "订周三晚上7点到9点的会议室": find the room and the time, then propose (or ask for what is missing). */
export async function startBooking(ctx: BotContext, text: string): Promise<void> {
  const centre = await centreOf(ctx);
  if (!centre) {
    ctx.outcome = "booking_no_centre";
    return reply(ctx, words(ctx).noCentre());
  }
  const resources = await ctx.deps.bookings.bookings.resourcesOf(centre.id);
  const resource = resourceNamedIn(text, resources);
  const draft: BookingDraft = {
    resourceId: resource?.id ?? null,
    people: peopleIn(text),
    offers: [],
    moving: null,
  };
  const when = parseWhen(text, { now: ctx.now, timeZone: zone(ctx) });
  if (!resource) {
    await saveDraft(ctx, "booking_resource", draft);
    ctx.outcome = "booking_asked_resource";
    const rows = [];
    for (let i = 0; i < resources.length; i += 3) {
      rows.push(
        resources.slice(i, i + 3).map((r) => ({ label: resourceName(r, ctx.locale), data: `bk:r:${r.id}` })),
      );
    }
    // Remember the time asked for, so choosing the room finishes the request.
    if (when)
      await ctx.deps.states.set(
        `${stateKey(ctx)}:when`,
        { text },
        new Date(ctx.now.getTime() + FORM_MINUTES * 60_000),
      );
    return reply(ctx, words(ctx).whichResource(), rows);
  }
  return proposeFor(ctx, resource, when, draft);
}

async function proposeFor(
  ctx: BotContext,
  resource: BookableResource,
  when: ParsedWhen | null,
  draft: BookingDraft,
): Promise<void> {
  const name = resourceName(resource, ctx.locale);
  if (!when) {
    await saveDraft(ctx, "booking_when", { ...draft, resourceId: resource.id });
    ctx.outcome = "booking_asked_when";
    return reply(ctx, words(ctx).askWhen({ resource: name }));
  }
  const defaultMinutes = resource.kind === "service" ? resource.rules.slotMinutes : 60;
  let slot: Slot | null = null;
  if (when.start && when.end) slot = { resource, start: when.start, end: when.end };
  else if (when.start)
    slot = { resource, start: when.start, end: new Date(when.start.getTime() + defaultMinutes * 60_000) };
  else {
    const window = when.partOfDay ? PART_OF_DAY[when.partOfDay] : { from: 0, to: 1440 };
    slot = await firstFreeSlot(ctx.deps.bookings, resource, when.date, window, defaultMinutes);
    if (!slot) {
      ctx.outcome = "booking_no_free_slot";
      return reply(ctx, words(ctx).noFreeSlot({ resource: name, day: formatDay(when.date, ctx.locale) }));
    }
  }
  const clash = await ctx.deps.bookings.bookings.listForResource(resource.id, slot.start, slot.end);
  if (clash.length > 0) return offerAlternatives(ctx, slot, draft);
  const centre = await ctx.deps.bookings.bookings.getCentre(resource.centreId);
  await saveDraft(ctx, "booking_confirm", { ...draft, resourceId: resource.id, offers: [offer(slot)] });
  ctx.outcome = "booking_proposed";
  reply(ctx, words(ctx).propose({ resource: name, centre: centre?.name ?? "", when: span(ctx, slot) }), [
    [
      { label: words(ctx).buttonConfirm(), data: "bk:ok:0" },
      { label: words(ctx).buttonOtherTime(), data: "bk:no" },
    ],
  ]);
}

async function offerAlternatives(ctx: BotContext, wanted: Slot, draft: BookingDraft): Promise<void> {
  const candidates = await ctx.deps.bookings.bookings.resourcesOf(wanted.resource.centreId);
  const usable = candidates.filter((r) => !draft.people || r.capacity >= draft.people);
  const found = await nearestAlternatives(ctx.deps.bookings, wanted, usable, 3);
  ctx.outcome = "booking_slot_taken";
  const taken = words(ctx).taken({
    resource: resourceName(wanted.resource, ctx.locale),
    when: span(ctx, wanted),
  });
  if (found.length === 0) return reply(ctx, `${taken}\n${words(ctx).noAlternatives()}`);
  await saveDraft(ctx, "booking_confirm", { ...draft, offers: found.map(offer) });
  const buttons = found.map((slot, i) => [
    { label: `${resourceName(slot.resource, ctx.locale)} ${span(ctx, slot)}`, data: `bk:ok:${i}` },
  ]);
  reply(ctx, `${taken}\n${words(ctx).alternatives()}`, buttons);
}

/** bk:r:<resource> (which room), bk:ok:<n> (book offer n), bk:no, bk:x:<booking> (cancel), bk:m:<booking> (move). */
export async function handleBookingButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = /^bk:(r|ok|no|x|m)(?::(.+))?$/.exec(data);
  if (!match) return false;
  const [, action, value] = match as unknown as [string, string, string | undefined];
  const form = await ctx.deps.states.get(stateKey(ctx), ctx.now);
  const draft = form?.draft as BookingDraft | undefined;
  if (draft?.locale) ctx.locale = draft.locale;
  const repo = ctx.deps.bookings.bookings;
  if (action === "r" && value) {
    const resource = await repo.getResource(value);
    if (!resource) return false;
    const remembered = await ctx.deps.states.get(`${stateKey(ctx)}:when`, ctx.now);
    const when =
      typeof remembered?.text === "string"
        ? parseWhen(remembered.text, { now: ctx.now, timeZone: zone(ctx) })
        : null;
    await proposeFor(ctx, resource, when, {
      resourceId: resource.id,
      people: draft?.people ?? null,
      offers: [],
      moving: null,
    });
    return true;
  }
  if (action === "no") {
    await ctx.deps.states.clear(stateKey(ctx));
    ctx.outcome = "booking_dismissed";
    reply(ctx, words(ctx).dismissed());
    return true;
  }
  if (action === "ok") {
    const chosen = draft?.offers[Number(value)];
    if (!draft || !chosen) return false;
    await confirmOffer(ctx, draft, chosen);
    return true;
  }
  if (action === "x" && value) {
    const result = await cancelBooking(ctx.deps.bookings, { bookingId: value, person: ctx.person! });
    if (!result.ok) {
      ctx.outcome = `refused_${result.code}`;
      reply(ctx, allWords(ctx).errors[result.code]);
      return true;
    }
    const resource = await repo.getResource(result.value.resourceId);
    ctx.outcome = "booking_cancelled";
    reply(
      ctx,
      words(ctx).cancelled({
        resource: resource ? resourceName(resource, ctx.locale) : "",
        when: formatSpan(result.value.start, result.value.end, ctx.locale, zone(ctx)),
      }),
    );
    return true;
  }
  if (action === "m" && value) {
    const booking = await repo.findById(value);
    const resource = booking ? await repo.getResource(booking.resourceId) : null;
    if (!booking || !resource || booking.personId !== ctx.person!.id) return false;
    await saveDraft(ctx, "booking_when", {
      resourceId: resource.id,
      people: booking.people,
      offers: [],
      moving: booking.id,
    });
    ctx.outcome = "booking_asked_new_time";
    reply(
      ctx,
      words(ctx).askNewTime({
        resource: resourceName(resource, ctx.locale),
        when: formatSpan(booking.start, booking.end, ctx.locale, zone(ctx)),
      }),
    );
    return true;
  }
  return false;
}

async function confirmOffer(
  ctx: BotContext,
  draft: BookingDraft,
  chosen: BookingDraft["offers"][number],
): Promise<void> {
  const start = new Date(chosen.start);
  const end = new Date(chosen.end);
  const deps = ctx.deps.bookings;
  const result = draft.moving
    ? await moveBooking(deps, {
        bookingId: draft.moving,
        person: ctx.person!,
        start,
        end,
        resourceId: chosen.resourceId,
      })
    : await bookResource(deps, {
        person: ctx.person!,
        resourceId: chosen.resourceId,
        start,
        end,
        people: draft.people,
      });
  const resource = await deps.bookings.getResource(chosen.resourceId);
  if (!resource) return;
  if (!result.ok) {
    if (result.code === "BOOKING.SLOT_TAKEN") return offerAlternatives(ctx, { resource, start, end }, draft);
    ctx.outcome = `refused_${result.code}`;
    return reply(ctx, allWords(ctx).errors[result.code]);
  }
  await ctx.deps.states.clear(stateKey(ctx));
  const centre = await deps.bookings.getCentre(resource.centreId);
  const when = formatSpan(start, end, ctx.locale, zone(ctx));
  const name = resourceName(resource, ctx.locale);
  ctx.outcome = draft.moving ? "booking_moved" : "booking_created";
  reply(
    ctx,
    draft.moving
      ? words(ctx).moved({ resource: name, when })
      : words(ctx).booked({
          resource: name,
          when,
          centre: centre?.name ?? "",
          address: centre?.address ?? "",
          hours: resource.hours,
        }),
  );
}

/** The next message of a booking form: the time asked for (new booking or moving one). */
export async function continueBookingForm(ctx: BotContext, form: Record<string, unknown>): Promise<boolean> {
  const text = ctx.message.text?.trim();
  const draft = form.draft as BookingDraft | undefined;
  if (form.form !== "booking_when" || !draft?.resourceId || !text || text.startsWith("/")) return false;
  const when = parseWhen(text, { now: ctx.now, timeZone: zone(ctx) });
  if (!when) return false;
  const resource = await ctx.deps.bookings.bookings.getResource(draft.resourceId);
  if (!resource) return false;
  await proposeFor(ctx, resource, when, draft);
  return true;
}

/** "我的预约" lists bookings with cancel / change buttons; "周三有什么空的" shows free times that day. */
export async function showBookings(ctx: BotContext, text: string): Promise<void> {
  const repo = ctx.deps.bookings.bookings;
  if (/空|空闲|有没有|能约|free|available|vacan/i.test(text)) {
    const centre = await centreOf(ctx);
    if (!centre) return reply(ctx, words(ctx).noCentre());
    const when = parseWhen(text, { now: ctx.now, timeZone: zone(ctx) });
    const date = when?.date ?? localDateIn(ctx.now, zone(ctx));
    const lines = [words(ctx).freeHeader({ day: formatDay(date, ctx.locale), centre: centre.name })];
    for (const resource of await repo.resourcesOf(centre.id)) {
      const free = await freeWindows(ctx.deps.bookings, resource, date);
      const windows = free.map(([from, to]) => `${formatMinute(from)}–${formatMinute(to)}`).join("，");
      lines.push(
        words(ctx).freeLine({
          resource: resourceName(resource, ctx.locale),
          windows: windows || words(ctx).fullyBooked(),
        }),
      );
    }
    ctx.outcome = "booking_free_times";
    return reply(ctx, lines.join("\n"));
  }
  const bookings = await repo.listOf(ctx.person!.id, ctx.now);
  ctx.outcome = "booking_listed";
  if (bookings.length === 0) return reply(ctx, words(ctx).noBookings());
  const lines = [words(ctx).myBookingsHeader(bookings.length)];
  const buttons = [];
  for (const booking of bookings.slice(0, 10)) {
    const resource = await repo.getResource(booking.resourceId);
    const line = words(ctx).bookingLine({
      resource: resource ? resourceName(resource, ctx.locale) : booking.resourceId,
      when: formatSpan(booking.start, booking.end, ctx.locale, zone(ctx)),
    });
    lines.push(line);
    buttons.push([
      { label: `${words(ctx).buttonCancel()} · ${line}`.slice(0, 60), data: `bk:x:${booking.id}` },
      { label: words(ctx).buttonMove(), data: `bk:m:${booking.id}` },
    ]);
  }
  reply(ctx, lines.join("\n"), buttons);
}

const span = (ctx: BotContext, slot: Pick<Slot, "start" | "end">) =>
  formatSpan(slot.start, slot.end, ctx.locale, zone(ctx));
const offer = (slot: Slot) => ({
  resourceId: slot.resource.id,
  start: slot.start.toISOString(),
  end: slot.end.toISOString(),
});
