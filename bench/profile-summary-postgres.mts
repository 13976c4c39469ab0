// A street's daily summary on PostgreSQL, each SummaryRepository call timed: the demo district
// and `tickets` tickets (a tenth open over the last 60 days, the rest finished over two years)
// generated in SQL in a schema of its own, dropped at the end. The shape of bench/ticket-corpus.ts,
// without timelines. Usage: npx tsx bench/profile-summary-postgres.mts [tickets] [postgresql://…]
import { randomBytes } from "node:crypto";
import { userInfo } from "node:os";
import pg from "pg";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { profileStreetSummary } from "./profile-street-summary";

const total = Number(process.argv[2] ?? 1_000_000);
const server = process.argv[3] ?? `postgresql://${userInfo().username}@127.0.0.1:5432/test`;
const schema = `bench_summary_${randomBytes(4).toString("hex")}`;
const url = `${server}${server.includes("?") ? "&" : "?"}schema=${schema}`;
const at = new Date(new Date("2026-12-01T00:00:00Z").getTime() + 26 * 3600_000);
const atSql = `timestamp '${at.toISOString().slice(0, 23).replace("T", " ")}'`;

const admin = new pg.Client({ connectionString: server });
await admin.connect();
try {
  const db = await openDatabase(url);
  await seedDemoDistrict(db.prisma, new Date(at.getTime() - 740 * 86_400_000));
  await db.close();
  const started = performance.now();
  await admin.query(`SET search_path = ${schema}`);
  // Every tenth ticket open (dispatched, accepted, resolved or triage), the rest closed, merged or
  // cancelled; places spread over the demo district's grids and buildings.
  await admin.query(`
    INSERT INTO "Ticket" ("id", "number", "state", "version", "reporterId", "placeId", "placePath",
      "categoryCode", "priority", "level", "supporterCount", "sourceChannel", "originalText", "media",
      "createdAt", "updatedAt", "resolvedAt", "closedAt", "signForDeadline", "resolveDeadline")
    SELECT 't-' || g, '2024-' || lpad(g::text, 7, '0'), x.state, 1, 'p-bench', pl.ids[1 + g % n], pl.paths[1 + g % n],
      (ARRAY['lighting', 'garbage', 'noise', 'drainage', 'parking'])[1 + (g / 7) % 5], 'normal', 'grid', 0,
      'bench', 'text', '[]', x.created, x.created,
      CASE WHEN x.state IN ('resolved', 'closed') THEN x.created + interval '2 day' END,
      CASE WHEN x.state IN ('closed', 'cancelled', 'merged') THEN x.created + interval '3 day' END,
      x.created + interval '1 hour', x.created + interval '3 day'
    FROM generate_series(1, ${total}) AS g
    CROSS JOIN (SELECT array_agg("id" ORDER BY "id") AS ids, array_agg("path" ORDER BY "id") AS paths,
      count(*)::int AS n FROM "Place" WHERE "level" IN ('building', 'grid')) AS pl
    CROSS JOIN LATERAL (SELECT
      CASE WHEN g % 10 = 0
        THEN (ARRAY['dispatched', 'dispatched', 'accepted', 'accepted', 'resolved', 'triage'])[1 + (g / 10) % 6]
        ELSE (ARRAY['closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'closed', 'merged', 'cancelled'])[1 + g % 9]
      END AS state,
      ${atSql} - random() * (CASE WHEN g % 10 = 0 THEN interval '60 day' ELSE interval '730 day' END) AS created) AS x`);
  await admin.query(`ANALYZE "Ticket"`);
  process.stdout.write(`${total} tickets generated in ${Math.round(performance.now() - started)} ms\n`);

  await profileStreetSummary(url, at);
} finally {
  await admin.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await admin.end();
}
