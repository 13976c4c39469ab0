import { defineConfig } from "vitest/config";

// The repository and engine tests, and the app's end-to-end flows, run twice: on SQLite (the
// embedded default) and on the machine's PostgreSQL (EGRID_TEST_DATABASE, see db/testing).
const ON_BOTH_DATABASES = [
  "db/repositories/*.int.test.ts",
  "db/seed/*.int.test.ts",
  "app/ticket-lifecycle.int.test.ts",
  "app/playground.int.test.ts",
  "app/points.int.test.ts",
  "app/bookings.int.test.ts",
  "app/open311.int.test.ts",
  "app/registry.int.test.ts",
  "app/warnings.int.test.ts",
  "app/board.int.test.ts",
];
// Need a PostgreSQL server whatever the project.
const POSTGRES_ONLY = ["db/postgres-migrator.int.test.ts", "app/two-instances.int.test.ts"];
// Fill a SQLite file with the driver directly (a million rows), so they are SQLite's alone.
const SQLITE_ONLY = ["db/repositories/sweep-at-scale.int.test.ts"];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: { name: "sqlite", include: ["{core,db,prompts,bot,app}/**/*.test.ts"], exclude: POSTGRES_ONLY },
      },
      {
        extends: true,
        test: {
          name: "postgresql",
          include: [...ON_BOTH_DATABASES, ...POSTGRES_ONLY],
          exclude: SQLITE_ONLY,
          env: { EGRID_TEST_DATABASE: process.env.EGRID_TEST_POSTGRES_URL ?? "postgresql" },
        },
      },
    ],
  },
});
