import {
  answerClaim,
  browseItems,
  claimItem,
  markDone,
  myItems,
  postItem,
  withdrawItem,
} from "../../core/board/board-items";
import { type BoardList, formatItemNumber, parseItemNumber } from "../../core/board/board-ports";
import { isStaffOver, loadBoardActor, postingSide } from "../../core/board/board-sides";
import { isWithin, pathAt } from "../../core/places/place";
import { type BotContext, reply, words } from "../conversation/bot-context";
import { parseDone, parseList, parsePost } from "./board-parse";
import { boardButtons, claimantName, itemText, partyName, resolveBoardPlace, tell } from "./board-render";
import { refuse } from "./points-context";

/** Items shown by /board: enough to choose from in a chat. */
const BOARD_PAGE = 10;

/** `/post 需求 3栋 周六上午 需要5名志愿者帮忙搬运物资`: post to a list for the side one speaks for. */
export async function postCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  const said = parsePost(args);
  if (!said) return reply(ctx, w.usage("post"));
  const side = postingSide(await loadBoardActor(ctx.deps.board, ctx.person!), said.list);
  if (!side) return refuse(ctx, "BOARD.NOT_ALLOWED");
  let placeId: string | null = null;
  if (said.placeHint) {
    const place = await resolveBoardPlace(ctx, said.placeHint, side.areas);
    if (!place) {
      ctx.outcome = "board_place_unknown";
      return reply(ctx, w.placeUnknown({ hint: said.placeHint }));
    }
    placeId = place.id;
  } else if (ctx.binding && side.areas.some((a) => isWithin(ctx.binding!.place.path, a))) {
    // Said in a grid's or community's group: the group's place.
    placeId = ctx.binding.place.id;
  }
  const result = await postItem(ctx.deps.board, ctx.person!, {
    list: said.list,
    placeId,
    text: said.text,
    whenText: said.whenText,
    quantity: said.quantity,
  });
  if (!result.ok) return refuse(ctx, result.code);
  ctx.outcome = "board_posted";
  reply(ctx, w.posted(await itemText(ctx.deps, result.value.item)));
}

/** `/board [list|mine]`: the open items of the asker's area (a group's: its community), each with "认领". */
export async function boardCommand(ctx: BotContext, args: string[]): Promise<void> {
  const w = words(ctx).board;
  if (/^(mine|我的)$/i.test(args[0] ?? "")) return showMine(ctx);
  const list: BoardList | null = args[0] ? parseList(args[0]) : null;
  if (args[0] && !list) return reply(ctx, w.usage("board"));
  const scopePath = ctx.binding ? pathAt(ctx.binding.place.path, "community") : null;
  const browsed = await browseItems(ctx.deps.board, ctx.person!, { list, scopePath, limit: BOARD_PAGE });
  ctx.outcome = "board_listed";
  if (browsed.length === 0) return reply(ctx, w.boardEmpty({ list }));
  const blocks = await Promise.all(browsed.map(async (b) => w.item(await itemText(ctx.deps, b.item))));
  const buttons = browsed
    .filter((b) => b.claimable)
    .map((b) => [
      boardButtons.claim(w.buttonClaim({ number: formatItemNumber(b.item.number) }), b.item.number),
    ]);
  reply(ctx, [w.boardHeader({ list, count: browsed.length }), ...blocks].join("\n\n"), buttons);
}

async function showMine(ctx: BotContext): Promise<void> {
  const w = words(ctx).board;
  const items = await myItems(ctx.deps.board, ctx.person!, BOARD_PAGE);
  ctx.outcome = "board_mine";
  if (items.length === 0) return reply(ctx, w.mineEmpty());
  const blocks = await Promise.all(items.map(async (item) => w.item(await itemText(ctx.deps, item))));
  reply(ctx, [w.mineHeader({ count: items.length }), ...blocks].join("\n\n"));
}

/** `/claim B12` (or the "认领" button): the poster's side is asked to agree. */
export async function claimCommand(ctx: BotContext, args: string[]): Promise<void> {
  const number = parseItemNumber(args[0]);
  if (number === null) return reply(ctx, words(ctx).board.usage("claim"));
  return claim(ctx, number);
}

async function claim(ctx: BotContext, number: number): Promise<void> {
  const result = await claimItem(ctx.deps.board, ctx.person!, number);
  if (!result.ok) return refuse(ctx, result.code);
  const { item, already, tell: posterSide } = result.value;
  ctx.outcome = already ? "board_claimed_again" : "board_claimed";
  reply(ctx, words(ctx).board.claimed({ number: formatItemNumber(number) }));
  if (already) return;
  const claimant = await claimantName(ctx.deps, item);
  const text = await itemText(ctx.deps, item);
  await tell(ctx, posterSide, (w) => ({
    text: w.board.claimRequest({ ...text, claimant }),
    buttons: [
      [
        boardButtons.accept(w.board.buttonAccept(), number),
        boardButtons.decline(w.board.buttonDecline(), number),
      ],
    ],
  }));
}

/** The poster's "同意认领" / "不同意": the claimant's side is told either way. */
async function answer(ctx: BotContext, number: number, accept: boolean): Promise<void> {
  const w = words(ctx).board;
  const result = await answerClaim(ctx.deps.board, ctx.person!, number, accept);
  if (!result.ok) return refuse(ctx, result.code);
  const { item, already, tell: claimantSide } = result.value;
  const shown = formatItemNumber(number);
  if (already) {
    ctx.outcome = "board_already_accepted";
    return reply(ctx, w.alreadyAccepted({ number: shown }));
  }
  ctx.outcome = accept ? "board_accepted" : "board_declined";
  if (!accept) {
    reply(ctx, w.declinedByYou({ number: shown }));
    await tell(ctx, claimantSide, (words) => ({ text: words.board.declinedForClaimant({ number: shown }) }));
    return;
  }
  reply(ctx, w.acceptedByYou({ number: shown, claimant: await claimantName(ctx.deps, item) }));
  const poster = await actorName(ctx, item.posterUnitId, item.placePath);
  await tell(ctx, claimantSide, (words) => ({
    text: words.board.acceptedForClaimant({ number: shown, poster }),
    buttons: [[boardButtons.done(words.board.buttonDone(), number)]],
  }));
}

/** `/done B12 [hours each] [volunteer ids…]` (or the "已完成" button, without hours). */
export async function doneCommand(ctx: BotContext, args: string[]): Promise<void> {
  const said = parseDone(args);
  if (!said) return reply(ctx, words(ctx).board.usage("done"));
  return done(ctx, said.number, said.hours, said.volunteerIds);
}

async function done(
  ctx: BotContext,
  number: number,
  hours: number | null,
  volunteerIds: string[],
): Promise<void> {
  const w = words(ctx).board;
  const shown = formatItemNumber(number);
  const result = await markDone(ctx.deps.board, ctx.person!, number, { hours, volunteerIds });
  if (!result.ok) return refuse(ctx, result.code);
  const { item, already, credited, tell: otherSide } = result.value;
  if (already) {
    ctx.outcome = "board_already_done";
    return reply(ctx, w.alreadyDone({ number: shown }));
  }
  const fresh = credited.filter((c) => !c.replayed);
  ctx.outcome = "board_done";
  ctx.deps.logger.info(
    { inboxId: ctx.inboxId, item: shown, hours: item.hours, credited: fresh.length },
    "board item done",
  );
  reply(ctx, w.done({ number: shown, hours: item.hours, credited: fresh.length }));
  const unitId = ctx.person!.id === item.claimantId ? item.claimantUnitId : item.posterUnitId;
  const by = await actorName(ctx, unitId, item.placePath);
  await tell(ctx, otherSide, (words) => ({
    text: words.board.doneForOther({ number: shown, by, hours: item.hours }),
  }));
  for (const c of fresh) {
    await tell(ctx, [c.personId], (words) => ({
      text: words.board.credited({ number: shown, points: c.points, balance: c.balance }),
    }));
  }
}

/** The one acting, as the other side reads them: their unit, or the community they are staff of. */
function actorName(ctx: BotContext, unitId: string | null, placePath: string): Promise<string> {
  const community = !unitId && isStaffOver(ctx.person!, placePath);
  return partyName(ctx.deps, ctx.person!.id, unitId, placePath, community);
}

/** `/withdraw B12`: the poster takes back an item nobody has claimed. */
export async function withdrawCommand(ctx: BotContext, args: string[]): Promise<void> {
  const number = parseItemNumber(args[0]);
  if (number === null) return reply(ctx, words(ctx).board.usage("withdraw"));
  const result = await withdrawItem(ctx.deps.board, ctx.person!, number);
  if (!result.ok) return refuse(ctx, result.code);
  ctx.outcome = "board_withdrawn";
  reply(ctx, words(ctx).board.withdrawn({ number: formatItemNumber(number) }));
}

/** "bd:c:12" claim, "bd:y:12" agree, "bd:n:12" decline, "bd:d:12" done; false when not ours. */
export async function handleBoardButton(ctx: BotContext, data: string): Promise<boolean> {
  const match = /^bd:([cynd]):(\d{1,9})$/.exec(data);
  if (!match || !ctx.person) return false;
  const number = Number(match[2]);
  if (match[1] === "c") await claim(ctx, number);
  else if (match[1] === "d") await done(ctx, number, null, []);
  else await answer(ctx, number, match[1] === "y");
  return true;
}
