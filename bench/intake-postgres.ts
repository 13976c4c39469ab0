// intake_pg_msgs_per_s: the same pipeline as intake_msgs_per_s (inbound message → inbox →
// offline understanding → duplicates → route → ticket and events → reply in the outbox), on
// PostgreSQL through the pg adapter, in a schema of its own that is dropped afterwards.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { openDatabase } from "../db/database";
import { seedDemoDistrict } from "../db/seed/seed-database";
import { buildApp } from "./app-under-test";
import type { FigurePrinter } from "./figures";
import { progress } from "./figures";
import type { BenchMessage, BenchResident } from "./generate-messages";
import { receiveTimed, TICKETED } from "./intake";
import { percentile, round } from "./stats";

export async function postgresIntakePhase(options: {
  printer: FigurePrinter;
  serverUrl: string;
  dbFile: string;
  modelFile: string;
  residents: readonly BenchResident[];
  messages: readonly BenchMessage[];
  warmup: number;
  start: Date;
  intervalMs: number;
}): Promise<void> {
  const { printer } = options;
  const admin = new pg.Client({ connectionString: options.serverUrl });
  try {
    await admin.connect();
  } catch (error) {
    printer.skipped("intake_pg_msgs_per_s", `PostgreSQL not reachable: ${(error as Error).message}`, {
      server: options.serverUrl.replace(/:[^:@/]*@/, ":…@"),
    });
    return;
  }
  const schema = `bench_${randomBytes(4).toString("hex")}`;
  const url = `${options.serverUrl}${options.serverUrl.includes("?") ? "&" : "?"}schema=${schema}`;
  try {
    progress(
      `PostgreSQL intake: ${options.messages.length - options.warmup} timed messages in schema ${schema}`,
    );
    await prepare(url, options.residents, options.start);
    const app = await buildApp({
      dbFile: options.dbFile,
      databaseUrl: url,
      modelFile: options.modelFile,
      start: options.start,
    });
    const latencies = new Map<string, number>();
    let started = 0;
    try {
      for (const [i, m] of options.messages.entries()) {
        if (i === options.warmup) started = performance.now();
        const { inboxId, ms } = await receiveTimed(
          app,
          m,
          new Date(options.start.getTime() + i * options.intervalMs),
        );
        if (i >= options.warmup) latencies.set(inboxId, ms);
      }
      const seconds = (performance.now() - started) / 1000;
      // Counted from the rows, as on SQLite: processed, a ticket written, a reply in the outbox.
      const rows = await app.egrid.db.prisma.inboxMessage.findMany({
        where: { id: { in: [...latencies.keys()] } },
        select: { id: true, outcome: true, processedAt: true },
      });
      const ticketIds = new Set(
        (
          await app.egrid.db.prisma.ticket.findMany({
            where: { sourceKey: { in: rows.map((r) => `inbox:${r.id}`) } },
            select: { sourceKey: true },
          })
        ).map((t) => t.sourceKey),
      );
      const replied = new Set(
        (
          await app.egrid.db.prisma.outboxMessage.findMany({
            where: { causedBy: { in: rows.map((r) => r.id) } },
            select: { causedBy: true },
            distinct: ["causedBy"],
          })
        ).map((o) => o.causedBy),
      );
      const ticketedMs = rows
        .filter(
          (r) =>
            r.processedAt &&
            (TICKETED as readonly string[]).includes(r.outcome ?? "") &&
            (ticketIds.has(`inbox:${r.id}`) || r.outcome === "ticket_merged") &&
            replied.has(r.id),
        )
        .map((r) => latencies.get(r.id)!);
      printer.figure("intake_pg_msgs_per_s", ticketedMs.length / seconds, "msgs/s", {
        counts: "as intake_msgs_per_s, on PostgreSQL 127.0.0.1 through @prisma/adapter-pg, one run",
        timed: latencies.size,
        ticketed: ticketedMs.length,
        all_msgs_per_s: round(latencies.size / seconds, 1),
        p50_ms: round(percentile(ticketedMs, 0.5), 1),
        p99_ms: round(percentile(ticketedMs, 0.99), 1),
      });
    } finally {
      await app.close();
    }
  } finally {
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`).catch(() => {});
    await admin.end();
  }
}

/** Migrate, seed the demo district and register the generated residents, as the SQLite template. */
async function prepare(url: string, residents: readonly BenchResident[], at: Date): Promise<void> {
  const db = await openDatabase(url);
  try {
    await seedDemoDistrict(db.prisma, at);
    const registered = new Date(at.getTime() - 24 * 3600_000);
    const chunks = <T>(items: readonly T[]) =>
      Array.from({ length: Math.ceil(items.length / 1000) }, (_, i) => items.slice(i * 1000, (i + 1) * 1000));
    for (const part of chunks(residents)) {
      await db.prisma.person.createMany({
        data: part.map((r) => ({
          id: r.personId,
          name: r.name,
          locale: "zh-CN",
          homePlaceId: r.homeId,
          onDuty: true,
          createdAt: registered,
        })),
      });
      await db.prisma.roleGrant.createMany({
        data: part.map((r) => ({
          id: `grant-${r.personId}`,
          personId: r.personId,
          role: "resident",
          placeId: r.homeId,
        })),
      });
      await db.prisma.chatIdentity.createMany({
        data: part.map((r) => ({
          channel: "playground",
          externalId: r.externalId,
          personId: r.personId,
          createdAt: registered,
        })),
      });
    }
  } finally {
    await db.close();
  }
}
