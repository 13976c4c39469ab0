// The worker thread of wal-checkpointer.ts, one per process: plain JavaScript, so it loads the
// same under tsx, vitest and a compiled build. Every `intervalMs` it copies committed pages from
// the WAL into the database file of each file it watches, on a connection of its own per watch,
// and tells the owner what it moved.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

/** Watch id → its connection and the WAL's checkpointed count at the last look. */
const watched = new Map();

function checkpoint(id, watch) {
  const started = performance.now();
  // PASSIVE never waits for readers or the writer: it copies what no open snapshot still needs.
  // Another connection's checkpoint in progress comes back as busy = 1 in the row, not an error.
  const [{ checkpointed }] = watch.database.pragma("wal_checkpoint(PASSIVE)");
  // The counts are the WAL's so far; smaller than last time means a writer started it over.
  const moved = checkpointed >= watch.last ? checkpointed - watch.last : checkpointed;
  watch.last = checkpointed;
  if (moved > 0) parentPort.postMessage({ id, pages: moved, ms: performance.now() - started });
}

/** A watch that fails is dropped and its owner told; the others go on. */
function safely(id, work) {
  try {
    work();
  } catch (error) {
    watched.get(id)?.database.close();
    watched.delete(id);
    parentPort.postMessage({ id, failure: error instanceof Error ? error.message : String(error) });
  }
}

setInterval(() => {
  for (const [id, watch] of watched) safely(id, () => checkpoint(id, watch));
}, workerData.intervalMs);

parentPort.on("message", (message) => {
  if (message.type === "watch") {
    safely(message.id, () => {
      const database = new Database(message.file, { fileMustExist: true });
      // Like the app's connection: in WAL mode NORMAL still syncs at every checkpoint.
      database.pragma("synchronous = NORMAL");
      watched.set(message.id, { database, last: 0 });
    });
  } else if (message.type === "unwatch") {
    const watch = watched.get(message.id);
    if (watch)
      safely(message.id, () => {
        checkpoint(message.id, watch);
        watch.database.close();
        watched.delete(message.id);
      });
    parentPort.postMessage({ id: message.id, unwatched: true });
  }
});
