import { describe, expect, it } from "vitest";
import { instantOf, monthIn, wallTimeIn } from "./zoned-time";

describe("zoned time", () => {
  it("reads the wall clock and finds the instant back", () => {
    const at = new Date("2026-11-30T17:30:00Z");
    expect(wallTimeIn(at, "Asia/Shanghai")).toEqual({ year: 2026, month: 12, day: 1, hour: 1, minute: 30 });
    expect(instantOf({ year: 2026, month: 12, day: 1, hour: 1, minute: 30 }, "Asia/Shanghai")).toEqual(at);
  });

  it("crosses daylight saving in zones that have it", () => {
    expect(
      instantOf({ year: 2026, month: 7, day: 1, hour: 9, minute: 0 }, "Europe/London").toISOString(),
    ).toBe("2026-07-01T08:00:00.000Z");
    expect(
      instantOf({ year: 2026, month: 1, day: 1, hour: 9, minute: 0 }, "Europe/London").toISOString(),
    ).toBe("2026-01-01T09:00:00.000Z");
  });

  it("gives a month's bounds in the zone", () => {
    const month = monthIn(new Date("2026-11-30T17:30:00Z"), "Asia/Shanghai");
    expect(month).toEqual({
      label: "2026-12",
      from: new Date("2026-11-30T16:00:00Z"),
      to: new Date("2026-12-31T16:00:00Z"),
    });
  });
});
