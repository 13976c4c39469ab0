// GET /metrics in Prometheus's text format (prom-client). Counts are taken where the app wires the
// ports (decorators around the inbox, the outbox, the ticket repository and the understanding), so
// core and bot know nothing of Prometheus; queue and case gauges are read from the database when
// scraped (at most every 15 s).
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { InboxRepository, OutboxRepository } from "../core/conversation/conversation-ports";
import { ACTIVE_STATES } from "../core/tickets/ticket";
import type { TicketRepository } from "../core/tickets/ticket-repository";
import type { Understanding } from "../core/understanding/understanding";
import type { PrismaClient } from "../db/database";
import { overdueWhere } from "../db/repositories/ticket-row-mapping";
import type { CheckpointStats } from "../db/wal-checkpointer";

export class EgridMetrics {
  readonly registry = new Registry();
  private readonly messagesIn = new Counter({
    name: "egrid_messages_received_total",
    help: "Inbound messages stored (redeliveries not counted), by channel",
    labelNames: ["channel"],
    registers: [this.registry],
  });
  private readonly ticketsOpened = new Counter({
    name: "egrid_tickets_opened_total",
    help: "Tickets opened, by category (none: in triage); a duplicate, merged into an open case right after, counts too",
    labelNames: ["category"],
    registers: [this.registry],
  });
  private readonly confidence = new Histogram({
    name: "egrid_classification_confidence",
    help: "Confidence of the understood category of each message classified",
    buckets: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1],
    registers: [this.registry],
  });
  private readonly deliveries = new Counter({
    name: "egrid_outbox_delivery_failures_total",
    help: "Failed delivery attempts: retrying, or given up",
    labelNames: ["outcome"],
    registers: [this.registry],
  });
  private readonly jobSeconds = new Histogram({
    name: "egrid_job_duration_seconds",
    help: "Duration of scheduled jobs (deadline-sweep, daily-summary, …)",
    labelNames: ["job"],
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [this.registry],
  });

  /** `walCheckpoints`: SQLite's checkpoint worker (EgridDatabase.walCheckpoints); null on PostgreSQL. */
  constructor(
    prisma: PrismaClient,
    now: () => Date = () => new Date(),
    walCheckpoints: () => CheckpointStats | null = () => null,
  ) {
    const counts = cachedCounts(prisma, now);
    const registry = this.registry;
    if (walCheckpoints()) {
      new Gauge({
        name: "egrid_sqlite_wal_checkpointer_up",
        help: "1 while WAL checkpoints run in their worker thread; 0 once it stopped (commits then checkpoint inline)",
        registers: [registry],
        collect() {
          this.set(walCheckpoints()?.failure === null ? 1 : 0);
        },
      });
      new Gauge({
        name: "egrid_sqlite_wal_checkpointed_pages",
        help: "Pages the checkpoint worker copied from the WAL into the database file since start",
        registers: [registry],
        collect() {
          this.set(walCheckpoints()?.pages ?? 0);
        },
      });
    }
    new Gauge({
      name: "egrid_outbox_pending",
      help: "Replies waiting in the outbox",
      registers: [registry],
      async collect() {
        this.set((await counts()).pending);
      },
    });
    new Gauge({
      name: "egrid_outbox_failed",
      help: "Replies given up on (kept for a person to look at)",
      registers: [registry],
      async collect() {
        this.set((await counts()).failed);
      },
    });
    new Gauge({
      name: "egrid_tickets_open",
      help: "Tickets someone has to act on",
      registers: [registry],
      async collect() {
        this.set((await counts()).open);
      },
    });
    new Gauge({
      name: "egrid_tickets_overdue",
      help: "Open tickets past the deadline of their current clock",
      registers: [registry],
      async collect() {
        this.set((await counts()).overdue);
      },
    });
  }

  jobRan(job: string, ms: number): void {
    this.jobSeconds.observe({ job }, ms / 1000);
  }

  inbox(inner: InboxRepository): InboxRepository {
    const messagesIn = this.messagesIn;
    return {
      store: async (message, at) => {
        const stored = await inner.store(message, at);
        if (!stored.duplicate) messagesIn.inc({ channel: message.channel });
        return stored;
      },
      markProcessed: (id, outcome, at) => inner.markProcessed(id, outcome, at),
      markFailed: (id, error, at) => inner.markFailed(id, error, at),
      claimUnprocessed: (now, limit) => inner.claimUnprocessed(now, limit),
    };
  }

  outbox(inner: OutboxRepository): OutboxRepository {
    const deliveries = this.deliveries;
    return Object.assign(Object.create(inner) as OutboxRepository, {
      markAttemptFailed: async (id: string, error: string, retryAt: Date | null) => {
        deliveries.inc({ outcome: retryAt ? "retrying" : "given_up" });
        return inner.markAttemptFailed(id, error, retryAt);
      },
    });
  }

  tickets(inner: TicketRepository): TicketRepository {
    const opened = this.ticketsOpened;
    return Object.assign(Object.create(inner) as TicketRepository, {
      commit: async (changes: Parameters<TicketRepository["commit"]>[0]) => {
        const result = await inner.commit(changes);
        if (result.ok)
          for (const created of changes.creates) opened.inc({ category: created.categoryCode ?? "none" });
        return result;
      },
    });
  }

  understanding(inner: Understanding): Understanding {
    const confidence = this.confidence;
    return {
      understand: async (text, context) => {
        const understood = await inner.understand(text, context);
        if (understood.intent === "report") confidence.observe(understood.categoryConfidence);
        return understood;
      },
    };
  }
}

/** The database counts behind the gauges, read once per scrape and kept 15 s. */
function cachedCounts(prisma: PrismaClient, now: () => Date) {
  let cached: {
    at: number;
    value: Promise<{ pending: number; failed: number; open: number; overdue: number }>;
  } | null = null;
  return () => {
    const at = Date.now();
    if (!cached || at - cached.at > 15_000) {
      const moment = now();
      const active = { state: { in: [...ACTIVE_STATES] } };
      cached = {
        at,
        value: Promise.all([
          prisma.outboxMessage.count({ where: { status: "pending" } }),
          prisma.outboxMessage.count({ where: { status: "failed" } }),
          prisma.ticket.count({ where: active }),
          prisma.ticket.count({ where: overdueWhere(moment) }),
        ]).then(([pending, failed, open, overdue]) => ({ pending, failed, open, overdue })),
      };
      cached.value.catch(() => {
        cached = null;
      });
    }
    return cached.value;
  };
}
