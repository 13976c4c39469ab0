import { describe, expect, it } from "vitest";
import { chineseNumeral } from "./chinese-numerals";

describe("chineseNumeral", () => {
  it.each([
    ["五", 5],
    ["十", 10],
    ["十二", 12],
    ["二十", 20],
    ["二十一", 21],
    ["两", 2],
    ["一百零一", 101],
    ["12", 12],
    ["二三", null],
    ["零五", 5],
    ["", null],
  ] as const)("%s → %s", (text, value) => {
    expect(chineseNumeral(text)).toBe(value);
  });
});
