import type { BatchRunner } from '@smartmix/embedding';
import type { EmbedderSpec } from './generated/smartmix/v1/EmbedderSpec.js';
import type { RemoteEmbedder } from './remote-embedder.js';
import type { WorkerConnection } from './worker-client.js';
import { WorkerError } from './worker-error.js';
import type { WorkerPool } from './worker-pool.js';

/** Batches a worker is given at once: one running and one on its way, so it never waits for the network. */
export const BATCHES_PER_WORKER = 2;

/** What the coordinator's own embedder is: every worker's must be the same. */
export interface ExpectedEmbedder {
  id: string;
  dim: number;
}

export interface WorkerBatchRunner extends BatchRunner {
  /** The workers' execution providers ('cpu', 'cuda'; comma-separated when they differ). */
  readonly device: string;
  /** Ends the streams (the workers keep their embedders for the next job, until idle). */
  close(): void;
}

/**
 * Runs embedding batches on the pool's workers: one Embed stream per worker, each checked to embed with exactly the
 * coordinator's embedder (same content id and dimension), batches sent to the least busy worker. A batch whose
 * worker is lost is sent again to another worker, and gives the same bits there: only the batch's texts travel, and
 * every worker runs the same model on the same batch.
 */
export async function embedOnWorkers(
  pool: WorkerPool,
  spec: EmbedderSpec,
  expected: ExpectedEmbedder,
): Promise<WorkerBatchRunner> {
  const streams = new Map<WorkerConnection, Promise<RemoteEmbedder>>();
  const busy = new Map<WorkerConnection, number>();
  const streamOn = (worker: WorkerConnection): Promise<RemoteEmbedder> => {
    let stream = streams.get(worker);
    if (!stream) {
      const remote = worker.openEmbedder(spec);
      stream = remote.opened.then((opened) => {
        if (opened.embedderId !== expected.id || opened.dim !== expected.dim) {
          remote.close();
          throw new WorkerError(
            `worker ${worker.address}: embeds with another model (embedder ${opened.embedderId.slice(0, 12)}, ` +
              `dim ${opened.dim}; here: ${expected.id.slice(0, 12)}, dim ${expected.dim}): give every worker the ` +
              'same model and tokenizer files',
          );
        }
        return remote;
      });
      streams.set(worker, stream);
    }
    return stream;
  };
  const leastBusy = (): WorkerConnection => {
    const alive = pool.alive();
    if (alive.length === 0) return pool.workers[0]!; // the pool reports that no worker is left
    return alive.reduce((best, w) => ((busy.get(w) ?? 0) < (busy.get(best) ?? 0) ? w : best));
  };
  // Every worker is checked before any batch is sent: a mismatched one fails the job at once.
  const devices = await Promise.all(
    pool
      .alive()
      .map((first) => pool.run(first, async (worker) => (await (await streamOn(worker)).opened).device)),
  );
  let batches = 0;
  return {
    concurrency: BATCHES_PER_WORKER * pool.alive().length,
    device: [...new Set(devices)].join(','),
    run(batch) {
      const number = batches++;
      return pool.run(leastBusy(), async (worker) => {
        busy.set(worker, (busy.get(worker) ?? 0) + 1);
        try {
          return await (await streamOn(worker)).run(number, batch.texts);
        } finally {
          busy.set(worker, busy.get(worker)! - 1);
        }
      });
    },
    close() {
      for (const stream of streams.values())
        stream.then(
          (remote) => remote.close(),
          () => {},
        );
    },
  };
}
