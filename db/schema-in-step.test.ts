// Both databases have the same models, and each one's migrations reach the current schema: the
// PostgreSQL schema is generated from SQLite's, and the newest migration of each was made from it.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { MIGRATIONS_DIR, POSTGRES_MIGRATIONS_DIR } from "./migration-files";
import { POSTGRES_SCHEMA, postgresSchemaFrom, SQLITE_SCHEMA } from "./postgres-schema";

function newestSnapshot(dir: string): string {
  const newest = readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort()
    .at(-1)!;
  return readFileSync(path.join(dir, newest, "schema.snapshot.prisma"), "utf8");
}

describe("the schemas and migrations of both databases", () => {
  const sqlite = readFileSync(SQLITE_SCHEMA, "utf8");
  const postgres = readFileSync(POSTGRES_SCHEMA, "utf8");

  it("the PostgreSQL schema is the SQLite one with another datasource (run `npm run db:migration`)", () => {
    expect(postgres).toBe(postgresSchemaFrom(sqlite));
    expect(postgres).toContain('provider = "postgresql"');
  });

  it("the newest migration of each database was made from the current schema", () => {
    expect(newestSnapshot(MIGRATIONS_DIR)).toBe(sqlite);
    expect(newestSnapshot(POSTGRES_MIGRATIONS_DIR)).toBe(postgres);
  });

  it("refuses a schema whose datasource it does not recognise", () => {
    expect(() => postgresSchemaFrom(sqlite.replace('provider = "sqlite"', 'provider = "mysql"'))).toThrow(
      /expected/,
    );
  });
});
