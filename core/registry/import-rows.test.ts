import { describe, expect, it } from "vitest";
import { checkResidentRows, type ImportBuilding } from "./import-rows";

const BUILDINGS: ImportBuilding[] = [
  { id: "bld-3", name: "3栋", nameEn: "Building 3" },
  { id: "bld-5a", name: "5栋", nameEn: "Block 5 North" },
  { id: "bld-5b", name: " 5栋 ", nameEn: null },
  { id: "bld-7", name: "7栋" },
];

/** Rows numbered from 2, as a file under a header row would number them. */
function sheet(header: string[], ...records: string[][]) {
  return {
    header,
    rows: records.map((values, index) => ({
      rowNumber: index + 2,
      cells: Object.fromEntries(header.map((column, i) => [column, values[i] ?? ""])),
    })),
  };
}

function check(header: string[], records: string[][], options?: { currentYear: number }) {
  const { header: h, rows } = sheet(header, ...records);
  return checkResidentRows(h, rows, BUILDINGS, options);
}

const ZH = [
  "楼栋",
  "单元",
  "房号",
  "姓名",
  "电话",
  "身份证号",
  "出生年份",
  "标签",
  "紧急联系人",
  "紧急联系电话",
  "同意",
  "备注",
];

describe("checkResidentRows: headers", () => {
  it("maps Chinese headers to every field", () => {
    const result = check(ZH, [
      [
        "3栋",
        "2",
        "201",
        "张三",
        "13800001111",
        "33010219500101123x",
        "1950",
        "独居老人、残疾",
        "张小三",
        "0571-88886666",
        "是",
        "耳背",
      ],
    ]);
    expect(result.refused).toEqual([]);
    expect(result.unknownColumns).toEqual([]);
    expect(result.accepted).toEqual([
      {
        rowNumber: 2,
        input: {
          buildingId: "bld-3",
          unit: "2",
          room: "201",
          name: "张三",
          phone: "13800001111",
          idNumber: "33010219500101123X",
          birthYear: 1950,
          tags: ["elderly_alone", "disabled"],
          emergencyContactName: "张小三",
          emergencyContactPhone: "057188886666",
          consent: true,
          note: "耳背",
        },
      },
    ]);
  });

  it("maps English headers whatever their case and spacing, and lists the columns it does not know", () => {
    const header = [
      " Building ID ",
      "UNIT",
      "Room",
      "name",
      "Phone",
      "id_number",
      "Birth Year",
      "Tags",
      "Emergency Contact",
      "emergency_phone",
      "Consent",
      "Note",
      "Floor",
    ];
    const result = check(header, [
      ["Building 3", "", "101", "Li Si", "+86 138-0000-2222", "", "", "", "", "", "yes", "", "1"],
    ]);
    expect(result.unknownColumns).toEqual(["Floor"]);
    expect(result.refused).toEqual([]);
    expect(result.accepted[0]?.input).toMatchObject({
      buildingId: "bld-3",
      unit: null,
      room: "101",
      name: "Li Si",
      phone: "13800002222",
      idNumber: null,
      birthYear: null,
      tags: [],
      consent: true,
      note: null,
    });
  });

  it("accepts the other Chinese header words", () => {
    const header = ["楼号", "门牌", "姓名", "手机", "身份证", "类别", "紧急联系人电话", "知情同意"];
    const result = check(header, [["7栋", "301", "王五", "13900003333", "", "低保", "13900004444", "同意"]]);
    expect(result.refused).toEqual([]);
    expect(result.accepted[0]?.input).toMatchObject({
      buildingId: "bld-7",
      room: "301",
      phone: "13900003333",
      tags: ["low_income"],
      emergencyContactPhone: "13900004444",
      consent: true,
    });
  });

  it("refuses the header row, once per missing required column, and accepts nothing", () => {
    const result = check(["楼栋", "电话", "备注"], [["3栋", "13800001111", ""]]);
    expect(result.accepted).toEqual([]);
    expect(result.refused).toEqual([
      { rowNumber: 1, column: "房号", reason: "缺少列 (missing column): 房号 / room" },
      { rowNumber: 1, column: "姓名", reason: "缺少列 (missing column): 姓名 / name" },
      { rowNumber: 1, column: "同意", reason: "缺少列 (missing column): 同意 / consent" },
    ]);
  });

  it("keeps the first of two columns for one field and reports the other as unknown", () => {
    const result = check(
      ["楼栋", "房号", "姓名", "同意", "电话", "手机"],
      [["3栋", "1", "甲", "是", "13800001111", "bad"]],
    );
    expect(result.unknownColumns).toEqual(["手机"]);
    expect(result.accepted[0]?.input.phone).toBe("13800001111");
  });
});

describe("checkResidentRows: buildings", () => {
  const header = ["楼栋", "房号", "姓名", "同意"];

  it("matches by id, by trimmed name, and by English name in any case", () => {
    const result = check(header, [
      ["bld-7", "1", "甲", "是"],
      ["7栋", "2", "乙", "是"],
      ["building 3", "3", "丙", "是"],
      ["BLOCK 5 NORTH", "4", "丁", "是"],
    ]);
    expect(result.refused).toEqual([]);
    expect(result.accepted.map((row) => row.input.buildingId)).toEqual(["bld-7", "bld-7", "bld-3", "bld-5a"]);
  });

  it("refuses an unknown building, an empty one, and a name two buildings share", () => {
    const result = check(header, [
      ["9栋", "1", "甲", "是"],
      ["", "1", "乙", "是"],
      ["5栋", "1", "丙", "是"],
    ]);
    expect(result.accepted).toEqual([]);
    expect(result.refused).toEqual([
      { rowNumber: 2, column: "楼栋", reason: "楼栋不存在 (no such building): 9栋" },
      { rowNumber: 3, column: "楼栋", reason: "楼栋为空 (building is required)" },
      {
        rowNumber: 4,
        column: "楼栋",
        reason: "楼栋名称不唯一 (ambiguous building, matches bld-5a, bld-5b): 5栋",
      },
    ]);
  });
});

describe("checkResidentRows: refusals", () => {
  const header = ZH.filter((h) => h !== "标签");
  const good = ["3栋", "1", "101", "张三", "13800001111", "", "", "", "", "是", ""];
  const withCell = (index: number, value: string) => good.map((cell, i) => (i === index ? value : cell));

  it.each([
    [1, "12345678901", "单元", "单元号过长 (unit longer than 10 characters): 12345678901"],
    [2, "", "房号", "房号为空 (room is required)"],
    [2, "1".repeat(21), "房号", `房号过长 (room longer than 20 characters): ${"1".repeat(21)}`],
    [3, "", "姓名", "姓名为空 (name is required)"],
    [3, "名".repeat(41), "姓名", `姓名过长 (name longer than 40 characters): ${"名".repeat(41)}`],
    [4, "138000", "电话", "电话格式不对 (not a phone number): 138000"],
    [5, "33010219500101", "身份证号", "身份证号格式不对 (not an 18-character ID number): 33010219500101"],
    [6, "1850", "出生年份", "出生年份不对 (birth year not between 1900 and 2100): 1850"],
    [6, "五十年代", "出生年份", "出生年份不对 (not a year): 五十年代"],
    [
      7,
      "人".repeat(41),
      "紧急联系人",
      `紧急联系人过长 (emergency contact longer than 40 characters): ${"人".repeat(41)}`,
    ],
    [8, "110-", "紧急联系电话", "紧急联系电话格式不对 (emergency contact phone is not a phone number): 110-"],
    [9, "", "同意", "未填写是否同意 (consent must be stated)"],
    [9, "也许", "同意", "同意一栏无法识别 (consent not understood): 也许"],
    [10, "注".repeat(501), "备注", "备注过长 (note longer than 500 characters)"],
  ])("column %i = %j is refused in %s", (index, value, column, reason) => {
    const result = check(header, [withCell(index, value)]);
    expect(result.accepted).toEqual([]);
    expect(result.refused).toEqual([{ rowNumber: 2, column, reason }]);
  });

  it("joins all of a row's problems with '; ' in column order and names the first problem's column", () => {
    const row = ["3栋", "1", "101", "张三", "138000", "123", "", "", "", "", ""];
    const result = check(header, [row]);
    expect(result.refused).toEqual([
      {
        rowNumber: 2,
        column: "电话",
        reason:
          "电话格式不对 (not a phone number): 138000; " +
          "身份证号格式不对 (not an 18-character ID number): 123; " +
          "未填写是否同意 (consent must be stated)",
      },
    ]);
  });

  it("refuses a row repeating an earlier row's building, unit, room and name", () => {
    const result = check(header, [
      good,
      ["3栋", "2", "101", "张三", "", "", "", "", "", "是", ""],
      ["bld-3", "1单元", "101室", "张三", "13900009999", "", "", "", "", "否", ""],
      ["3栋", "1", "101", "张三", "138000", "", "", "", "", "是", ""],
    ]);
    expect(result.accepted.map((row) => row.rowNumber)).toEqual([2, 3]);
    expect(result.refused).toEqual([
      { rowNumber: 4, column: null, reason: "与第2行重复 (same as row 2)" },
      {
        rowNumber: 5,
        column: "电话",
        reason: "电话格式不对 (not a phone number): 138000; 与第2行重复 (same as row 2)",
      },
    ]);
  });

  it("skips rows whose cells are all blank without refusing them", () => {
    const blank = header.map(() => "  ");
    const result = check(header, [blank, good, header.map(() => "")]);
    expect(result.accepted.map((row) => row.rowNumber)).toEqual([3]);
    expect(result.refused).toEqual([]);
  });
});

describe("checkResidentRows: cell values", () => {
  const header = ["楼栋", "单元", "房号", "姓名", "手机", "身份证号", "出生年份", "标签", "同意"];
  const row = (changes: Partial<Record<string, string>>) =>
    header.map(
      (column) => changes[column] ?? { 楼栋: "3栋", 房号: "101", 姓名: "甲", 同意: "是" }[column] ?? "",
    );

  it("reads tags separated by 、 , ， ; ； | / and spaces, each once", () => {
    const result = check(header, [
      row({ 标签: "独居老人,残疾，孕妇;低保；慢性病|儿童/老人 living alone" }),
      row({ 姓名: "乙", 标签: "  Chronic  Illness  /  low income " }),
    ]);
    expect(result.refused).toEqual([]);
    expect(result.accepted[0]?.input.tags).toEqual([
      "elderly_alone",
      "disabled",
      "pregnant",
      "low_income",
      "chronic_illness",
      "child",
      "elderly",
    ]);
    expect(result.accepted[1]?.input.tags).toEqual(["chronic_illness", "low_income"]);
  });

  it("refuses a row with a tag word it does not know, naming each word", () => {
    const result = check(header, [row({ 标签: "独居、退伍军人 党员" })]);
    expect(result.refused).toEqual([
      {
        rowNumber: 2,
        column: "标签",
        reason: "标签无法识别 (unknown tag): 退伍军人; 标签无法识别 (unknown tag): 党员",
      },
    ]);
  });

  it.each([
    ["是", true],
    ["Y", true],
    ["yes", true],
    ["TRUE", true],
    ["1", true],
    ["同意", true],
    ["否", false],
    ["n", false],
    ["No", false],
    ["false", false],
    ["0", false],
    ["不同意", false],
  ])("reads consent %j as %s", (word, consent) => {
    const result = check(header, [row({ 同意: word })]);
    expect(result.accepted[0]?.input.consent).toBe(consent);
  });

  it("normalises full-width digits in phone, room, unit, birth year and ID number", () => {
    const result = check(header, [
      row({
        单元: "２单元",
        房号: "２０１室",
        手机: "１３８００００１１１１",
        出生年份: "１９５０",
        身份证号: "３３０１０２１９５００１０１１２３Ｘ",
      }),
    ]);
    expect(result.refused).toEqual([]);
    expect(result.accepted[0]?.input).toMatchObject({
      unit: "2",
      room: "201",
      phone: "13800001111",
      birthYear: 1950,
      idNumber: "33010219500101123X",
    });
  });

  it("strips 单元 and 室 and reads a unit written in Chinese numerals", () => {
    const result = check(header, [
      row({ 单元: "3单元", 房号: "1202室" }),
      row({ 姓名: "乙", 单元: "二单元", 房号: "B-3" }),
    ]);
    expect(result.accepted.map((r) => [r.input.unit, r.input.room])).toEqual([
      ["3", "1202"],
      ["2", "B-3"],
    ]);
  });

  it("computes the birth year from an age when given the current year, and not otherwise", () => {
    const withAge = ["楼栋", "房号", "姓名", "年龄", "同意"];
    const rows = [
      ["3栋", "1", "甲", "80", "是"],
      ["3栋", "2", "乙", "８岁", "是"],
      ["3栋", "3", "丙", "老", "是"],
    ];
    const result = check(withAge, rows, { currentYear: 2025 });
    expect(result.unknownColumns).toEqual([]);
    expect(result.accepted.map((r) => r.input.birthYear)).toEqual([1945, 2017]);
    expect(result.refused).toEqual([{ rowNumber: 4, column: "年龄", reason: "年龄不对 (not an age): 老" }]);

    const noYear = check(withAge, rows);
    expect(noYear.unknownColumns).toEqual(["年龄"]);
    expect(noYear.accepted.map((r) => r.input.birthYear)).toEqual([null, null, null]);
  });

  it("prefers the birth year column to the age column and reports an impossible year from an age", () => {
    const both = ["楼栋", "房号", "姓名", "出生年份", "Age", "同意"];
    const result = check(
      both,
      [
        ["3栋", "1", "甲", "1960", "80", "是"],
        ["3栋", "2", "乙", "", "130", "是"],
      ],
      { currentYear: 2025 },
    );
    expect(result.accepted.map((r) => r.input.birthYear)).toEqual([1960]);
    expect(result.refused).toEqual([
      { rowNumber: 3, column: "Age", reason: "出生年份不对 (birth year not between 1900 and 2100): 130" },
    ]);
  });

  it("trims cells and tolerates a cell missing from the row's record", () => {
    const result = checkResidentRows(
      ["楼栋", "房号", "姓名", "同意", "电话"],
      [{ rowNumber: 7, cells: { 楼栋: " 3栋 ", 房号: " 101 ", 姓名: "  张三 ", 同意: " 是 " } }],
      BUILDINGS,
    );
    expect(result.refused).toEqual([]);
    expect(result.accepted).toEqual([
      expect.objectContaining({
        rowNumber: 7,
        input: expect.objectContaining({ room: "101", name: "张三", phone: null }),
      }),
    ]);
  });
});
