import { Worker } from "node:worker_threads";

export interface CheckpointStats {
  /** Checkpoints that moved pages, and how many and how long, since start. */
  readonly checkpoints: number;
  readonly pages: number;
  readonly ms: number;
  /** Why the worker stopped early, if it did (the connection then checkpoints inline again). */
  readonly failure: string | null;
}

/**
 * Copies SQLite's write-ahead log into the database file from a worker thread, so that no commit
 * on the main thread pays for it. By default SQLite checkpoints inline: the commit that takes the
 * WAL past 1,000 pages copies them all back (≈ 50 ms for the sweep's 12 MB here) before it
 * returns, on the event loop. The owner's connection keeps a far higher inline threshold
 * (`FALLBACK_PAGES`) in case this worker falls behind or stops.
 */
export class WalCheckpointer {
  private stats: CheckpointStats = { checkpoints: 0, pages: 0, ms: 0, failure: null };
  private readonly exited: Promise<void>;

  private constructor(
    private readonly worker: Worker,
    onFailure: (reason: string) => void,
  ) {
    worker.on("message", (done: { pages: number; ms: number }) => {
      const { checkpoints, pages, ms } = this.stats;
      this.stats = {
        ...this.stats,
        checkpoints: checkpoints + 1,
        pages: pages + done.pages,
        ms: ms + done.ms,
      };
    });
    worker.on("error", (error) => {
      this.stats = { ...this.stats, failure: error.message };
      onFailure(error.message);
    });
    this.exited = new Promise((resolve) => worker.once("exit", () => resolve()));
    // A checkpointer alone never keeps the process alive.
    worker.unref();
  }

  /** Inline threshold for the owner's connection while the worker runs: ≈ 40 MB of WAL. */
  static readonly FALLBACK_PAGES = 10_000;

  /** Start checkpointing `file` every `intervalMs`; `onFailure` when the worker dies. */
  static start(file: string, onFailure: (reason: string) => void, intervalMs = 100): WalCheckpointer {
    const worker = new Worker(new URL("./wal-checkpoint-worker.mjs", import.meta.url), {
      workerData: { file, intervalMs },
      // The worker is plain JavaScript: no loader of the parent's (tsx) is needed there.
      execArgv: [],
    });
    return new WalCheckpointer(worker, onFailure);
  }

  current(): CheckpointStats {
    return this.stats;
  }

  /** A last checkpoint, then the worker's connection closed; before the owner's own close. */
  async stop(): Promise<void> {
    // Held alive until the worker has closed its connection (it was unref'd at start).
    this.worker.ref();
    this.worker.postMessage("stop");
    await this.exited;
  }
}
