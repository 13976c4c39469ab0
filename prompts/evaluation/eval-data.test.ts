import { describe, expect, it } from "vitest";
import { parseEvalFile } from "./eval-data";

describe("parseEvalFile", () => {
  it("reads category, intent and combined lines and reports bad ones by number", () => {
    const content = [
      JSON.stringify({ text: "3栋楼道灯不亮", category: "lighting" }),
      JSON.stringify({ text: "电梯困人", category: "elevator", priority: "urgent", intent: "report" }),
      "",
      JSON.stringify({ text: "我有多少积分", intent: "points_balance" }),
      "{ not json",
      JSON.stringify({ text: "只有文字" }),
      JSON.stringify({ text: "", category: "lighting" }),
      JSON.stringify({ text: "坏了", intent: "no_such_intent" }),
      JSON.stringify({ text: "坏了", category: "lighting", priority: "very" }),
      JSON.stringify({ text: "新类别", category: "street_trees" }),
    ].join("\n");
    const { lines, bad } = parseEvalFile(content);
    expect(lines.map((l) => l.lineNumber)).toEqual([1, 2, 4, 10]);
    expect(lines[1]).toMatchObject({ category: "elevator", priority: "urgent", intent: "report" });
    expect(bad.map((b) => b.lineNumber)).toEqual([5, 6, 7, 8, 9]);
    expect(bad[0]!.message).toMatch(/^not JSON/);
    expect(bad[1]!.message).toContain("a line needs an intent or a category");
  });
});
