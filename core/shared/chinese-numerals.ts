const CHINESE_DIGITS: Readonly<Record<string, number>> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};

/** 十二 → 12, 二十一 → 21, 一百零一 → 101, 五 → 5, "12" → 12; null when it is not a number we read. */
export function chineseNumeral(text: string): number | null {
  if (/^\d+$/.test(text)) return Number(text);
  if (text === "") return null;
  let total = 0;
  let digit: number | null = null;
  for (const ch of text) {
    if (ch === "百" || ch === "十") {
      total += (digit ?? 1) * (ch === "百" ? 100 : 10);
      digit = null;
    } else if (ch in CHINESE_DIGITS) {
      if (digit !== null && digit !== 0) return null; // 二三 is not a number
      digit = CHINESE_DIGITS[ch]!;
    } else return null;
  }
  return total + (digit ?? 0);
}
