import type {
  Broadcast,
  BroadcastAnswer,
  BroadcastProgress,
  BroadcastRecipient,
  BroadcastRepository,
  PersonTarget,
  UnreachedHousehold,
} from "../../core/broadcast/broadcast-ports";
import type { OutboundMessage } from "../../core/conversation/inbound-message";
import type { VulnerableTag } from "../../core/registry/resident";
import type { PrismaClient } from "../generated/client";
import { chunks } from "./chunks";

const causedByOf = (broadcastId: string) => `broadcast:${broadcastId}`;
const outboxIdOf = (recipientId: string) => `bc-${recipientId}`;

/** Another instance queued one of this batch's recipients first: the batch rolls back. */
class RecipientTaken extends Error {}

export class PrismaBroadcasts implements BroadcastRepository {
  constructor(private readonly prisma: PrismaClient) {}

  async groupsUnder(scopePath: string): Promise<{ channel: string; chatId: string }[]> {
    const places = await this.placeIdsUnder(scopePath);
    const groups: { channel: string; chatId: string }[] = [];
    for (const ids of chunks(places)) {
      groups.push(
        ...(await this.prisma.groupChat.findMany({
          where: { placeId: { in: ids } },
          select: { channel: true, chatId: true },
          orderBy: [{ channel: "asc" }, { chatId: "asc" }],
        })),
      );
    }
    return groups;
  }

  async linkedResidentsUnder(scopePath: string): Promise<PersonTarget[]> {
    const residents = await this.prisma.resident.findMany({
      where: { placePath: { startsWith: scopePath }, leftAt: null },
      select: { id: true, personId: true, householdId: true },
    });
    const targets: PersonTarget[] = residents
      .filter((r) => r.personId !== null)
      .map((r) => ({ personId: r.personId!, householdId: r.householdId }));
    const householdOf = new Map(residents.map((r) => [r.id, r.householdId]));
    for (const ids of chunks([...householdOf.keys()])) {
      const family = await this.prisma.welfareEnrollment.findMany({
        where: { residentId: { in: ids }, active: true, personId: { not: null } },
        select: { residentId: true, personId: true },
      });
      for (const f of family) {
        targets.push({ personId: f.personId!, householdId: householdOf.get(f.residentId) ?? null });
      }
    }
    return targets;
  }

  async volunteersUnder(scopePath: string): Promise<PersonTarget[]> {
    const places = await this.placeIdsUnder(scopePath);
    const people = new Set<string>();
    for (const ids of chunks(places)) {
      const grants = await this.prisma.roleGrant.findMany({
        where: { role: { in: ["volunteer", "grid_worker"] }, placeId: { in: ids } },
        select: { personId: true },
      });
      for (const g of grants) people.add(g.personId);
    }
    const households = new Map<string, string>();
    for (const ids of chunks([...people])) {
      const rows = await this.prisma.resident.findMany({
        where: { personId: { in: ids }, leftAt: null },
        select: { personId: true, householdId: true },
      });
      for (const r of rows) households.set(r.personId!, r.householdId);
    }
    return [...people].map((personId) => ({ personId, householdId: households.get(personId) ?? null }));
  }

  async create(broadcast: Broadcast, recipients: readonly BroadcastRecipient[]): Promise<void> {
    await this.prisma.$transaction(
      async (tx) => {
        await tx.broadcast.create({ data: { ...broadcast, queuedAt: null } });
        for (const part of chunks(recipients)) await tx.broadcastRecipient.createMany({ data: [...part] });
      },
      { maxWait: 10_000, timeout: 5 * 60_000 },
    );
  }

  async get(id: string): Promise<Broadcast | null> {
    const row = await this.prisma.broadcast.findUnique({ where: { id } });
    return row ? toBroadcast(row) : null;
  }

  async unfinished(): Promise<Broadcast[]> {
    const rows = await this.prisma.broadcast.findMany({
      where: { status: "queueing" },
      orderBy: { createdAt: "asc" },
    });
    return rows.map(toBroadcast);
  }

  async queueBatch(
    broadcastId: string,
    channel: string,
    limit: number,
    render: (recipient: BroadcastRecipient) => OutboundMessage,
    at: Date,
  ): Promise<number> {
    if (limit <= 0) return 0;
    try {
      return await this.prisma.$transaction(
        async (tx) => {
          const batch = await tx.broadcastRecipient.findMany({
            where: { broadcastId, channel, queuedAt: null },
            orderBy: { id: "asc" },
            take: limit,
          });
          if (batch.length === 0) return 0;
          // One outbox row per recipient, its id derived from the recipient's: queuing one twice
          // would break the outbox's primary key even if the guard below were bypassed.
          const rows = batch.map((recipient) => {
            const message = render(recipient as BroadcastRecipient);
            return {
              id: outboxIdOf(recipient.id),
              channel: message.channel,
              chatId: message.chatId,
              payload: JSON.stringify(message),
              ticketId: null,
              causedBy: causedByOf(broadcastId),
              status: "pending",
              attempts: 0,
              nextAttemptAt: at,
              createdAt: at,
            };
          });
          await tx.outboxMessage.createMany({ data: rows });
          // In chunks: the drivers cap the parameters of one statement (SQLite's at 999).
          for (const part of chunks(batch.map((r) => r.id))) {
            const { count } = await tx.broadcastRecipient.updateMany({
              where: { id: { in: part }, queuedAt: null },
              data: { queuedAt: at },
            });
            if (count !== part.length) throw new RecipientTaken();
          }
          return batch.length;
        },
        { maxWait: 10_000, timeout: 60_000 },
      );
    } catch (error) {
      // Another instance queued some of this batch first (its outbox rows exist, or its marks).
      if (error instanceof RecipientTaken || (error as { code?: string }).code === "P2002") return 0;
      throw error;
    }
  }

  async channelsLeft(broadcastId: string): Promise<string[]> {
    const rows = await this.prisma.broadcastRecipient.findMany({
      where: { broadcastId, queuedAt: null },
      distinct: ["channel"],
      select: { channel: true },
    });
    return rows.map((r) => r.channel).sort();
  }

  async markQueued(broadcastId: string, at: Date): Promise<void> {
    await this.prisma.broadcast.updateMany({
      where: { id: broadcastId, status: "queueing" },
      data: { status: "queued", queuedAt: at },
    });
  }

  async respond(
    broadcastId: string,
    personId: string,
    householdId: string | null,
    answer: BroadcastAnswer,
    at: Date,
  ): Promise<void> {
    await this.prisma.broadcastResponse.upsert({
      where: { broadcastId_personId: { broadcastId, personId } },
      create: { broadcastId, personId, householdId, answer, at },
      update: { answer, at, householdId },
    });
  }

  async progress(broadcastId: string): Promise<BroadcastProgress> {
    const [recipients, queued, byStatus, responses, households] = await Promise.all([
      this.prisma.broadcastRecipient.count({ where: { broadcastId } }),
      this.prisma.broadcastRecipient.count({ where: { broadcastId, queuedAt: { not: null } } }),
      this.prisma.outboxMessage.groupBy({
        by: ["status"],
        where: { causedBy: causedByOf(broadcastId) },
        _count: { _all: true },
      }),
      this.prisma.broadcastResponse.groupBy({
        by: ["answer"],
        where: { broadcastId },
        _count: { _all: true },
      }),
      this.prisma.broadcastResponse.findMany({
        where: { broadcastId, householdId: { not: null } },
        distinct: ["householdId"],
        select: { householdId: true },
      }),
    ]);
    const statusCount = (s: string) => byStatus.find((b) => b.status === s)?._count._all ?? 0;
    const answers = { ack: 0, yes: 0, no: 0 } as Record<BroadcastAnswer, number>;
    for (const r of responses) answers[r.answer as BroadcastAnswer] = r._count._all;
    return {
      recipients,
      queued,
      sent: statusCount("sent"),
      failed: statusCount("failed"),
      acknowledgedHouseholds: households.length,
      answers,
    };
  }

  async unreachedHouseholds(
    broadcastId: string,
    scopePath: string,
    limit: number,
  ): Promise<{ total: number; households: UnreachedHousehold[] }> {
    const acked = new Set(
      (
        await this.prisma.broadcastResponse.findMany({
          where: { broadcastId, householdId: { not: null } },
          select: { householdId: true },
        })
      ).map((r) => r.householdId!),
    );
    const rows = await this.prisma.household.findMany({
      where: { buildingPath: { startsWith: scopePath }, residents: { some: { leftAt: null } } },
      include: { residents: { where: { leftAt: null }, include: { tags: true }, orderBy: { name: "asc" } } },
    });
    const open = rows
      .filter((h) => !acked.has(h.id))
      .map((h) => ({
        household: h,
        weight: h.residents.reduce(
          (n, r) => n + r.tags.length + (r.tags.some((t) => t.tag === "elderly_alone") ? 10 : 0),
          0,
        ),
      }))
      // Vulnerable first (living alone weighs most), then by address so a worker can walk the list.
      .sort(
        (a, b) =>
          b.weight - a.weight ||
          a.household.buildingPath.localeCompare(b.household.buildingPath) ||
          a.household.unit.localeCompare(b.household.unit) ||
          a.household.room.localeCompare(b.household.room, undefined, { numeric: true }),
      );
    return {
      total: open.length,
      households: open.slice(0, limit).map(({ household: h }) => ({
        householdId: h.id,
        buildingId: h.buildingId,
        unit: h.unit || null,
        room: h.room,
        residents: h.residents.map((r) => ({
          id: r.id,
          name: r.name,
          phone: r.phone,
          tags: r.tags.map((t) => t.tag as VulnerableTag),
        })),
      })),
    };
  }

  async recent(scopePath: string, limit: number): Promise<Broadcast[]> {
    const rows = await this.prisma.broadcast.findMany({
      where: {
        OR: [{ placePath: { startsWith: scopePath } }, { placePath: { in: ancestorPaths(scopePath) } }],
      },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      take: limit,
    });
    return rows.map(toBroadcast);
  }

  private async placeIdsUnder(scopePath: string): Promise<string[]> {
    const rows = await this.prisma.place.findMany({
      where: { path: { startsWith: scopePath } },
      select: { id: true },
    });
    return rows.map((r) => r.id);
  }
}

function toBroadcast(row: {
  id: string;
  authorId: string;
  placeId: string;
  placePath: string;
  kind: string;
  text: string;
  askAck: boolean;
  status: string;
  recipients: number;
  createdAt: Date;
}): Broadcast {
  return {
    id: row.id,
    authorId: row.authorId,
    placeId: row.placeId,
    placePath: row.placePath,
    kind: row.kind === "duty_call" ? "duty_call" : "notice",
    text: row.text,
    askAck: row.askAck,
    status: row.status === "queued" ? "queued" : "queueing",
    recipients: row.recipients,
    createdAt: row.createdAt,
  };
}

/** "/d/s/c/" → ["/d/", "/d/s/"]: the places above, whose broadcasts reached this one too. */
function ancestorPaths(path: string): string[] {
  const ids = path.split("/").filter(Boolean);
  return ids.slice(0, -1).map((_, i) => `/${ids.slice(0, i + 1).join("/")}/`);
}
