import { Worker } from "node:worker_threads";

export interface CheckpointStats {
  /** Checkpoints that moved pages, and how many and how long, since start. */
  readonly checkpoints: number;
  readonly pages: number;
  readonly ms: number;
  /** Why checkpointing stopped early, if it did (the connection then checkpoints inline again). */
  readonly failure: string | null;
}

type WorkerReport =
  | { id: number; pages: number; ms: number }
  | { id: number; failure: string }
  | { id: number; unwatched: true };

/** How often the worker looks at each file's WAL. */
const INTERVAL_MS = 100;

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread, so that no commit
 * on the main thread pays for it. By default SQLite checkpoints inline: the commit that takes the
 * WAL past 1,000 pages copies them all back (≈ 50 ms for the sweep's 12 MB here) before it
 * returns, on the event loop. The owner's connection keeps a far higher inline threshold
 * (`FALLBACK_PAGES`) in case this falls behind or stops. One worker thread serves every file the
 * process opens (starting one took ≈ 40 ms an open), each on a connection of its own.
 */
export class WalCheckpointer {
  private stats: CheckpointStats = { checkpoints: 0, pages: 0, ms: 0, failure: null };
  private stopped: Promise<void> | null = null;

  private constructor(
    private readonly thread: CheckpointThread,
    readonly id: number,
    private readonly onFailure: (reason: string) => void,
  ) {}

  /** Inline threshold for the owner's connection while the worker runs: ≈ 40 MB of WAL. */
  static readonly FALLBACK_PAGES = 10_000;

  /** Start checkpointing `file` in the background; `onFailure` if that stops. */
  static start(file: string, onFailure: (reason: string) => void): WalCheckpointer {
    const thread = CheckpointThread.shared();
    const checkpointer = new WalCheckpointer(thread, thread.nextId(), onFailure);
    thread.watch(checkpointer, file);
    return checkpointer;
  }

  /**
   * Ends the process's checkpoint worker as a crash of it would: every file it watched goes back
   * to inline checkpoints (their owners told), and the next file started gets a new worker.
   */
  static endThread(): Promise<void> {
    return CheckpointThread.endShared();
  }

  current(): CheckpointStats {
    return this.stats;
  }

  /** A last checkpoint, then the worker's connection closed; before the owner's own close. */
  stop(): Promise<void> {
    this.stopped ??= this.thread.unwatch(this.id);
    return this.stopped;
  }

  /** Called by the thread with what the worker reported for this file. */
  report(done: { pages: number; ms: number } | { failure: string }): void {
    if ("failure" in done) {
      if (this.stats.failure !== null) return;
      this.stats = { ...this.stats, failure: done.failure };
      this.onFailure(done.failure);
      return;
    }
    const { checkpoints, pages, ms } = this.stats;
    this.stats = { ...this.stats, checkpoints: checkpoints + 1, pages: pages + done.pages, ms: ms + done.ms };
  }
}

/**
 * A better-sqlite3 connection's checkpoints handed to the worker as the app's are (its own inline
 * threshold raised to the fallback, restored if the worker stops): the bench's plain connections.
 */
export function checkpointsOf(database: { pragma(source: string): unknown }, file: string): WalCheckpointer {
  database.pragma(`wal_autocheckpoint = ${WalCheckpointer.FALLBACK_PAGES}`);
  return WalCheckpointer.start(file, () => database.pragma("wal_autocheckpoint = 1000"));
}

/** The process's checkpoint worker: started with the first file, replaced if it ever dies. */
class CheckpointThread {
  private static current: CheckpointThread | null = null;
  private readonly watches = new Map<number, WalCheckpointer>();
  private readonly unwatching = new Map<number, () => void>();
  private ids = 0;

  static shared(): CheckpointThread {
    CheckpointThread.current ??= new CheckpointThread();
    return CheckpointThread.current;
  }

  static async endShared(): Promise<void> {
    await CheckpointThread.current?.worker.terminate();
  }

  private readonly worker = new Worker(new URL("./wal-checkpoint-worker.mjs", import.meta.url), {
    workerData: { intervalMs: INTERVAL_MS },
    // The worker is plain JavaScript: no loader of the parent's (tsx) is needed there.
    execArgv: [],
  });

  private constructor() {
    this.worker.on("message", (report: WorkerReport) => {
      if ("unwatched" in report) return this.unwatched(report.id);
      this.watches.get(report.id)?.report(report);
    });
    this.worker.on("error", (error) => this.died(error.message));
    this.worker.on("exit", (code) => this.died(`the checkpoint worker exited (${code})`));
    // The checkpoints alone never keep the process alive.
    this.worker.unref();
  }

  nextId(): number {
    return ++this.ids;
  }

  watch(checkpointer: WalCheckpointer, file: string): void {
    this.watches.set(checkpointer.id, checkpointer);
    this.worker.postMessage({ type: "watch", id: checkpointer.id, file });
  }

  unwatch(id: number): Promise<void> {
    if (!this.watches.has(id)) return Promise.resolve();
    // Held alive until the worker has closed that connection.
    this.worker.ref();
    return new Promise((resolve) => {
      this.unwatching.set(id, resolve);
      this.worker.postMessage({ type: "unwatch", id });
    });
  }

  private unwatched(id: number): void {
    this.watches.delete(id);
    this.unwatching.get(id)?.();
    this.unwatching.delete(id);
    if (this.unwatching.size === 0) this.worker.unref();
  }

  /** Every file watched goes back to inline checkpoints; the next file starts a new worker. */
  private died(reason: string): void {
    if (CheckpointThread.current === this) CheckpointThread.current = null;
    for (const [id, checkpointer] of this.watches) {
      checkpointer.report({ failure: reason });
      this.unwatched(id);
    }
  }
}
