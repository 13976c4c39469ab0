import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkSource, checkTree } from "./check-layers";

const root = "/repo";
const check = (file: string, text: string) =>
  checkSource(root, path.join(root, file), text).map((v) => v.message);

describe("the dependency rule check", () => {
  it("lets core import core and zod only", () => {
    expect(
      check(
        "core/a.ts",
        `import { z } from "zod";\nimport { x } from "./b";\nimport { y } from "../shared/c";`,
      ),
    ).toEqual([]);
    expect(check("core/tickets/a.ts", `import { PrismaClient } from "@prisma/client";`)).toEqual([
      `core imports "@prisma/client": core may import only core and zod (ports for the rest)`,
    ]);
    expect(check("core/a.ts", `import { Bot } from "grammy";`)).toHaveLength(1);
    expect(check("core/a.ts", `import { readFileSync } from "node:fs";`)).toHaveLength(1);
    expect(check("core/tickets/a.ts", `import { x } from "../../db/database";`)[0]).toContain("core imports");
    expect(check("core/a.ts", `const url = process.env.DATABASE_URL;`)[0]).toContain("process.env");
    expect(check("core/a.test.ts", `import { it } from "vitest";`)).toEqual([]);
  });

  it("keeps prompts, db and bot apart, and Prisma inside db", () => {
    expect(check("bot/a.ts", `import { openDatabase } from "../db/database";`)[0]).toContain(
      "never each other",
    );
    expect(check("db/a.ts", `import { x } from "../prompts/model";`)[0]).toContain("never each other");
    expect(check("prompts/a.ts", `import { x } from "../app/config";`)[0]).toContain("only app");
    expect(check("bot/a.ts", `import { Prisma } from "@prisma/client";`)[0]).toContain(
      "only db/ knows Prisma",
    );
    expect(
      check(
        "db/a.ts",
        `import { PrismaClient } from "@prisma/client";\nimport { ok } from "../core/shared/result";`,
      ),
    ).toEqual([]);
    expect(check("app/a.ts", `import { x } from "../db/database";\nimport { y } from "../bot/z";`)).toEqual(
      [],
    );
  });

  it("finds no violation in this repository", () => {
    expect(checkTree(path.resolve(import.meta.dirname, ".."))).toEqual([]);
  });
});
