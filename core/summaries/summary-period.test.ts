import { describe, expect, it } from "vitest";
import { addDays } from "../shared/zoned-time";
import {
  dailySummaryDue,
  dayPeriod,
  localDatesBetween,
  periodSoFar,
  summaryTimeSchema,
  weekPeriod,
} from "./summary-period";

const ZONE = "Asia/Shanghai";

describe("summary periods in the deployment's time zone", () => {
  it("a day runs from local midnight to local midnight", () => {
    expect(dayPeriod("2026-11-30", ZONE)).toEqual({
      kind: "day",
      from: new Date("2026-11-29T16:00:00Z"),
      to: new Date("2026-11-30T16:00:00Z"),
      date: "2026-11-30",
      key: "day:2026-11-30",
    });
    expect(addDays("2026-12-31", 1)).toBe("2027-01-01");
    expect(addDays("2026-03-01", -1)).toBe("2026-02-28");
  });

  it("a week starts on Monday, whatever day it is asked for", () => {
    for (const date of ["2026-11-30", "2026-12-03", "2026-12-06"]) {
      expect(weekPeriod(date, ZONE)).toMatchObject({
        from: new Date("2026-11-29T16:00:00Z"),
        to: new Date("2026-12-06T16:00:00Z"),
        key: "week:2026-11-30",
      });
    }
  });

  it("today and this week so far end at the moment asked", () => {
    const now = new Date("2026-12-02T07:30:00Z"); // Wednesday 15:30 in Shanghai
    expect(periodSoFar("day", now, ZONE)).toMatchObject({ from: new Date("2026-12-01T16:00:00Z"), to: now });
    expect(periodSoFar("week", now, ZONE)).toMatchObject({ from: new Date("2026-11-29T16:00:00Z"), to: now });
    expect(localDatesBetween(new Date("2026-11-29T16:00:00Z"), now, ZONE)).toEqual([
      "2026-11-30",
      "2026-12-01",
      "2026-12-02",
    ]);
  });

  it("the daily summary is due for yesterday once the local time reaches SUMMARY_TIME", () => {
    const eight = summaryTimeSchema.parse("08:00")!;
    expect(eight).toBe(480);
    expect(summaryTimeSchema.parse("off")).toBeNull();
    expect(summaryTimeSchema.safeParse("8am").success).toBe(false);
    expect(dailySummaryDue(new Date("2026-11-30T23:59:00Z"), eight, ZONE)).toBeNull(); // 07:59 on 1 Dec
    expect(dailySummaryDue(new Date("2026-12-01T00:00:00Z"), eight, ZONE)).toBe("2026-11-30"); // 08:00
    expect(dailySummaryDue(new Date("2026-12-01T15:00:00Z"), eight, ZONE)).toBe("2026-11-30"); // 23:00
  });
});
