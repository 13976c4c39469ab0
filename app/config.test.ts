import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "./config";

describe("configuration", () => {
  it("has a working default for everything", () => {
    const config = loadConfig({});
    expect(config).toMatchObject({
      DATABASE_URL: "file:./data/egrid.db",
      PORT: 3000,
      EGRID_TIME_ZONE: "Asia/Shanghai",
      AUTO_CLOSE_HOURS: 72,
      SEED_DEMO: true,
    });
  });

  it("reads and coerces values; empty means unset", () => {
    expect(loadConfig({ PORT: "8080", SEED_DEMO: "false", AUTO_CLOSE_HOURS: "" })).toMatchObject({
      PORT: 8080,
      SEED_DEMO: false,
      AUTO_CLOSE_HOURS: 72,
    });
  });

  it("reads quiet hours as local minutes, or off", () => {
    expect(loadConfig({}).QUIET_HOURS).toEqual({ startMinute: 1320, endMinute: 420 });
    expect(loadConfig({ QUIET_HOURS: "off" }).QUIET_HOURS).toBeNull();
    expect(() => loadConfig({ QUIET_HOURS: "late" })).toThrow(/QUIET_HOURS: use "HH:MM-HH:MM"/);
  });

  it("reads the daily summary time as local minutes, or off", () => {
    expect(loadConfig({}).SUMMARY_TIME).toBe(480);
    expect(loadConfig({ SUMMARY_TIME: "18:30" }).SUMMARY_TIME).toBe(1110);
    expect(loadConfig({ SUMMARY_TIME: "off" }).SUMMARY_TIME).toBeNull();
    expect(() => loadConfig({ SUMMARY_TIME: "8am" })).toThrow(/SUMMARY_TIME: use "HH:MM"/);
  });

  it("fails fast naming each bad variable and what is wrong", () => {
    let message = "";
    try {
      loadConfig({ PORT: "eighty", EGRID_TIME_ZONE: "Mars/Olympus", DUPLICATE_SIMILARITY: "2" });
    } catch (error) {
      expect(error).toBeInstanceOf(ConfigError);
      message = (error as Error).message;
    }
    expect(message).toMatch(/PORT: /);
    expect(message).toMatch(/EGRID_TIME_ZONE: not an IANA time zone/);
    expect(message).toMatch(/DUPLICATE_SIMILARITY: /);
  });
});
