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

interface PersonWithGrantRow {
  id: string;
  name: string;
  locale: string;
  homePlaceId: string | null;
  role: string | null;
  placeId: string | null;
  departmentId: string | null;
}

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
    // The person and their roles in one statement (none: a newcomer not yet placed anywhere).
    const rows = await this.sqlite.run(
      (sql) =>
        sql
          .prepare(
            `SELECT p."id", p."name", p."locale", p."homePlaceId", g."role", g."placeId", g."departmentId"
             FROM "Person" p LEFT JOIN "RoleGrant" g ON g."personId" = p."id"
             WHERE p."id" = ? ORDER BY g.rowid`,
          )
          .all(id) as PersonWithGrantRow[],
    );
    const first = rows[0];
    if (!first) return null;
    return this.toPerson({
      id: first.id,
      name: first.name,
      locale: first.locale,
      homePlaceId: first.homePlaceId,
      grants: rows
        .filter((row) => row.role !== null)
        .map((row) => ({ role: row.role!, placeId: row.placeId!, departmentId: row.departmentId })),
    });
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
      const rows = sql
        .prepare(
          `SELECT g."personId", p."onDuty" FROM "RoleGrant" g JOIN "Person" p ON p."id" = g."personId"
           WHERE g."role" = ? AND g."${byDepartment ? "departmentId" : "placeId"}" = ? ORDER BY g.rowid`,
        )
        .all(role, (byDepartment ? unit.departmentId : unit.unitPlaceId) ?? "") as {
        personId: string;
        onDuty: number;
      }[];
      const seen = new Set<string>();
      const handlers: HandlerCandidate[] = [];
      for (const row of rows) {
        if (seen.has(row.personId)) continue;
        seen.add(row.personId);
        handlers.push({ personId: row.personId, onDuty: row.onDuty === 1 });
      }
      return handlers;
    });
  }

  override openTicketCounts(personIds: readonly string[]): Promise<ReadonlyMap<string, number>> {
    if (personIds.length === 0) return Promise.resolve(new Map());
    return this.sqlite.run((sql) => {
      // One statement per number of people (a unit has a handful), so each is prepared once.
      const rows = sql
        .prepare(
          `SELECT "assigneeId", COUNT(*) AS "open" FROM "Ticket"
           WHERE "assigneeId" IN (${personIds.map(() => "?").join(", ")})
             AND "state" IN (${ACTIVE_STATES.map(() => "?").join(", ")})
           GROUP BY "assigneeId"`,
        )
        .all(...personIds, ...ACTIVE_STATES) as { assigneeId: string; open: number }[];
      return new Map(rows.map((row) => [row.assigneeId, row.open]));
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

  protected override readPrivateAddress(personId: string) {
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
