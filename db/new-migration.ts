// Make the next migration: diff the schema snapshot of the newest migration against the current
// schema with `prisma migrate diff` (Prisma 6's JS engine cannot diff from migrations or a URL here),
// then store the SQL and a new snapshot. Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR } from "./sqlite-migrator";

const SCHEMA = path.join(import.meta.dirname, "prisma", "schema.prisma");
const SNAPSHOT = "schema.snapshot.prisma";

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:migration -- <name in snake_case>\n");
  process.exit(2);
}
const latest = readdirSync(MIGRATIONS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort()
  .at(-1);
const from = latest
  ? ["--from-schema-datamodel", path.join(MIGRATIONS_DIR, latest, SNAPSHOT)]
  : ["--from-empty"];
const sql = execFileSync(
  "npx",
  ["prisma", "migrate", "diff", ...from, "--to-schema-datamodel", SCHEMA, "--script"],
  {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "inherit"],
  },
);
if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
  process.stdout.write("the schema has not changed since the last migration\n");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const folder = path.join(MIGRATIONS_DIR, `${stamp}_${name}`);
mkdirSync(folder);
writeFileSync(path.join(folder, "migration.sql"), sql);
copyFileSync(SCHEMA, path.join(folder, SNAPSHOT));
process.stdout.write(`wrote ${path.relative(process.cwd(), folder)}/migration.sql\n`);
