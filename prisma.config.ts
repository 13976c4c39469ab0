// Prisma CLI configuration: the JS engine with the better-sqlite3 adapter, so no native
// schema engine is downloaded (see ../shared/dependency-notes.md).
import { mkdirSync } from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { defineConfig } from "prisma/config";

// The schema reads DATABASE_URL; without it the CLI falls back to downloading engines.
process.env.DATABASE_URL ??= "file:./data/egrid.db";
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join("db", "prisma", "schema.prisma"),
  migrations: { path: path.join("db", "prisma", "migrations") },
  adapter: async () => {
    // The default file lives in data/, which a fresh checkout does not have yet.
    if (url.startsWith("file:")) mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
    return new PrismaBetterSQLite3({ url });
  },
});
