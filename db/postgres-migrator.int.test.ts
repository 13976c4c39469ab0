// Migrating PostgreSQL: instances starting together migrate once, an edited migration stops start-up.
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { afterAll, describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { POSTGRES_MIGRATIONS_DIR, readMigrations } from "./migration-files";
import { migratePostgres } from "./postgres-migrator";
import { testPostgresUrl } from "./testing/temp-database";

const server = testPostgresUrl() ?? `postgresql://${userInfo().username}@127.0.0.1:5432/test`;
const schemas: string[] = [];

function freshSchema(): string {
  const schema = `m_${randomBytes(5).toString("hex")}`;
  schemas.push(schema);
  return schema;
}

afterAll(async () => {
  const client = new pg.Client({ connectionString: server });
  await client.connect();
  for (const schema of schemas) await client.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
  await client.end();
});

describe("PostgreSQL migrations", () => {
  it("three instances opening a new database at once apply each migration once", async () => {
    const url = `${server}?schema=${freshSchema()}`;
    const dbs = await Promise.all([openDatabase(url), openDatabase(url), openDatabase(url)]);
    const applied = dbs.flatMap((db) => db.migrations.applied);
    expect(applied).toEqual(readMigrations(POSTGRES_MIGRATIONS_DIR).map((m) => m.name));
    const rows = await dbs[0]!.prisma.$queryRawUnsafe<{ n: bigint }[]>(
      `SELECT count(*) AS n FROM "_prisma_migrations"`,
    );
    expect(Number(rows[0]!.n)).toBe(applied.length);
    // The tables are in the schema the URL named, and the client finds them there.
    expect(await dbs[1]!.prisma.place.count()).toBe(0);
    await Promise.all(dbs.map((db) => db.close()));
  });

  it("refuses to start when an applied migration was edited, and rolls back one that fails", async () => {
    const schema = freshSchema();
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    try {
      await client.query(`CREATE SCHEMA "${schema}"`);
      await client.query(`SET search_path TO "${schema}"`);
      const first = {
        name: "20260101000000_a",
        sql: `CREATE TABLE "A" ("id" TEXT PRIMARY KEY)`,
        checksum: "1",
      };
      expect((await migratePostgres(client, [first])).applied).toEqual(["20260101000000_a"]);
      await expect(migratePostgres(client, [{ ...first, checksum: "2" }])).rejects.toThrow(/changed after/);
      const broken = {
        name: "20260102000000_b",
        sql: `CREATE TABLE "B" ("id" TEXT); SELECT 1/0`,
        checksum: "3",
      };
      await expect(migratePostgres(client, [first, broken])).rejects.toThrow(/20260102000000_b failed/);
      const { rows } = await client.query(`SELECT to_regclass('"B"') AS b`);
      expect(rows[0].b).toBeNull();
    } finally {
      await client.end();
    }
  });

  it("names an unreachable server in the error", async () => {
    await expect(openDatabase("postgresql://nobody@127.0.0.1:1/none")).rejects.toThrow(
      /cannot reach PostgreSQL at postgresql:\/\/127\.0\.0\.1:1\/none/,
    );
  });
});
