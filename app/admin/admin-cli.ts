import { SUMMARY_ADMIN_ROLES, summaryGrantsOf } from "../../core/summaries/summary-access";
import { openDatabase } from "../../db/database";
import { PrismaAdminAccounts } from "../../db/repositories/prisma-admin-console";
import { PrismaPeopleDirectory } from "../../db/repositories/prisma-directory";
import type { Config } from "../config";
import { systemClock } from "../system-clock";
import { hashPassword, newPassword } from "./admin-auth";

/** `egrid admin password <person id>`: a new console password for an admin, printed once. */
export async function adminCommand(
  config: Config,
  args: string[],
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const [action, personId] = args;
  if (action !== "password" || !personId || args.length !== 2) {
    io.err("usage: egrid admin password <person id of a community, street or district admin>");
    return 2;
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const person = await new PrismaPeopleDirectory(db.prisma).getPerson(personId);
    if (!person) {
      io.err(`no person ${personId}`);
      return 1;
    }
    if (summaryGrantsOf(person, SUMMARY_ADMIN_ROLES).length === 0) {
      io.err(
        `${personId} (${person.name}) holds no admin role: the console is for community, street and district admins`,
      );
      return 1;
    }
    const password = newPassword();
    await new PrismaAdminAccounts(db.prisma).setPassword(
      personId,
      await hashPassword(password),
      systemClock.now(),
    );
    io.out(`console password for ${person.name} (${personId}): ${password}`);
    io.out("shown once; it replaces any earlier one and ends their sessions");
    return 0;
  } finally {
    await db.close();
  }
}
