// Make the next migration for both databases: diff each one's newest schema snapshot against the
// current schema with `prisma migrate diff` (Prisma 6's JS engine cannot diff from migrations or a
// URL here), then store the SQL and a new snapshot. The PostgreSQL schema is regenerated from the
// SQLite one first. Usage: npm run db:migration -- <name>
import { execFileSync } from "node:child_process";
import { copyFileSync, mkdirSync, readdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from "./migration-files";
import { SQLITE_SCHEMA, writePostgresSchema } from "./postgres-schema";

const SNAPSHOT = "schema.snapshot.prisma";

interface Target {
  readonly dir: string;
  readonly schema: string;
  /** Extra CLI arguments (the PostgreSQL config, which `migrate diff` connects through). */
  readonly cli: string[];
}

const name = process.argv[2];
if (!name || !/^[a-z0-9_]+$/.test(name)) {
  process.stderr.write("usage: npm run db:migration -- <name in snake_case>\n");
  process.exit(2);
}
const targets: Target[] = [
  { dir: MIGRATIONS_DIR, schema: SQLITE_SCHEMA, cli: [] },
  {
    dir: POSTGRES_MIGRATIONS_DIR,
    schema: writePostgresSchema(),
    cli: ["--config", path.join("db", "prisma", "postgresql", "prisma.config.ts")],
  },
];
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
for (const target of targets) {
  const latest = readdirSync(target.dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1);
  const from = latest
    ? ["--from-schema-datamodel", path.join(target.dir, latest, SNAPSHOT)]
    : ["--from-empty"];
  const sql = execFileSync(
    "npx",
    ["prisma", "migrate", "diff", ...target.cli, ...from, "--to-schema-datamodel", target.schema, "--script"],
    { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] },
  );
  if (!/\b(CREATE|ALTER|DROP)\b/.test(sql)) {
    process.stdout.write(`${path.relative(process.cwd(), target.dir)}: the schema has not changed\n`);
    continue;
  }
  const folder = path.join(target.dir, `${stamp}_${name}`);
  mkdirSync(folder);
  // Egrid's schema is chosen by the connection's search path, never hard-coded in a migration.
  writeFileSync(
    path.join(folder, "migration.sql"),
    sql.replace(/-- CreateSchema\nCREATE SCHEMA[^\n]*\n\n?/, ""),
  );
  copyFileSync(target.schema, path.join(folder, SNAPSHOT));
  process.stdout.write(`wrote ${path.relative(process.cwd(), folder)}/migration.sql\n`);
}
