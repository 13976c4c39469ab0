import { parseArgs } from "node:util";
import { openDatabase } from "../db/database";
import { PrismaApiKeys } from "../db/repositories/prisma-open311";
import type { Config } from "./config";
import { systemClock } from "./system-clock";

export const APIKEY_USAGE = `egrid apikey create --name <partner>   a new Open311 key (printed once; only its hash is kept)
egrid apikey list                      the keys: id, prefix, partner, created, last used, revoked
egrid apikey revoke <id or prefix>     the key stops working at once`;

/** `egrid apikey …`: partners' Open311 keys. */
export async function apikeyCommand(
  config: Config,
  args: string[],
  io: { out(line: string): void; err(line: string): void },
): Promise<number> {
  const [action, ...rest] = args;
  const { values, positionals } = parseArgs({
    args: rest,
    options: { name: { type: "string" } },
    allowPositionals: true,
    strict: true,
  });
  if (action === "create" && (!values.name || values.name.trim().length === 0 || values.name.length > 100)) {
    io.err("usage: egrid apikey create --name <partner, 1–100 characters>");
    return 2;
  }
  if (action === "revoke" && positionals.length !== 1) {
    io.err("usage: egrid apikey revoke <id or prefix>");
    return 2;
  }
  if (action !== "create" && action !== "list" && action !== "revoke") {
    io.err(APIKEY_USAGE);
    return 2;
  }
  const db = await openDatabase(config.DATABASE_URL);
  try {
    const keys = new PrismaApiKeys(db.prisma);
    if (action === "create") {
      const { record, key } = await keys.create(values.name!.trim(), systemClock.now());
      io.out(`created key ${record.id} for "${record.name}" (reports are filed by ${record.personId})`);
      io.out(`api_key=${key}`);
      io.out("keep it now: it is not stored and cannot be shown again");
      return 0;
    }
    if (action === "list") {
      for (const k of await keys.list()) {
        const used = k.lastUsedAt ? k.lastUsedAt.toISOString() : "never";
        const state = k.revokedAt ? `revoked ${k.revokedAt.toISOString()}` : "active";
        io.out(
          `${k.id} ${k.keyPrefix}… "${k.name}" created ${k.createdAt.toISOString()} used ${used} ${state}`,
        );
      }
      return 0;
    }
    if (await keys.revoke(positionals[0]!, systemClock.now())) {
      io.out(`revoked ${positionals[0]}`);
      return 0;
    }
    io.err(`no active key ${positionals[0]}`);
    return 1;
  } finally {
    await db.close();
  }
}
