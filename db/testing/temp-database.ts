import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type Clock, fixedClock } from "../../core/shared/clock";
import { counterIds } from "../../core/shared/ids";
import {
  DEFAULT_TICKET_SETTINGS,
  type TicketDeps,
  type TicketSettings,
} from "../../core/tickets/ticket-deps";
import { type EgridDatabase, openDatabase } from "../database";
import { PrismaGovernanceDirectory, PrismaPeopleDirectory } from "../repositories/prisma-directory";
import { PrismaTicketRepository } from "../repositories/prisma-ticket-repository";
import { PrismaTrainingExamples } from "../repositories/prisma-training-examples";
import { seedDemoDistrict } from "../seed/seed-database";

/** A real SQLite file in a temp folder, migrated and (by default) seeded with the demo district. */
export async function tempDatabase(
  options: { seed?: boolean; onQuery?: (sql: string, params: string) => void } = {},
) {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-test-"));
  const file = path.join(dir, "egrid.db");
  const db: EgridDatabase = await openDatabase(`file:${file}`, { onQuery: options.onQuery });
  if (options.seed ?? true) await seedDemoDistrict(db.prisma);
  return {
    db,
    file,
    async cleanup() {
      await db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function ticketDepsOn(
  db: EgridDatabase,
  clock: Clock = fixedClock(new Date("2026-11-30T02:00:00Z")),
  settings: Partial<TicketSettings> = {},
): TicketDeps {
  return {
    tickets: new PrismaTicketRepository(db.prisma),
    directory: new PrismaGovernanceDirectory(db.prisma),
    people: new PrismaPeopleDirectory(db.prisma),
    clock,
    ids: counterIds(`x${Date.now().toString(36)}`),
    settings: { ...DEFAULT_TICKET_SETTINGS, ...settings },
    examples: new PrismaTrainingExamples(db.prisma),
  };
}
