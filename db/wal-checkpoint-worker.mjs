// The worker thread of wal-checkpointer.ts: plain JavaScript, so it loads the same under tsx,
// vitest and a compiled build. It copies committed pages from the WAL into the database file
// every `intervalMs`, on its own connection, and tells the owner what it moved.
import { parentPort, workerData } from "node:worker_threads";
import Database from "better-sqlite3";

const { file, intervalMs } = workerData;
const database = new Database(file, { fileMustExist: true });
// Like the app's connection: in WAL mode NORMAL still syncs at every checkpoint.
database.pragma("synchronous = NORMAL");
let lastCheckpointed = 0;

function checkpoint() {
  const started = performance.now();
  // PASSIVE never waits for readers or the writer: it copies what no open snapshot still needs.
  // Another connection's checkpoint in progress comes back as busy = 1 in the row, not an error.
  const [{ log, checkpointed }] = database.pragma("wal_checkpoint(PASSIVE)");
  // The counts are the WAL's so far; smaller than last time means a writer started it over.
  const moved = checkpointed >= lastCheckpointed ? checkpointed - lastCheckpointed : checkpointed;
  lastCheckpointed = checkpointed;
  if (moved > 0) parentPort.postMessage({ pages: moved, ms: performance.now() - started, log });
}

const timer = setInterval(checkpoint, intervalMs);
parentPort.on("message", (message) => {
  if (message !== "stop") return;
  clearInterval(timer);
  checkpoint();
  database.close();
  parentPort.close();
});
