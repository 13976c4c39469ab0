// GET /metrics: the counters move with what happens, and the gauges read the database.
import { afterEach, describe, expect, it } from "vitest";
import { ScriptedUnderstanding } from "../core/testing/scripted-understanding";
import { startHarness } from "./testing/egrid-harness";

const understanding = new ScriptedUnderstanding([{ when: /灯/, intent: "report", category: "lighting" }]);
let harness: Awaited<ReturnType<typeof startHarness>> | null = null;
afterEach(async () => {
  await harness?.close();
  harness = null;
});

/** The value of one series in Prometheus's text format, or null when it is absent. */
function seriesValue(text: string, series: string): number | null {
  const line = text.split("\n").find((l) => l.startsWith(`${series} `));
  return line ? Number(line.slice(series.length + 1)) : null;
}

describe("GET /metrics", () => {
  it("counts messages by channel, tickets by category, classifications, and reads open and overdue cases", async () => {
    harness = await startHarness(understanding);
    const scrape = async () => {
      const response = await fetch(`${harness!.url}/metrics`);
      expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
      return response.text();
    };
    await harness.send("grid-chunhui-1", "p-res-wang", "3栋楼道灯坏了");
    await harness.send("grid-chunhui-1", "p-res-wang", "3栋楼道灯坏了"); // a duplicate: filed, then merged
    const text = await scrape();
    expect(seriesValue(text, 'egrid_messages_received_total{channel="playground"}')).toBe(2);
    expect(seriesValue(text, 'egrid_tickets_opened_total{category="lighting"}')).toBe(2);
    expect(seriesValue(text, "egrid_classification_confidence_count")).toBe(2);
    expect(seriesValue(text, 'egrid_classification_confidence_bucket{le="0.9"}')).toBe(0);
    expect(seriesValue(text, "egrid_tickets_open")).toBe(1);
    expect(seriesValue(text, "egrid_tickets_overdue")).toBe(0);
    expect(seriesValue(text, "egrid_outbox_pending")).toBe(0); // the playground delivers at once
    // The harness runs on a SQLite file: its checkpoint worker is up.
    expect(seriesValue(text, "egrid_sqlite_wal_checkpointer_up")).toBe(1);
    expect(seriesValue(text, "egrid_sqlite_wal_checkpointed_pages")).toBeGreaterThanOrEqual(0);
  });

  it("says ready with the database and migrations when no channel failed", async () => {
    harness = await startHarness(understanding);
    const ready = await fetch(`${harness.url}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({ status: "ready", database: "ok", channels: {} });
  });
});
