import { describe, expect, it } from "vitest";
import {
  NumberedOptionsMemory,
  numberedButtons,
  parseOptionNumber,
  renderNumberedOptions,
} from "./wechat-numbered-replies";

const buttons = [
  [
    { label: "签收", data: "ticket:T1:accept" },
    { label: "退回", data: "ticket:T1:return" },
  ],
  [{ label: "转派", data: "ticket:T1:reassign" }],
];

describe("numbered options for WeChat", () => {
  it("renders one line per row of buttons, numbered across rows, under the text", () => {
    expect(renderNumberedOptions("新工单", buttons)).toBe("新工单\n\n1. 签收  2. 退回\n3. 转派");
    expect(renderNumberedOptions("只有文字")).toBe("只有文字");
    expect(renderNumberedOptions("", [[{ label: "好", data: "ok" }]])).toBe("1. 好");
    expect(renderNumberedOptions("x", [[], [{ label: "好", data: "ok" }]])).toBe("x\n\n1. 好");
    expect(numberedButtons(buttons).map((b) => b.data)).toEqual([
      "ticket:T1:accept",
      "ticket:T1:return",
      "ticket:T1:reassign",
    ]);
  });

  it.each([
    ["1", 1],
    [" 2 ", 2],
    ["１", 1],
    ["２．", 2],
    ["3.", 3],
    ["3、", 3],
    ["3。", 3],
    ["①", 1],
    ["⑫", 12],
    ["4)", 4],
    ["4）", 4],
    ["20", 20],
  ])("reads %j as option %i", (text, number) => {
    expect(parseOptionNumber(text)).toBe(number);
  });

  it.each(["0", "21", "1 2", "12号楼", "一", "第1个", "", "1..", "-1"])(
    "does not read %j as an option",
    (text) => {
      expect(parseOptionNumber(text)).toBeNull();
    },
  );

  it("maps a number to the data of that chat's last options until they expire", () => {
    let now = 1_000_000;
    const memory = new NumberedOptionsMemory({ ttlMs: 60_000, now: () => now });
    memory.offered("room-a", numberedButtons(buttons));
    expect(memory.pick("room-a", "2")).toBe("ticket:T1:return");
    expect(memory.pick("room-a", "2")).toBe("ticket:T1:return"); // still there: like a button, pressable again
    expect(memory.pick("room-a", "4")).toBeNull();
    expect(memory.pick("room-a", "好的")).toBeNull();
    expect(memory.pick("room-b", "1")).toBeNull();
    now += 60_000;
    expect(memory.has("room-a")).toBe(false);
    expect(memory.pick("room-a", "1")).toBeNull();
    expect(memory.size).toBe(0);
  });

  it("replaces options with the next message's, and forgets them when a message without buttons goes out", () => {
    const memory = new NumberedOptionsMemory();
    memory.offered("c", numberedButtons(buttons));
    memory.offered("c", [{ label: "满意", data: "rate:5" }]);
    expect(memory.pick("c", "1")).toBe("rate:5");
    expect(memory.pick("c", "2")).toBeNull();
    memory.offered("c", []);
    expect(memory.pick("c", "1")).toBeNull();
  });

  it("keeps at most maxChats offers, forgetting the oldest", () => {
    const memory = new NumberedOptionsMemory({ maxChats: 2 });
    memory.offered("a", [{ label: "x", data: "a" }]);
    memory.offered("b", [{ label: "x", data: "b" }]);
    memory.offered("a", [{ label: "x", data: "a2" }]); // refreshed: now the newest
    memory.offered("c", [{ label: "x", data: "c" }]);
    expect(memory.size).toBe(2);
    expect(memory.pick("b", "1")).toBeNull();
    expect(memory.pick("a", "1")).toBe("a2");
    expect(memory.pick("c", "1")).toBe("c");
  });
});
