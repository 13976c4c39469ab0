import type { BoardList, BoardStatus, UnitKind } from "../../core/board/board-ports";
import type { BoardMessages, ItemText } from "./board-messages";

const LIST: Record<BoardList, string> = {
  need: "needs list",
  resource: "resources list",
  project: "projects list",
  offer: "personal offers list",
};
const SHORT: Record<BoardList, string> = {
  need: "need",
  resource: "resource",
  project: "project",
  offer: "offer",
};
const KIND: Record<UnitKind, string> = {
  company: "company",
  school: "school",
  hospital: "hospital",
  shop: "shop",
  organisation: "organisation",
};
const STATUS: Record<BoardStatus, string> = {
  open: "open",
  claimed: "claimed, awaiting confirmation",
  confirmed: "in progress",
  done: "done",
  cancelled: "withdrawn",
};
const hoursText = (hours: number | null) => (hours ? ` (${hours} volunteer hours)` : "");

function item(p: ItemText): string {
  const meta = [p.place, p.when, p.quantity ? `×${p.quantity}` : null].filter(Boolean).join(" · ");
  const status = p.status === "open" ? "" : ` (${STATUS[p.status]})`;
  return `${p.number} [${SHORT[p.list]}] ${meta}${status}\n${p.text}\n— ${p.poster}`;
}

export const boardEn: BoardMessages = {
  listName: (list) => LIST[list],
  kindName: (kind) => KIND[kind],
  statusName: (status) => STATUS[status],
  item,
  posted: (p) =>
    `Posted to the ${LIST[p.list]}:\n${item(p)}\nI will ask you to confirm when someone claims it. Until then you can withdraw it: /withdraw ${p.number}`,
  placeUnknown: (p) => `I cannot find "${p.hint}" among the places you may post to.`,
  boardHeader: (p) =>
    `Open items on the ${p.list ? LIST[p.list] : "four lists"} (${p.count}); press "Claim" to take one:`,
  boardEmpty: (p) => `Nothing open on the ${p.list ? LIST[p.list] : "lists"} right now. Post with /post.`,
  mineHeader: (p) => `Items you (or your unit) posted or claimed (${p.count}):`,
  mineEmpty: () => "You have not posted or claimed anything yet.",
  buttonClaim: (p) => `Claim ${p.number}`,
  claimed: (p) => `You claimed ${p.number}; the poster is asked to confirm and you will hear back.`,
  claimRequest: (p) => `🤝 ${p.claimant} would like to take on your item:\n${item(p)}\nDo you agree?`,
  buttonAccept: () => "Agree",
  buttonDecline: () => "Decline",
  buttonDone: () => "Done",
  acceptedForClaimant: (p) =>
    `✅ ${p.poster} agreed: ${p.number} is yours. When it is done send /done ${p.number} [hours each] [volunteer ids…].`,
  acceptedByYou: (p) =>
    `You agreed to ${p.claimant} taking ${p.number}; they have been told. When done, either side sends /done ${p.number} [hours each] [volunteer ids…].`,
  alreadyAccepted: (p) => `${p.number} was already confirmed.`,
  declinedForClaimant: (p) => `The poster declined your claim; ${p.number} is open again.`,
  declinedByYou: (p) => `Declined; ${p.number} is open again.`,
  done: (p) =>
    `🎉 ${p.number} is done${hoursText(p.hours)}.${p.credited > 0 ? ` ${p.credited} volunteer(s) earned points.` : ""} Thank you!`,
  doneForOther: (p) => `🎉 ${p.by} marked ${p.number} done${hoursText(p.hours)}. Thank you both!`,
  alreadyDone: (p) => `${p.number} is already marked done.`,
  credited: (p) => `Thank you for helping with ${p.number}: ${p.points} points, ${p.balance} in all.`,
  withdrawn: (p) => `${p.number} withdrawn.`,

  unitRegistered: (p) =>
    `Registered ${p.name} (${KIND[p.kind]}, ${p.place}) with ${p.contact} as contact, who has been told.`,
  unitForContact: (p) =>
    `You are now the contact of the resident unit "${p.name}" (${p.place}).\n· /board shows the community's needs, resources, projects and offers to claim\n· /post need|resource|project [place] [when] text posts for your unit\n· press "Report" when the street calls on units`,
  contributions: (p) =>
    [
      `🏢 Resident units of ${p.scope} (${p.period}):`,
      ...p.lines.map(
        (l, i) =>
          `${i + 1}. ${l.name} (${KIND[l.kind]}) done ${l.done} · ${l.hours} h · claimed ${l.claimed} · posted ${l.posted}`,
      ),
    ].join("\n"),
  noUnits: (p) => `No resident units registered in ${p.scope} yet. Admins register them with /unit add.`,

  callSent: (p) =>
    `📣 Call sent (no. ${p.id}) to ${p.units} unit(s) and ${p.departments} department(s), ${p.people} people${p.unreachable ? ` (${p.unreachable} without a private chat)` : ""}. /callstatus shows who reported.`,
  callMessage: (p) =>
    `📣 The street calls on units and departments — ${p.from}\n${p.ticket ? `Case ${p.ticket}: ` : ""}${p.text}\nPlace: ${p.place}\nPress "Report" when you have read this.`,
  buttonReport: () => "Report 🙋",
  answered: (p) =>
    p.already
      ? `You have already reported (${p.name}).`
      : `Reported for ${p.name}. ${p.answered}/${p.total} have reported; the street will be in touch.`,
  answeredForCaller: (p) => `🙋 ${p.name} (${p.who}) reported, ${p.answered}/${p.total}.`,
  callStatus: (p) =>
    [
      `📣 Call ${p.id} (${p.when}): ${p.text}`,
      `Reported ${p.answered}/${p.total}:`,
      ...p.lines.map(
        (l) =>
          `${l.answeredBy ? "✅" : "⏳"} ${l.name}${l.kind === "department" ? " (department)" : ""}${l.answeredBy ? ` ${l.answeredBy}` : " not yet"}`,
      ),
    ].join("\n"),
  noCall: () => "No calls in your area yet.",
  usage: (command) =>
    ({
      post: "Usage: /post need|resource|project|offer [place] [when] text, e.g. /post need 3栋 Saturday 5 volunteers to move supplies",
      board: "Usage: /board [need|resource|project|offer|mine]",
      claim: "Usage: /claim <number>, e.g. /claim B12",
      done: "Usage: /done <number> [hours each] [volunteer ids…], e.g. /done B12 2 p-res-wang",
      withdraw: "Usage: /withdraw <number>",
      unit: "Usage: /unit add <name> <company|school|hospital|shop|organisation> <place> <contact person id>",
      units: "Usage: /units [year]",
      whistle: "Usage: /whistle <case number> [note] or /whistle <what happened>",
      callstatus: "Usage: /callstatus [number]",
    })[command],
  errors: {
    "BOARD.NOT_FOUND": "No such item; please check the number.",
    "BOARD.NOT_ALLOWED":
      "You cannot do that with this item (the other side claims: units take the community's items, the community takes units').",
    "BOARD.INVALID": "That is not in the right form; please check and send it again.",
    "BOARD.PLACE_OUTSIDE": "That place is outside where you may post.",
    "BOARD.OWN_ITEM": "You (or your unit) posted this item; you cannot claim it yourself.",
    "BOARD.ALREADY_CLAIMED": "Too late: someone has just claimed this item.",
    "BOARD.NOT_OPEN": "This item was withdrawn or is finished.",
    "BOARD.NOT_CLAIMED": "This item has no claim waiting for confirmation.",
    "BOARD.NOT_CONFIRMED": "It can be marked done once the poster has confirmed the claim.",
    "BOARD.VOLUNTEER_OUTSIDE": "Volunteers credited must live or serve in the street of the item.",
    "UNIT.NOT_ALLOWED":
      "Only community, street and district admins may register units, within their own area.",
    "UNIT.INVALID":
      "The unit is not in the right form: a name of two characters or more, and a kind of company, school, hospital, shop or organisation.",
    "UNIT.DUPLICATE": "A unit of that name is already registered at that place.",
    "UNIT.CALL_NOT_ALLOWED": "Only street and district admins may call on units, within their own area.",
    "UNIT.CALL_NOT_FOUND": "No such call.",
    "UNIT.CALL_EMPTY": "No resident units or departments registered in that area: nobody to call.",
    "UNIT.CALL_NOT_FOR_YOU": "This call did not go to your unit or department.",
  },
};
