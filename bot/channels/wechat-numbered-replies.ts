// WeChat has no buttons. The channel renders a reply's buttons as numbered lines under its text,
// remembers per chat which number stood for which button, and turns a later answer that is only
// that number ("1", "１", "1.", "①") back into the button's data. The memory is small, lives in
// the process, and forgets a chat's options after a while or as soon as anything else is sent there.
import type { ReplyButton } from "../../core/conversation/inbound-message";

/** How long offered options stay answerable by number: 30 minutes. */
export const NUMBERED_OPTIONS_TTL_MS = 30 * 60 * 1000;
/** How many chats' options to keep at most; the oldest offer is forgotten first. */
export const NUMBERED_OPTIONS_MAX_CHATS = 2000;
/** Circled numbers ① to ⑳ exist; nobody answers a list longer than that by number. */
const MAX_NUMBER = 20;

/**
 * The text with the buttons appended as numbered lines, one line per row of buttons, numbered
 * across rows: "请选择\n\n1. 签收  2. 退回\n3. 转派". Without buttons the text is returned as it is.
 */
export function renderNumberedOptions(
  text: string,
  buttons: readonly (readonly ReplyButton[])[] = [],
): string {
  let number = 0;
  const lines = buttons
    .filter((row) => row.length > 0)
    .map((row) =>
      row
        .map((button) => {
          number += 1;
          return `${number}. ${button.label}`;
        })
        .join("  "),
    );
  if (lines.length === 0) return text;
  const body = text.trimEnd();
  return body.length > 0 ? `${body}\n\n${lines.join("\n")}` : lines.join("\n");
}

/** The buttons in the order they were numbered (row by row). */
export function numberedButtons(buttons: readonly (readonly ReplyButton[])[] = []): readonly ReplyButton[] {
  return buttons.flat();
}

/**
 * The number a message consists of, or null when it is anything else. NFKC folds full-width
 * digits ("１") and circled numbers ("①") into ASCII; one trailing "." "、" "。" or ")" is allowed.
 */
export function parseOptionNumber(text: string): number | null {
  const folded = text.normalize("NFKC").trim();
  const match = /^(\d{1,2})\s*[.、。)]?$/.exec(folded);
  if (!match?.[1]) return null;
  const number = Number.parseInt(match[1], 10);
  return number >= 1 && number <= MAX_NUMBER ? number : null;
}

interface Offer {
  readonly buttons: readonly ReplyButton[];
  readonly expiresAt: number;
}

export interface NumberedOptionsMemoryOptions {
  readonly ttlMs?: number;
  readonly maxChats?: number;
  /** Milliseconds since the epoch; injected so tests can move time. */
  readonly now?: () => number;
}

/** Per chat, the options last offered there, until they expire or something else is sent. */
export class NumberedOptionsMemory {
  private readonly offers = new Map<string, Offer>();
  private readonly ttlMs: number;
  private readonly maxChats: number;
  private readonly now: () => number;

  constructor(options: NumberedOptionsMemoryOptions = {}) {
    this.ttlMs = options.ttlMs ?? NUMBERED_OPTIONS_TTL_MS;
    this.maxChats = options.maxChats ?? NUMBERED_OPTIONS_MAX_CHATS;
    this.now = options.now ?? Date.now;
  }

  /** A message was sent to the chat: its buttons become the options (none clears them). */
  offered(chatId: string, buttons: readonly ReplyButton[]): void {
    this.offers.delete(chatId); // re-inserted last, so Map order stays oldest-first
    if (buttons.length === 0) return;
    this.offers.set(chatId, { buttons: buttons.slice(0, MAX_NUMBER), expiresAt: this.now() + this.ttlMs });
    this.prune();
  }

  /** The data of the button the text picks by number in this chat, or null. */
  pick(chatId: string, text: string): string | null {
    const offer = this.offers.get(chatId);
    if (!offer) return null;
    if (offer.expiresAt <= this.now()) {
      this.offers.delete(chatId);
      return null;
    }
    const number = parseOptionNumber(text);
    if (number === null) return null;
    return offer.buttons[number - 1]?.data ?? null;
  }

  /** Whether a chat has live options (so the channel knows a number might be an answer). */
  has(chatId: string): boolean {
    const offer = this.offers.get(chatId);
    return offer !== undefined && offer.expiresAt > this.now();
  }

  get size(): number {
    return this.offers.size;
  }

  private prune(): void {
    const now = this.now();
    for (const [chatId, offer] of this.offers) {
      if (offer.expiresAt <= now) this.offers.delete(chatId);
    }
    while (this.offers.size > this.maxChats) {
      const oldest = this.offers.keys().next().value;
      if (oldest === undefined) break;
      this.offers.delete(oldest);
    }
  }
}
