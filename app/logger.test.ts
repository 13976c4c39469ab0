import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger, maskPhones } from "./logger";

describe("logs", () => {
  it("mask mobile numbers wherever they appear", () => {
    expect(maskPhones("王阿姨 13812345678 3栋")).toBe("王阿姨 138****5678 3栋");
    expect(maskPhones("ticket 2026-000123")).toBe("ticket 2026-000123");
  });

  it("redact secrets by key and mask phones in fields and messages", () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const logger = createLogger("info", sink);
    logger.info({ config: { token: "abc123" }, text: "电话13900001111" }, "from 13700002222");
    const line = JSON.parse(lines[0]!);
    expect(line.config.token).toBe("[redacted]");
    expect(line.text).toBe("电话139****1111");
    expect(line.msg).toBe("from 137****2222");
  });
});
