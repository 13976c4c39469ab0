import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkResidentRows } from "../core/registry/import-rows";
import { readSpreadsheet } from "./spreadsheet-file";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), "egrid-spreadsheet-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function write(name: string, content: string | Uint8Array): Promise<string> {
  const file = path.join(dir, name);
  await writeFile(file, content);
  return file;
}

/**
 * Node can decode GBK but not encode it: build the reverse table from every two-byte GBK code
 * (lead 81-FE, trail 40-FE), which the test then checks against a code known by heart.
 */
function gbkEncoder(): (text: string) => Uint8Array {
  const decoder = new TextDecoder("gb18030");
  const table = new Map<string, [number, number]>();
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      const ch = decoder.decode(new Uint8Array([lead, trail]));
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  return (text) => {
    const bytes: number[] = [];
    for (const ch of text) {
      const code = ch.charCodeAt(0);
      if (code < 0x80) bytes.push(code);
      else {
        const pair = table.get(ch);
        if (!pair) throw new Error(`no GBK code for ${ch}`);
        bytes.push(...pair);
      }
    }
    return new Uint8Array(bytes);
  };
}

describe("readSpreadsheet: CSV", () => {
  it("reads UTF-8 with a BOM, CRLF, quoted fields, doubled quotes and line breaks inside quotes", async () => {
    const csv =
      "\uFEFF楼栋, 姓名 ,备注,同意\r\n" +
      '3栋,张三,"说""你好""，然后走了",是\r\n' +
      '"5栋","李四","第一行\r\n第二行\n第三行",否\r\n' +
      "\r\n" +
      '7栋,"王,五",,1\r\n';
    const sheet = await readSpreadsheet(await write("bom.csv", csv));
    expect(sheet.header).toEqual(["楼栋", "姓名", "备注", "同意"]);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { 楼栋: "3栋", 姓名: "张三", 备注: '说"你好"，然后走了', 同意: "是" } },
      { rowNumber: 3, cells: { 楼栋: "5栋", 姓名: "李四", 备注: "第一行\r\n第二行\n第三行", 同意: "否" } },
      // Record 4 is blank: left out, but still counted.
      { rowNumber: 5, cells: { 楼栋: "7栋", 姓名: "王,五", 备注: "", 同意: "1" } },
    ]);
  });

  it("reads LF without a BOM or a final line break, and fills short records with blanks", async () => {
    const sheet = await readSpreadsheet(await write("plain.CSV", "a,b,c\n1,2\n3,4,5,6"));
    expect(sheet.header).toEqual(["a", "b", "c"]);
    expect(sheet.rows).toEqual([
      { rowNumber: 2, cells: { a: "1", b: "2", c: "" } },
      { rowNumber: 3, cells: { a: "3", b: "4", c: "5" } },
    ]);
  });

  it("decodes a GBK file as Excel in China saves it", async () => {
    const encode = gbkEncoder();
    expect([...encode("姓名")]).toEqual([0xd0, 0xd5, 0xc3, 0xfb]);
    const bytes = encode("楼栋,房号,姓名,电话,标签,同意\r\n3栋,201室,张三,13800001111,独居老人、残疾,是\r\n");
    const file = await write("gbk.csv", bytes);
    const sheet = await readSpreadsheet(file);
    expect(sheet.header).toEqual(["楼栋", "房号", "姓名", "电话", "标签", "同意"]);
    expect(sheet.rows[0]?.cells).toEqual({
      楼栋: "3栋",
      房号: "201室",
      姓名: "张三",
      电话: "13800001111",
      标签: "独居老人、残疾",
      同意: "是",
    });

    const check = checkResidentRows(sheet.header, sheet.rows, [{ id: "bld-3", name: "3栋" }]);
    expect(check.refused).toEqual([]);
    expect(check.accepted[0]?.input).toMatchObject({
      buildingId: "bld-3",
      room: "201",
      name: "张三",
      tags: ["elderly_alone", "disabled"],
      consent: true,
    });
  });

  it("refuses a quoted field that never closes, naming the file and line", async () => {
    const file = await write("open-quote.csv", 'a,b\n1,"never\nclosed\n');
    await expect(readSpreadsheet(file)).rejects.toThrow(
      /unterminated quoted field from line 2.*open-quote\.csv/,
    );
  });
});

describe("readSpreadsheet: xlsx", () => {
  it("reads the first worksheet with numbers, dates, phones, rich text, formulas and merged cells as text", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("居民");
    workbook.addWorksheet("其他").addRow(["not", "read"]);
    sheet.addRow(["楼栋", "房号", "姓名", "电话", "出生日期", "年龄", "备注", "系数"]);
    sheet.addRow(["3栋", 201, "张三", 13800001111, new Date(Date.UTC(1950, 0, 2)), 75, "", 1.5]);
    sheet.addRow([null, 202, "李四", "0571-88886666", new Date(Date.UTC(1988, 11, 31)), 36, "", 2]);
    sheet.addRow([]); // row 4 stays empty
    sheet.addRow(["5栋", "301", "王五", null, null, null, null, null]);
    sheet.mergeCells("A2:A3");
    sheet.getCell("G2").value = { richText: [{ text: "行动" }, { font: { bold: true }, text: "不便" }] };
    sheet.getCell("F5").value = { formula: "F2+5", result: 80 };
    sheet.getCell("G5").value = { text: "主页", hyperlink: "https://example.org" };
    const file = path.join(dir, "residents.xlsx");
    await workbook.xlsx.writeFile(file);

    const read = await readSpreadsheet(file);
    expect(read.header).toEqual(["楼栋", "房号", "姓名", "电话", "出生日期", "年龄", "备注", "系数"]);
    expect(read.rows).toEqual([
      {
        rowNumber: 2,
        cells: {
          楼栋: "3栋",
          房号: "201",
          姓名: "张三",
          电话: "13800001111",
          出生日期: "1950-01-02",
          年龄: "75",
          备注: "行动不便",
          系数: "1.5",
        },
      },
      {
        rowNumber: 3,
        cells: {
          楼栋: "3栋",
          房号: "202",
          姓名: "李四",
          电话: "0571-88886666",
          出生日期: "1988-12-31",
          年龄: "36",
          备注: "",
          系数: "2",
        },
      },
      {
        rowNumber: 5,
        cells: {
          楼栋: "5栋",
          房号: "301",
          姓名: "王五",
          电话: "",
          出生日期: "",
          年龄: "80",
          备注: "主页",
          系数: "",
        },
      },
    ]);
  });

  it("says so when the workbook's first sheet is empty or the bytes are not a workbook", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("空");
    const empty = path.join(dir, "empty-sheet.xlsx");
    await workbook.xlsx.writeFile(empty);
    await expect(readSpreadsheet(empty)).rejects.toThrow(/the file is empty.*empty-sheet\.xlsx/);

    const fake = await write("fake.xlsx", "楼栋,姓名\n");
    await expect(readSpreadsheet(fake)).rejects.toThrow(/not a readable \.xlsx file.*fake\.xlsx/);
  });
});

describe("readSpreadsheet: files it cannot read", () => {
  it("refuses other extensions, naming the file", async () => {
    const txt = await write("residents.txt", "楼栋,姓名\n");
    await expect(readSpreadsheet(txt)).rejects.toThrow(/unsupported file type "\.txt".*residents\.txt/);
    const xls = await write("old.xls", "x");
    await expect(readSpreadsheet(xls)).rejects.toThrow(/unsupported file type "\.xls".*old\.xls/);
  });

  it("refuses a missing file and an empty one, naming the file", async () => {
    const missing = path.join(dir, "missing.csv");
    await expect(readSpreadsheet(missing)).rejects.toThrow(`找不到文件 (file not found): ${missing}`);
    const empty = await write("empty.csv", "");
    await expect(readSpreadsheet(empty)).rejects.toThrow(`文件是空的 (the file is empty): ${empty}`);
    const blank = await write("blank.csv", "\uFEFF\r\n , \r\n");
    await expect(readSpreadsheet(blank)).rejects.toThrow(/the file is empty.*blank\.csv/);
  });
});
