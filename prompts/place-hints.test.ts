import { describe, expect, it } from "vitest";
import { extractPlaceHints, findPhoneNumbers } from "./place-hints";

type Row = [text: string, building: string | null, unit: string | null, room: string | null];

const PLACES: Row[] = [
  ["3栋2单元501", "3", "2", "501"],
  ["3栋2单元501室卫生间漏水", "3", "2", "501"],
  ["网格员你好，12号楼二单元的声控灯坏了", "12", "2", null],
  ["5幢门前的路灯不亮", "5", null, null],
  ["3-2-501 楼上漏水", "3", "2", "501"],
  ["我家是3-2-501", "3", "2", "501"],
  ["the lift in building 5 is broken", "5", null, null],
  ["block 3 unit 2 room 1203, no water", "3", "2", "1203"],
  ["Bldg 7 stairwell light out", "7", null, null],
  ["急！！我家进贼了 6栋301", "6", null, "301"],
  ["独居的陈阿姨 她住2期8栋103 门是锁着的", "8", null, "103"],
  ["二期6栋电梯停在两层之间", "6", null, null],
  ["十二栋三单元门口积水", "12", "3", null],
  ["七栋三单元啊快点啊", "7", "3", null],
  ["第十一栋楼下", "11", null, null],
  ["我们是二十一号楼的", "21", null, null],
  ["3#楼的消防通道被堵了", "3", null, null],
  ["A座1203室空调滴水", "A", null, "1203"],
  ["16号楼802", "16", null, "802"],
  ["15栋1801 快来人", "15", null, "1801"],
  ["3栋2-501", "3", "2", "501"],
  ["３栋２单元５０１（全角）", "3", "2", "501"],
  ["5幢1单元602上面那家", "5", "1", "602"],
  ["room 501 has a leak", null, null, "501"],
  ["一单元一楼燃气表漏气", null, "1", null],
];

const NO_PLACE: string[] = [
  "整栋楼停电了",
  "一栋楼都停电了",
  "两栋楼之间的路灯不亮",
  "我住5楼，楼道灯坏了",
  "我3号报的事怎么样了",
  "2026-000123 到哪一步了",
  "楼道里好大一股煤气味",
  "谢谢网格员",
  "在地库B1层",
  "四楼五楼那块最浓",
  "one of the lights is flickering",
];

describe("extractPlaceHints", () => {
  it.each(PLACES)("%s → building %s, unit %s, room %s", (text, building, unit, room) => {
    const hints = extractPlaceHints(text);
    expect({ building: hints.building, unit: hints.unit, room: hints.room }).toEqual({
      building,
      unit,
      room,
    });
  });

  it.each(NO_PLACE)("finds no place in %s", (text) => {
    const hints = extractPlaceHints(text);
    expect({ building: hints.building, unit: hints.unit, room: hints.room }).toEqual({
      building: null,
      unit: null,
      room: null,
    });
  });

  it("never reads a phone number's digits as a room", () => {
    const hints = extractPlaceHints("6栋 联系我13812345678");
    expect(hints).toEqual({ building: "6", unit: null, room: null, phoneNumbers: ["13812345678"] });
  });
});

describe("findPhoneNumbers", () => {
  it.each([
    ["电话13812345678", ["13812345678"]],
    ["打 138 1234 5678 或者 139-1234-5678", ["138 1234 5678", "139-1234-5678"]],
    ["+86 13912345678", ["+86 13912345678"]],
    ["物业电话0571-88886666", ["0571-88886666"]],
    ["(010)12345678", ["(010)12345678"]],
    ["座机02012345678", ["02012345678"]],
    ["１３８１２３４５６７８", ["１３８１２３４５６７８"]],
    ["王女士 13612345678，12号楼102 13912345678", ["13612345678", "13912345678"]],
  ])("%s → %j", (text, phones) => {
    expect(findPhoneNumbers(text)).toEqual(phones);
  });

  it.each(["12345678901", "2026-000123", "3栋2单元501", "1234567", "工单2026-000457", "电话12012345678"])(
    "finds no phone number in %s",
    (text) => {
      expect(findPhoneNumbers(text)).toEqual([]);
    },
  );
});
