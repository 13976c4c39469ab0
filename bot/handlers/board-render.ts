import { type BoardItem, formatItemNumber } from "../../core/board/board-ports";
import { posterSideOf } from "../../core/board/board-sides";
import type { ReplyButton } from "../../core/conversation/inbound-message";
import type { Locale } from "../../core/people/person";
import { ancestorIdAt, isWithin, type Place } from "../../core/places/place";
import { parsePlaceHint } from "../../core/registry/registry-text";
import type { BotContext } from "../conversation/bot-context";
import type { BotDeps } from "../conversation/bot-deps";
import { privateTarget } from "../conversation/private-chat";
import type { ItemText } from "../messages/board-messages";
import { catalogue } from "../messages/format";
import type { MessageCatalogue } from "../messages/message-catalogue";
import { matchBuilding } from "./place-matching";

type Buttons = readonly (readonly ReplyButton[])[];

/** Button data: "bd:<c|y|n|d>:<item number>" (claim, agree, decline, done); "uc:<call id>" (报到). */
export const boardButtons = {
  claim: (label: string, number: number): ReplyButton => ({ label, data: `bd:c:${number}` }),
  accept: (label: string, number: number): ReplyButton => ({ label, data: `bd:y:${number}` }),
  decline: (label: string, number: number): ReplyButton => ({ label, data: `bd:n:${number}` }),
  done: (label: string, number: number): ReplyButton => ({ label, data: `bd:d:${number}` }),
  report: (label: string, callId: string): ReplyButton => ({ label, data: `uc:${callId}` }),
};

/** The name of the place the community side speaks for: the item's community (or street). */
async function communityName(deps: BotDeps, placePath: string): Promise<string> {
  const id = ancestorIdAt(placePath, "community") ?? ancestorIdAt(placePath, "street");
  const place = id ? await deps.tickets.directory.getPlace(id) : null;
  return place?.name ?? "";
}

/** How a side signs: "仁心大药房（张大爷）", "春晖社区 孙主任", or a resident's name. */
export async function partyName(
  deps: BotDeps,
  personId: string,
  unitId: string | null,
  placePath: string,
  community: boolean,
): Promise<string> {
  const person = await deps.tickets.people.getPerson(personId);
  const name = person?.name ?? personId;
  const unit = unitId ? await deps.board.board.getUnit(unitId) : null;
  if (unit) return `${unit.name}（${name}）`;
  return community ? `${await communityName(deps, placePath)} ${name}` : name;
}

export async function itemText(deps: BotDeps, item: BoardItem): Promise<ItemText> {
  const place = await deps.tickets.directory.getPlace(item.placeId);
  const poster = await deps.tickets.people.getPerson(item.posterId);
  const unit = item.posterUnitId ? await deps.board.board.getUnit(item.posterUnitId) : null;
  const side = posterSideOf(item, poster);
  return {
    number: formatItemNumber(item.number),
    list: item.list,
    place: place?.name ?? item.placeId,
    when: item.whenText,
    quantity: item.quantity,
    text: item.text,
    poster:
      unit?.name ??
      (side === "community"
        ? `${await communityName(deps, item.placePath)} ${poster?.name ?? ""}`.trim()
        : (poster?.name ?? item.posterId)),
    status: item.status,
  };
}

/** The claimant's side as the poster reads it. */
export async function claimantName(deps: BotDeps, item: BoardItem): Promise<string> {
  if (!item.claimantId) return "";
  return partyName(deps, item.claimantId, item.claimantUnitId, item.placePath, !item.claimantUnitId);
}

type Render = (
  words: MessageCatalogue,
  locale: Locale,
) => Promise<{ text: string; buttons?: Buttons }> | { text: string; buttons?: Buttons };

/**
 * Private messages to people (not the one who acted: their answer is the reply), each on the
 * channel they used last, in their language; they join this message's replies (and so its
 * outbox batch). Those with no private chat are counted, not sent.
 */
export async function tell(
  ctx: BotContext,
  personIds: readonly string[],
  render: Render,
): Promise<{ sent: number; unreachable: number }> {
  let sent = 0;
  let unreachable = 0;
  for (const personId of new Set(personIds)) {
    if (personId === ctx.person?.id) continue;
    const target = await privateTarget(ctx.deps, personId);
    if (!target) {
      unreachable++;
      ctx.deps.logger.warn({ personId, inboxId: ctx.inboxId }, "no private chat for a board message");
      continue;
    }
    const { text, buttons } = await render(catalogue(target.locale), target.locale);
    ctx.out.push({ channel: target.channel, chatId: target.chatId, text, ...(buttons ? { buttons } : {}) });
    sent++;
  }
  return { sent, unreachable };
}

/**
 * The place a poster or admin names ("3栋", "春晖社区", a place id), looked for in their areas in
 * order (their own community before the street), so "3栋" is the nearest one.
 */
export async function resolveBoardPlace(
  ctx: BotContext,
  hint: string,
  areas: readonly string[],
): Promise<Place | null> {
  if (/^[a-z]+(?:-[a-z0-9]+)+$/i.test(hint)) {
    const place = await ctx.deps.tickets.directory.getPlace(hint);
    return place && areas.some((a) => isWithin(place.path, a)) ? place : null;
  }
  const parsed = parsePlaceHint(hint);
  for (const area of areas) {
    const places = await ctx.deps.registry.registry.placesUnder(area);
    if (parsed.buildingHint) {
      const building = matchBuilding(
        places.filter((p) => p.level === "building"),
        parsed.buildingHint,
      );
      if (building) return building;
      continue;
    }
    const name = (parsed.name ?? hint).trim();
    const found =
      places.find((p) => p.name === name) ??
      places.find((p) => p.name.startsWith(name) || name.startsWith(p.name)) ??
      places.find((p) => p.name.includes(name));
    if (found) return found;
  }
  return null;
}
