import { describe, expect, it } from "vitest";
import { fixedClock } from "../core/shared/clock";
import { startJobRunner } from "./job-runner";
import { createLogger } from "./logger";

describe("the job runner", () => {
  it("runs each job at once and on its interval, at the injected clock's time; stop waits for a running job", async () => {
    const clock = fixedClock(new Date("2026-12-01T00:00:00Z"));
    const seen: string[] = [];
    let finish: () => void = () => {};
    const runner = startJobRunner(
      [
        {
          name: "slow",
          everySeconds: 3600,
          run: (at) =>
            new Promise((resolve) => {
              seen.push(`slow ${at.toISOString()}`);
              finish = () => resolve({ done: true });
            }),
        },
        {
          name: "quick",
          everySeconds: 3600,
          run: async (at) => {
            seen.push(`quick ${at.toISOString()}`);
            return null;
          },
        },
      ],
      clock,
      createLogger("silent"),
    );
    expect(seen).toEqual(["slow 2026-12-01T00:00:00.000Z", "quick 2026-12-01T00:00:00.000Z"]);
    let stopped = false;
    const stopping = runner.stop().then(() => {
      stopped = true;
    });
    await new Promise((r) => setTimeout(r, 20));
    expect(stopped).toBe(false); // the slow job is still running
    finish();
    await stopping;
    expect(stopped).toBe(true);
  });
});
