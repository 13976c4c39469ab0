import { describe, expect, it } from "vitest";
import { isOpen, parseOpeningHours, windowsOn } from "./opening-hours";

describe("opening hours as admins write them", () => {
  it("reads one window for every day", () => {
    const hours = parseOpeningHours("08:30-21:00");
    expect(hours.ok && windowsOn(hours.value, "2026-12-06")).toEqual([[510, 1260]]);
  });

  it("reads weekday rules, several windows, and days that wrap round the week", () => {
    const hours = parseOpeningHours(
      "mon-fri 08:30-21:00; sat,sun 09:00-12:00,14:00-17:00; fri-mon 19:00-20:00",
    );
    if (!hours.ok) throw new Error(hours.code);
    expect(windowsOn(hours.value, "2026-12-02")).toEqual([[510, 1260]]); // Wednesday
    expect(windowsOn(hours.value, "2026-12-05")).toEqual([
      [540, 720],
      [840, 1020],
      [1140, 1200],
    ]); // Saturday
    expect(isOpen(hours.value, "2026-12-05", 600, 660)).toBe(true);
    expect(isOpen(hours.value, "2026-12-05", 690, 750)).toBe(false); // spans the lunch break
    expect(isOpen(hours.value, "2026-12-02", 1200, 1290)).toBe(false);
  });

  it("refuses what it cannot read, naming the rule", () => {
    for (const bad of ["8-21", "mon-xyz 08:00-12:00", "09:00-08:00", "25:00-26:00", "tue 14:00"]) {
      expect(parseOpeningHours(bad)).toMatchObject({ ok: false, code: "BOOKING.BAD_HOURS" });
    }
  });
});
