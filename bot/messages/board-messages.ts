import type { BoardList, BoardStatus, UnitKind } from "../../core/board/board-ports";
import type { ErrorCode } from "../../core/shared/error-codes";

export type BoardErrorCode = Extract<ErrorCode, `BOARD.${string}` | `UNIT.${string}`>;

/** An item as a person reads it; `poster` is a unit's name, "community · person", or a resident's name. */
export interface ItemText {
  readonly number: string;
  readonly list: BoardList;
  readonly place: string;
  readonly when: string | null;
  readonly quantity: number | null;
  readonly text: string;
  readonly poster: string;
  readonly status: BoardStatus;
}

export interface ContributionLine {
  readonly name: string;
  readonly kind: UnitKind;
  readonly posted: number;
  readonly claimed: number;
  readonly done: number;
  readonly hours: number;
}

export interface CallLine {
  readonly name: string;
  readonly kind: "unit" | "department";
  /** "张大爷 12月1日 10:05" when answered; null while waiting. */
  readonly answeredBy: string | null;
}

export type BoardUsage =
  | "post"
  | "board"
  | "claim"
  | "done"
  | "withdraw"
  | "unit"
  | "units"
  | "whistle"
  | "callstatus";

/** The resident units' board (双向认领) and unit calls (街道吹哨，部门报到). */
export interface BoardMessages {
  listName(list: BoardList): string;
  kindName(kind: UnitKind): string;
  statusName(status: BoardStatus): string;
  item(p: ItemText): string;
  posted(p: ItemText): string;
  placeUnknown(p: { hint: string }): string;
  boardHeader(p: { list: BoardList | null; count: number }): string;
  boardEmpty(p: { list: BoardList | null }): string;
  mineHeader(p: { count: number }): string;
  mineEmpty(): string;
  buttonClaim(p: { number: string }): string;
  claimed(p: { number: string }): string;
  claimRequest(p: ItemText & { claimant: string }): string;
  buttonAccept(): string;
  buttonDecline(): string;
  buttonDone(): string;
  acceptedForClaimant(p: { number: string; poster: string }): string;
  acceptedByYou(p: { number: string; claimant: string }): string;
  alreadyAccepted(p: { number: string }): string;
  declinedForClaimant(p: { number: string }): string;
  declinedByYou(p: { number: string }): string;
  done(p: { number: string; hours: number | null; credited: number }): string;
  doneForOther(p: { number: string; by: string; hours: number | null }): string;
  alreadyDone(p: { number: string }): string;
  credited(p: { number: string; points: number; balance: number }): string;
  withdrawn(p: { number: string }): string;

  unitRegistered(p: { name: string; kind: UnitKind; place: string; contact: string }): string;
  unitForContact(p: { name: string; place: string }): string;
  contributions(p: { scope: string; period: string; lines: readonly ContributionLine[] }): string;
  noUnits(p: { scope: string }): string;

  callSent(p: {
    id: string;
    units: number;
    departments: number;
    people: number;
    unreachable: number;
  }): string;
  callMessage(p: { from: string; place: string; ticket: string | null; text: string }): string;
  buttonReport(): string;
  answered(p: { name: string; already: boolean; answered: number; total: number }): string;
  answeredForCaller(p: { who: string; name: string; answered: number; total: number }): string;
  callStatus(p: {
    id: string;
    text: string;
    when: string;
    answered: number;
    total: number;
    lines: readonly CallLine[];
  }): string;
  noCall(): string;
  usage(command: BoardUsage): string;
  readonly errors: Record<BoardErrorCode, string>;
}
