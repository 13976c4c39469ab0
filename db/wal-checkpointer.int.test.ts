import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { openDatabase } from "./database";
import { WalCheckpointer } from "./wal-checkpointer";

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function tempFile(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "egrid-wal-"));
  dirs.push(dir);
  return path.join(dir, "egrid.db");
}

async function until(condition: () => boolean, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("WAL checkpoints in a worker thread", () => {
  it("the app's connection leaves checkpoints to the worker, which copies the WAL back as it grows", async () => {
    const file = tempFile();
    const db = await openDatabase(`file:${file}`);
    try {
      const [setting] =
        await db.prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
      expect(Number(setting?.wal_autocheckpoint)).toBe(WalCheckpointer.FALLBACK_PAGES);
      // Some 300 pages of commits: below the fallback, so only the worker can have moved them.
      await db.prisma.$executeRawUnsafe(`CREATE TABLE "Padding" ("key" TEXT PRIMARY KEY, "value" TEXT)`);
      const padding = "x".repeat(4000);
      for (let i = 0; i < 300; i++)
        await db.sqlite!.transaction((sql) =>
          sql.prepare(`INSERT INTO "Padding" ("key", "value") VALUES (?, ?)`).run(`k${i}`, padding),
        );
      await until(() => (db.walCheckpoints()?.pages ?? 0) >= 300);
      expect(db.walCheckpoints()).toMatchObject({ failure: null });
      // Another connection sees nothing left to copy.
      const other = new Database(file);
      const [wal] = other.pragma("wal_checkpoint(PASSIVE)") as { log: number; checkpointed: number }[];
      other.close();
      expect(wal!.checkpointed).toBe(wal!.log);
    } finally {
      await db.close();
    }
    // Closed in order (the worker first): the last connection folded the WAL in and removed it.
    expect(existsSync(`${file}-wal`)).toBe(false);
    const reopened = new Database(file, { readonly: true });
    expect(reopened.prepare(`SELECT COUNT(*) AS n FROM "Padding"`).get()).toEqual({
      n: 300,
    });
    reopened.close();
  });

  it("two instances on one file checkpoint side by side, neither worker giving up", async () => {
    const file = tempFile();
    const first = await openDatabase(`file:${file}`);
    const second = await openDatabase(`file:${file}`);
    try {
      await first.prisma.$executeRawUnsafe(`CREATE TABLE "Padding" ("key" TEXT PRIMARY KEY, "value" TEXT)`);
      const padding = "x".repeat(4000);
      for (let i = 0; i < 400; i++)
        await (i % 2 ? first : second).sqlite!.transaction((sql) =>
          sql.prepare(`INSERT INTO "Padding" ("key", "value") VALUES (?, ?)`).run(`k${i}`, padding),
        );
      const moved = () => (first.walCheckpoints()?.pages ?? 0) + (second.walCheckpoints()?.pages ?? 0);
      await until(() => moved() >= 400);
      expect(first.walCheckpoints()?.failure).toBeNull();
      expect(second.walCheckpoints()?.failure).toBeNull();
    } finally {
      await first.close();
      await second.close();
    }
  });

  it("a worker that cannot work says why, so its owner checkpoints inline again", async () => {
    const failures: string[] = [];
    const checkpointer = WalCheckpointer.start(path.join(tempFile(), "missing.db"), (reason) =>
      failures.push(reason),
    );
    await until(() => failures.length > 0);
    expect(failures[0]).toMatch(/directory does not exist|unable to open/);
    expect(checkpointer.current().failure).toBe(failures[0]);
    await checkpointer.stop();
  });

  it("a worker thread that dies sends every file back to inline checkpoints; a file opened later gets a new one", async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error) => warnings.push(warning.message);
    process.on("warning", onWarning);
    const first = await openDatabase(`file:${tempFile()}`);
    const inlineEvery = async (db: typeof first) => {
      const [row] =
        await db.prisma.$queryRawUnsafe<{ wal_autocheckpoint: bigint }[]>("PRAGMA wal_autocheckpoint");
      return Number(row?.wal_autocheckpoint);
    };
    try {
      expect(await inlineEvery(first)).toBe(WalCheckpointer.FALLBACK_PAGES);
      await WalCheckpointer.endThread();
      await until(() => first.walCheckpoints()?.failure != null);
      expect(first.walCheckpoints()?.failure).toMatch(/checkpoint worker exited/);
      await until(() => warnings.some((w) => /WAL checkpoints are inline again/.test(w)));
      // SQLite's own threshold is back, set through the connection's queue.
      const deadline = Date.now() + 10_000;
      while ((await inlineEvery(first)) !== 1000 && Date.now() < deadline)
        await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await inlineEvery(first)).toBe(1000);

      const second = await openDatabase(`file:${tempFile()}`);
      try {
        await second.prisma.$executeRawUnsafe(
          `CREATE TABLE "Padding" ("key" TEXT PRIMARY KEY, "value" TEXT)`,
        );
        for (let i = 0; i < 100; i++)
          await second.sqlite!.transaction((sql) =>
            sql
              .prepare(`INSERT INTO "Padding" ("key", "value") VALUES (?, ?)`)
              .run(`k${i}`, "x".repeat(4000)),
          );
        await until(() => (second.walCheckpoints()?.pages ?? 0) >= 100);
        expect(second.walCheckpoints()?.failure).toBeNull();
        // The new worker took only the file opened after it: the first stays inline.
        expect(first.walCheckpoints()?.failure).toMatch(/checkpoint worker exited/);
      } finally {
        await second.close();
      }
    } finally {
      process.off("warning", onWarning);
      await first.close();
    }
  });

  it("an in-memory database has no WAL and no worker", async () => {
    const db = await openDatabase("file::memory:");
    expect(db.walCheckpoints()).toBeNull();
    await db.close();
  });
});
