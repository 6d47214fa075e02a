import type { RowsHandle__Output } from './generated/smartmix/v1/RowsHandle.js';
import { type WorkerConnection, WorkerError } from './worker-client.js';

/**
 * The workers of a job and which of them are still usable. Work that fails because its worker is lost (see
 * WorkerError.lost) moves to a replacement; every loss removes a worker, so retries end when the pool is empty.
 */
export class WorkerPool {
  private readonly lost = new Set<WorkerConnection>();
  private next = 0;

  constructor(
    readonly workers: readonly WorkerConnection[],
    /** Told of every lost worker (once, however many of its calls fail) and where the work went (logs, metrics). */
    private readonly onLost: (
      worker: WorkerConnection,
      cause: WorkerError,
      replacement: WorkerConnection,
    ) => void = () => {},
  ) {
    if (workers.length === 0) throw new WorkerError('no workers');
  }

  alive(): WorkerConnection[] {
    return this.workers.filter((w) => !this.lost.has(w));
  }

  /** Marks `worker` lost (once) and returns a live worker to take over its work; throws when none is left. */
  replace(worker: WorkerConnection, cause: WorkerError): WorkerConnection {
    const newlyLost = !this.lost.has(worker);
    this.lost.add(worker);
    const alive = this.alive();
    if (alive.length === 0) throw new WorkerError(`no worker left: ${cause.message}`);
    const replacement = alive[this.next++ % alive.length]!;
    if (newlyLost) this.onLost(worker, cause, replacement);
    return replacement;
  }

  /**
   * Runs `task` on `worker`, moving it to a replacement each time its worker is lost. Other failures are thrown as
   * they are.
   */
  async run<T>(worker: WorkerConnection, task: (worker: WorkerConnection) => Promise<T>): Promise<T> {
    let current = this.lost.has(worker)
      ? this.replace(worker, new WorkerError(`worker ${worker.address} lost`))
      : worker;
    for (;;) {
      try {
        return await task(current);
      } catch (err) {
        if (!(err instanceof WorkerError && err.lost)) throw err;
        current = this.replace(current, err);
      }
    }
  }
}

/**
 * One matrix uploaded (once) to whichever workers need it, for `users` users; the last user's release drops it from
 * every worker that holds it.
 */
export class RowsOnWorkers {
  private readonly handles = new Map<WorkerConnection, Promise<RowsHandle__Output>>();

  constructor(
    private readonly rows: Float32Array,
    readonly n: number,
    readonly d: number,
    private users = 1,
  ) {}

  on(worker: WorkerConnection): Promise<RowsHandle__Output> {
    let handle = this.handles.get(worker);
    if (!handle) {
      handle = worker.putRows(this.rows, this.n, this.d);
      // A failed upload is retried on the next use rather than remembered.
      handle.catch(() => this.handles.delete(worker));
      this.handles.set(worker, handle);
    }
    return handle;
  }

  /** One user is done; after the last, the matrix is dropped everywhere (best effort: a lost worker has no copy). */
  async release(): Promise<void> {
    if (--this.users > 0) return;
    await Promise.all(
      [...this.handles].map(async ([worker, handle]) => worker.dropRows(await handle).catch(() => {})),
    );
    this.handles.clear();
  }
}
