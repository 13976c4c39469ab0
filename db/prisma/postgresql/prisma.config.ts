// Prisma CLI configuration for PostgreSQL (`npx prisma … --config db/prisma/postgresql/prisma.config.ts`):
// the JS engine with the pg adapter. Only `generate` and `migrate diff` are used with it; egrid
// applies the migrations itself (db/postgres-migrator.ts), as Prisma 6's JS engine cannot here.
import { userInfo } from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import { defineConfig } from "prisma/config";

// `migrate diff` connects through the adapter even between two schema files: any reachable database does.
process.env.DATABASE_URL ??= `postgresql://${userInfo().username}@127.0.0.1:5432/postgres`;
const url = process.env.DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  engine: "js",
  schema: path.join(import.meta.dirname, "schema.prisma"),
  migrations: { path: path.join(import.meta.dirname, "migrations") },
  adapter: async () => new PrismaPg({ connectionString: url }),
});
