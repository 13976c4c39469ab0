import { describe, expect, it } from "vitest";
import { normaliseText, toHalfWidth } from "./normalise-text";
import { displayFeature, extractFeatures } from "./text-features";

const bySpace = (text: string) => text.split(" ").filter(Boolean);

describe("normaliseText", () => {
  it.each([
    ["3栋楼道灯不亮", "#栋楼道灯不亮"],
    ["12栋2单元501", "#栋#单元#"],
    ["Ｈｅｌｌｏ　ＷＯＲＬＤ", "hello world"],
    ["网格员你好，灯坏了！！", "网格员你好 灯坏了!!"],
    ["好的 👍️ 谢谢", "好的 👍 谢谢"],
    ["  “引号”（括号）  ", "引号 括号"],
    ["１３８１２３４５６７８", "#"],
  ])("%s → %s", (text, expected) => {
    expect(normaliseText(text)).toBe(expected);
  });

  it("keeps indices when making text half-width", () => {
    expect(toHalfWidth("３栋２单元")).toBe("3栋2单元");
    expect(toHalfWidth("３栋").length).toBe("３栋".length);
  });
});

describe("extractFeatures", () => {
  const options = { charMin: 1, charMax: 3, words: true, wordBigrams: true };

  it("lets 3栋 and 12栋 share their features", () => {
    const a = extractFeatures("3栋灯坏了", options, bySpace);
    const b = extractFeatures("12栋灯坏了", options, bySpace);
    expect([...a.keys()].sort()).toEqual([...b.keys()].sort());
    expect(a.has("c:#栋")).toBe(true);
  });

  it("takes character n-grams inside runs, words and word pairs, emoji as tokens", () => {
    const features = extractFeatures("灯坏 😭", options, bySpace);
    expect([...features.keys()].sort()).toEqual(
      ["c:灯", "c:坏", "c:灯坏", "c:😭", "w:灯坏", "w:😭", "b:灯坏|😭"].sort(),
    );
  });

  it("counts repeated features", () => {
    expect(extractFeatures("灯灯灯", options, bySpace).get("c:灯")).toBe(3);
  });

  it("shows features as a person reads them", () => {
    expect(displayFeature("c:楼道")).toBe("楼道");
    expect(displayFeature("b:没|亮")).toBe("没亮");
    expect(displayFeature("b:the|lift")).toBe("the lift");
  });
});
