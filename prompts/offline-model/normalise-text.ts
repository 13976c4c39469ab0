/** Every run of digits becomes this one character, so "3栋" and "12栋" share their features. */
export const DIGIT_PLACEHOLDER = "#";

const FULL_WIDTH_FIRST = 0xff01;
const FULL_WIDTH_LAST = 0xff5e;
const FULL_TO_HALF = 0xfee0;
const IDEOGRAPHIC_SPACE = 0x3000;
// Separators: commas, full stops, brackets, quotes and spaces all become one space. Residents (and
// the corpus files) differ in whether they write "，" or " " between clauses; that is style, not
// meaning, and a model that sees it learns which file a line came from instead of what it says.
const SEPARATORS = new Set(Array.from(",.;:、。，；：·•…—~～-_/\\|()[]{}<>（）【】《》「」『』“”‘’\"'`＂"));
// Emoji variation selector and zero-width joiner: dropped so 👍 and 👍️ are the same token.
const INVISIBLE = new Set([0xfe0e, 0xfe0f, 0x200d, 0x200b]);

/** Full-width letters, digits and punctuation to half-width, one UTF-16 unit for one (indices stay). */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uff01-\uff5e\u3000]/g, (ch) =>
    ch === "\u3000" ? " " : String.fromCharCode(ch.charCodeAt(0) - FULL_TO_HALF),
  );
}

/**
 * The text the features are taken from: lower-case, full-width letters, digits and punctuation
 * made half-width, digit runs replaced by one placeholder, separators and whitespace collapsed to one
 * space. Emoji stay, one
 * code point each, so they become tokens of their own.
 */
export function normaliseText(text: string): string {
  let out = "";
  let inDigits = false;
  let inSpace = false;
  for (const ch of text) {
    let code = ch.codePointAt(0) ?? 0;
    if (INVISIBLE.has(code)) continue;
    if (code >= FULL_WIDTH_FIRST && code <= FULL_WIDTH_LAST) code -= FULL_TO_HALF;
    else if (code === IDEOGRAPHIC_SPACE) code = 0x20;
    const isDigit = code >= 0x30 && code <= 0x39;
    const isSpace =
      code === 0x20 ||
      code === 0x09 ||
      code === 0x0a ||
      code === 0x0d ||
      SEPARATORS.has(String.fromCodePoint(code));
    if (isDigit) {
      if (!inDigits) out += DIGIT_PLACEHOLDER;
    } else if (isSpace) {
      if (!inSpace && out.length > 0) out += " ";
    } else {
      out += String.fromCodePoint(code);
    }
    inDigits = isDigit;
    inSpace = isSpace;
  }
  return out.trimEnd().toLowerCase();
}
