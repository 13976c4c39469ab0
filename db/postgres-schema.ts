// The PostgreSQL schema is the SQLite schema with another datasource and client folder: one source
// of truth (db/prisma/schema.prisma), so both databases have the same models. `npm run db:migration`
// rewrites it; a test fails when it is stale. Usage: tsx db/postgres-schema.ts
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.join(import.meta.dirname, "prisma", "schema.prisma");
export const POSTGRES_SCHEMA = path.join(import.meta.dirname, "prisma", "postgresql", "schema.prisma");

const HEADER =
  "// GENERATED from ../schema.prisma by db/postgres-schema.ts: edit that file, then run `npm run db:migration`.\n";

/** The PostgreSQL variant of the schema text; throws if the expected lines moved. */
export function postgresSchemaFrom(sqliteSchema: string): string {
  const replace = (text: string, from: RegExp, to: string) => {
    if (!from.test(text))
      throw new Error(`schema.prisma: expected ${from} (did the generator or datasource change?)`);
    return text.replace(from, to);
  };
  let text = replace(sqliteSchema, /provider = "sqlite"/, 'provider = "postgresql"');
  text = replace(
    text,
    /output(\s+)= "\.\.\/generated\/client"/,
    'output$1= "../../generated/postgresql-client"',
  );
  return HEADER + text;
}

export function writePostgresSchema(): string {
  const text = postgresSchemaFrom(readFileSync(SQLITE_SCHEMA, "utf8"));
  writeFileSync(POSTGRES_SCHEMA, text);
  return POSTGRES_SCHEMA;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  process.stdout.write(`wrote ${path.relative(process.cwd(), writePostgresSchema())}\n`);
}
