import { parseArgs } from "node:util";
import { checkResidentRows } from "../core/registry/import-rows";
import { importResidents } from "../core/registry/keep-registry";
import { yearIn } from "../core/shared/clock";
import { openDatabase } from "../db/database";
import { PrismaGovernanceDirectory } from "../db/repositories/prisma-directory";
import { PrismaAuditLog, PrismaRegistry } from "../db/repositories/prisma-registry";
import { ReferenceCache } from "../db/repositories/reference-cache";
import type { Config } from "./config";
import { readSpreadsheet } from "./spreadsheet-file";
import { systemClock, uuidIds } from "./system-clock";

export const IMPORT_USAGE = `egrid import residents <file.csv|file.xlsx> [--skip-invalid] [--by <person id>]
  Households and residents, one per row (楼栋 单元 房号 姓名 电话 身份证号 出生年份/年龄 标签 紧急联系人 紧急联系电话 同意 备注).
  Every row is checked first; any refused row stops the import (nothing is written) unless
  --skip-invalid, which imports the others. Either way it is one transaction: all or nothing.`;

/** `egrid import residents FILE`: the registry from a spreadsheet, with a report row by row. */
export async function importCommand(
  config: Config,
  args: string[],
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const [what, ...rest] = args;
  let parsed: ReturnType<typeof parseOptions>;
  try {
    parsed = parseOptions(rest);
  } catch (error) {
    io.err(`${(error as Error).message}\n${IMPORT_USAGE}`);
    return 2;
  }
  const file = parsed.positionals[0];
  if (what !== "residents" || !file || parsed.positionals.length !== 1) {
    io.err(IMPORT_USAGE);
    return 2;
  }
  let sheet: Awaited<ReturnType<typeof readSpreadsheet>>;
  try {
    sheet = await readSpreadsheet(file);
  } catch (error) {
    io.err((error as Error).message);
    return 1;
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const registry = new PrismaRegistry(db.prisma);
    const now = systemClock.now();
    const check = checkResidentRows(sheet.header, sheet.rows, await registry.buildings(), {
      currentYear: yearIn(now, config.EGRID_TIME_ZONE),
    });
    if (check.unknownColumns.length > 0)
      io.out(`忽略的列 (ignored columns): ${check.unknownColumns.join(", ")}`);
    for (const refused of check.refused) {
      io.out(
        `第${refused.rowNumber}行 (row ${refused.rowNumber})${refused.column ? ` [${refused.column}]` : ""}: ${refused.reason}`,
      );
    }
    if (check.refused.length > 0 && !parsed.values["skip-invalid"]) {
      io.err(
        `${check.refused.length} 行有误，未导入任何数据 (${check.refused.length} rows refused; nothing imported). Fix them, or use --skip-invalid.`,
      );
      return 1;
    }
    if (check.accepted.length === 0) {
      io.err("没有可导入的行 (no rows to import)");
      return 1;
    }
    const result = await importResidents(
      {
        registry,
        audit: new PrismaAuditLog(db.prisma),
        places: new PrismaGovernanceDirectory(db.prisma, new ReferenceCache(0)),
        clock: systemClock,
        ids: uuidIds,
        timeZone: config.EGRID_TIME_ZONE,
      },
      check.accepted.map((row) => row.input),
      parsed.values.by ?? null,
      file,
    );
    io.out(
      `导入完成 (imported): 新增 ${result.created} (created), 更新 ${result.updated} (updated), 拒绝 ${check.refused.length} (refused)`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

function parseOptions(args: string[]) {
  return parseArgs({
    args,
    options: { "skip-invalid": { type: "boolean" }, by: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
}
