import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_WARNING_RULES } from "../core/warnings/warning-rules";
import { loadWarningRules } from "./warning-rules-file";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function file(content: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-rules-"));
  dirs.push(dir);
  const name = path.join(dir, "rules.json");
  writeFileSync(name, content);
  return name;
}

describe("WARNING_RULES_FILE", () => {
  it("defaults without a file; a valid file replaces them", () => {
    expect(loadWarningRules(undefined)).toBe(DEFAULT_WARNING_RULES);
    const custom = { ...DEFAULT_WARNING_RULES, clusters: [], repeat: { enabled: false, withinDays: 7 } };
    expect(loadWarningRules(file(JSON.stringify(custom)))).toEqual(custom);
  });

  it("a bad file stops start-up naming the setting and each problem", () => {
    expect(() => loadWarningRules(file("{not json"))).toThrow(/^WARNING_RULES_FILE: cannot read .* as JSON/);
    const bad = { ...DEFAULT_WARNING_RULES, spike: { ...DEFAULT_WARNING_RULES.spike, pValue: 2 }, extra: 1 };
    expect(() => loadWarningRules(file(JSON.stringify(bad)))).toThrow(
      /WARNING_RULES_FILE: .*spike\.pValue: .*; \(root\): .*extra/,
    );
  });
});
