import type { Person } from "../../core/people/person";
import type { HandlerCandidate } from "../../core/tickets/governance-directory";
import { ACTIVE_STATES, type TicketLevel } from "../../core/tickets/ticket";
import { HANDLER_ROLE } from "../../core/tickets/ticket-permissions";
import type { PrismaClient } from "../generated/client";
import type { SqliteConnection } from "../sqlite-connection";
import { sqliteTimestamp } from "../sqlite-timestamp";
import { PrismaChatDirectory } from "./prisma-chat-directory";
import { PrismaPeopleDirectory } from "./prisma-directory";
import type { ReferenceCache } from "./reference-cache";

/**
 * People on SQLite's prepared statements for what every message asks (the sender, the worker a
 * case goes to, who is on duty and how loaded); changes stay on Prisma.
 */
export class SqlitePeopleDirectory extends PrismaPeopleDirectory {
  constructor(
    prisma: PrismaClient,
    private readonly sqlite: SqliteConnection,
    cache: ReferenceCache,
    rememberMs: number,
  ) {
    super(prisma, cache, rememberMs);
  }

  protected override async readPerson(id: string): Promise<Person | null> {
    const row = await this.sqlite.run((sql) => {
      const person = sql
        .prepare(`SELECT "id", "name", "locale", "homePlaceId" FROM "Person" WHERE "id" = ?`)
        .get(id) as { id: string; name: string; locale: string; homePlaceId: string | null } | undefined;
      if (!person) return null;
      const grants = sql
        .prepare(
          `SELECT "role", "placeId", "departmentId" FROM "RoleGrant" WHERE "personId" = ? ORDER BY rowid`,
        )
        .all(id) as { role: string; placeId: string; departmentId: string | null }[];
      return { ...person, grants };
    });
    return row ? this.toPerson(row) : null;
  }

  override handlersOf(unit: {
    level: string;
    unitPlaceId: string | null;
    departmentId: string | null;
  }): Promise<HandlerCandidate[]> {
    const role = HANDLER_ROLE[unit.level as TicketLevel];
    if (!role) return Promise.resolve([]);
    const byDepartment = unit.level === "department";
    return this.sqlite.run((sql) => {
      const grants = sql
        .prepare(
          `SELECT g."personId", p."onDuty" FROM "RoleGrant" g JOIN "Person" p ON p."id" = g."personId"
           WHERE g."role" = ? AND g."${byDepartment ? "departmentId" : "placeId"}" = ? ORDER BY g.rowid`,
        )
        .all(role, (byDepartment ? unit.departmentId : unit.unitPlaceId) ?? "") as {
        personId: string;
        onDuty: number;
      }[];
      if (grants.length === 0) return [];
      const ids = [...new Set(grants.map((g) => g.personId))];
      // One statement per number of handlers (a unit has a handful), so it is prepared once each.
      const open = sql
        .prepare(
          `SELECT "assigneeId", COUNT(*) AS "open" FROM "Ticket"
           WHERE "assigneeId" IN (${ids.map(() => "?").join(", ")})
             AND "state" IN (${ACTIVE_STATES.map(() => "?").join(", ")})
           GROUP BY "assigneeId"`,
        )
        .all(...ids, ...ACTIVE_STATES) as { assigneeId: string; open: number }[];
      const openOf = new Map(open.map((row) => [row.assigneeId, row.open]));
      return ids.map((personId) => ({
        personId,
        onDuty: grants.find((g) => g.personId === personId)!.onDuty === 1,
        openTickets: openOf.get(personId) ?? 0,
      }));
    });
  }
}

/** Chat identities on prepared statements: who sent a message, when they were last seen, where to reach them. */
export class SqliteChatDirectory extends PrismaChatDirectory {
  constructor(
    prisma: PrismaClient,
    private readonly sqlite: SqliteConnection,
    people: PrismaPeopleDirectory,
    cache: ReferenceCache,
  ) {
    super(prisma, people, cache);
  }

  protected override personIdOf(channel: string, externalId: string): Promise<string | null> {
    return this.sqlite.run((sql) => {
      const row = sql
        .prepare(`SELECT "personId" FROM "ChatIdentity" WHERE "channel" = ? AND "externalId" = ?`)
        .get(channel, externalId) as { personId: string } | undefined;
      return row?.personId ?? null;
    });
  }

  protected override writeLastSeen(channel: string, externalId: string, at: Date): Promise<void> {
    return this.sqlite.run((sql) => {
      sql
        .prepare(`UPDATE "ChatIdentity" SET "lastSeenAt" = ? WHERE "channel" = ? AND "externalId" = ?`)
        .run(sqliteTimestamp(at), channel, externalId);
    });
  }

  override privateAddressOf(personId: string) {
    return this.sqlite.run((sql) => {
      // The identity seen last; never-seen ones after, the newest of those first.
      const row = sql
        .prepare(
          `SELECT "channel", "externalId" FROM "ChatIdentity" WHERE "personId" = ?
           ORDER BY "lastSeenAt" IS NULL, "lastSeenAt" DESC, "createdAt" DESC LIMIT 1`,
        )
        .get(personId) as { channel: string; externalId: string } | undefined;
      return row ? { channel: row.channel, externalId: row.externalId } : null;
    });
  }
}
