import { describe, expect, it } from "vitest";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { fromOptionalTimestamp, fromTimestamp } from "./sqlite-rows";

describe("stored timestamps read back", () => {
  it("as Date's parser reads them, for the adapter's format and any other", () => {
    const instants = [
      Date.UTC(2026, 11, 7, 10, 0, 0, 0),
      Date.UTC(2024, 1, 29, 23, 59, 59, 999),
      Date.UTC(1999, 11, 31, 0, 0, 0, 1),
      Date.UTC(2026, 0, 1, 0, 0, 0, 0) - 1,
    ];
    for (let i = 0; i < 500; i++) instants.push(1_600_000_000_000 + i * 7_777_777_777);
    for (const at of instants) {
      const stored = sqliteTimestamp(new Date(at));
      expect(fromTimestamp(stored).getTime(), stored).toBe(at);
    }
    for (const other of [
      "2026-12-07T10:00:00Z",
      "2026-12-07T18:00:00.000+08:00",
      "2026-12-07 10:00:00",
      "nonsense",
    ]) {
      expect(String(fromTimestamp(other))).toBe(String(new Date(other)));
    }
    expect(fromOptionalTimestamp(null)).toBeNull();
  });
});
