import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import ExcelJS from "exceljs";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "../db/database";
import { runCli } from "./cli";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

async function seededEnv() {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-import-"));
  dirs.push(dir);
  const env = { DATABASE_URL: `file:${path.join(dir, "egrid.db")}`, LOG_LEVEL: "silent" };
  expect(await runCli(["seed"], env, capture().io)).toBe(0);
  return { dir, env };
}

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (l: string) => out.push(l), err: (l: string) => err.push(l) }, out, err };
}

async function residents(url: string) {
  const db = await openDatabase(url);
  try {
    return await db.prisma.resident.findMany({
      include: { household: true, tags: true },
      orderBy: { name: "asc" },
    });
  } finally {
    await db.close();
  }
}

const HEADER = "楼栋,单元,房号,姓名,电话,身份证号,年龄,标签,紧急联系人,紧急联系电话,同意,备注";
const GOOD = [
  "春晖小区3栋,1,201,王奶奶,13800001111,,86,独居老人,王小明,13900002222,是,",
  'b-chunhui-2,2单元,302室,李大爷,138-0000-3333,,,"残疾、慢性病",,,同意,"坐轮椅, 需上门"',
];
const BAD = [
  "春晖小区99栋,1,101,赵爷爷,13800004444,,,独居,,,是,", // no such building
  "春晖小区3栋,1,202,钱阿姨,12345,,,孕妇,,,是,", // bad phone
  "春晖小区3栋,1,203,孙先生,,,,,,,,", // consent not stated
];

describe("egrid import residents", () => {
  it("a file with bad rows imports nothing and says why, row by row; --skip-invalid imports the rest", async () => {
    const { dir, env } = await seededEnv();
    const file = path.join(dir, "residents.csv");
    writeFileSync(file, `\uFEFF${[HEADER, ...GOOD, ...BAD].join("\r\n")}\r\n`);
    const refused = capture();
    expect(await runCli(["import", "residents", file], env, refused.io)).toBe(1);
    expect(refused.out).toEqual([
      expect.stringMatching(/^第4行 \(row 4\) \[楼栋\]: .*春晖小区99栋/),
      expect.stringMatching(/^第5行 \(row 5\) \[电话\]: /),
      expect.stringMatching(/^第6行 \(row 6\) \[同意\]: /),
    ]);
    expect(refused.err.join("\n")).toMatch(/3 行有误，未导入任何数据/);
    expect(await residents(env.DATABASE_URL)).toEqual([]);

    const partial = capture();
    expect(await runCli(["import", "residents", file, "--skip-invalid"], env, partial.io)).toBe(0);
    expect(partial.out.at(-1)).toBe(
      "导入完成 (imported): 新增 2 (created), 更新 0 (updated), 拒绝 3 (refused)",
    );
    const saved = await residents(env.DATABASE_URL);
    expect(
      saved.map((r) => [r.name, r.household.buildingId, r.household.unit, r.household.room, r.phone]),
    ).toEqual([
      ["李大爷", "b-chunhui-2", "2", "302", "13800003333"],
      ["王奶奶", "b-chunhui-3", "1", "201", "13800001111"],
    ]);
    expect(saved[0]!.tags.map((t) => t.tag).sort()).toEqual(["chronic_illness", "disabled"]);
    expect(saved[0]!.note).toBe("坐轮椅, 需上门");
    expect(saved[1]!.emergencyContactPhone).toBe("13900002222");

    // The same file again updates, never duplicates; the import is audited.
    expect(await runCli(["import", "residents", file, "--skip-invalid"], env, capture().io)).toBe(0);
    expect(await residents(env.DATABASE_URL)).toHaveLength(2);
    const db = await openDatabase(env.DATABASE_URL);
    expect(await db.prisma.auditEntry.count({ where: { action: "registry.import" } })).toBe(2);
    await db.close();
  });

  it("reads Excel files too, and refuses what it cannot read with the file's name", async () => {
    const { dir, env } = await seededEnv();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet("居民");
    sheet.addRow(["building", "unit", "room", "name", "phone", "tags", "consent"]);
    sheet.addRow(["春晖小区1栋", 1, 101, "Emma", 13800007777, "pregnant", "yes"]);
    const xlsx = path.join(dir, "residents.xlsx");
    await book.xlsx.writeFile(xlsx);
    expect(await runCli(["import", "residents", xlsx], env, capture().io)).toBe(0);
    expect((await residents(env.DATABASE_URL)).map((r) => [r.name, r.phone])).toEqual([
      ["Emma", "13800007777"],
    ]);

    const odd = path.join(dir, "residents.txt");
    writeFileSync(odd, "x");
    const failed = capture();
    expect(await runCli(["import", "residents", odd], env, failed.io)).toBe(1);
    expect(failed.err.join("\n")).toContain("residents.txt");
    expect(await runCli(["import", "people", odd], env, capture().io)).toBe(2);
  });
});
