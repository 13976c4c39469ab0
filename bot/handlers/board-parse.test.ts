import { describe, expect, it } from "vitest";
import { parseDone, parsePost, parseQuantity, parseUnitAdd } from "./board-parse";

describe("reading board commands", () => {
  it("/post: the list in either language, then a place and a time only when they read as one", () => {
    expect(parsePost(["need", "3栋", "周六上午", "需要5名志愿者帮忙搬运物资"])).toEqual({
      list: "need",
      placeHint: "3栋",
      whenText: "周六上午",
      text: "需要5名志愿者帮忙搬运物资",
      quantity: 5,
    });
    expect(parsePost(["资源", "每周三下午", "免费测血压"])).toMatchObject({
      list: "resource",
      placeHint: null,
      whenText: "每周三下午",
      text: "免费测血压",
      quantity: null,
    });
    expect(parsePost(["个性清单", "春晖社区", "周末义诊，每次十个人"])).toMatchObject({
      list: "offer",
      placeHint: "春晖社区",
      quantity: 10,
    });
    expect(parsePost(["project", "Saturday", "paint", "the", "fence,", "6", "volunteers"])).toMatchObject({
      list: "project",
      whenText: "Saturday",
      text: "paint the fence, 6 volunteers",
      quantity: 6,
    });
    // A lone word is the text, even when it reads as a time.
    expect(parsePost(["need", "明天"])).toMatchObject({ whenText: null, text: "明天" });
    expect(parsePost(["需求"])).toBeNull();
    expect(parsePost(["wish", "x"])).toBeNull();
  });

  it("quantities in figures or Chinese numerals, with a measure word", () => {
    expect(parseQuantity("需要二十箱矿泉水")).toBe(20);
    expect(parseQuantity("两位医生")).toBe(2);
    expect(parseQuantity("3栋门口")).toBeNull();
  });

  it("/done: the number, hours each (2, 2.5, 2h, 2小时), volunteer ids", () => {
    expect(parseDone(["B12", "2.5", "p-a", "p-b"])).toEqual({
      number: 12,
      hours: 2.5,
      volunteerIds: ["p-a", "p-b"],
    });
    expect(parseDone(["12", "2小时"])).toEqual({ number: 12, hours: 2, volunteerIds: [] });
    expect(parseDone(["b3"])).toEqual({ number: 3, hours: null, volunteerIds: [] });
    expect(parseDone(["B3", "30"])).toBeNull();
    expect(parseDone(["B3", "2", "张三!"])).toBeNull();
    expect(parseDone(["三"])).toBeNull();
  });

  it("/unit add: a name (spaces allowed), a kind in either language, a place, a contact id", () => {
    expect(parseUnitAdd(["add", "仁心", "大药房", "药店", "2栋", "p-res-zhang"])).toEqual({
      name: "仁心 大药房",
      kind: "shop",
      placeHint: "2栋",
      contactId: "p-res-zhang",
    });
    expect(parseUnitAdd(["登记", "东街小学", "学校", "春晖社区", "p-1"])).toMatchObject({ kind: "school" });
    expect(parseUnitAdd(["add", "银行", "bank", "2栋", "p-1"])).toBeNull();
    expect(parseUnitAdd(["list"])).toBeNull();
  });
});
