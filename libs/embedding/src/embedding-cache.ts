import { createHash } from 'node:crypto';
import type { ArtifactStore } from '@smartmix/storage';

/** How many store reads or writes run at once: enough to hide S3 latency, few enough not to flood it. */
const CONCURRENCY = 32;

export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * Vectors in the artifact store under `embeddings/<embedder id>/<text hash>`: one small object per distinct text,
 * so any collection that shares texts with an earlier run (a rerun, a superset, another task split) reuses them.
 * The first two hex digits of the text hash are a directory of their own, to keep local directories small.
 */
export class EmbeddingCache {
  hits = 0;

  constructor(
    private readonly store: ArtifactStore,
    private readonly embedderId: string,
    private readonly dim: number,
  ) {}

  private key(hash: string): string {
    return `embeddings/${this.embedderId}/${hash.slice(0, 2)}/${hash}`;
  }

  /** The cached vector of each hash, or undefined; an object of the wrong size counts as absent. */
  async getMany(hashes: readonly string[]): Promise<(Float32Array | undefined)[]> {
    const found = await mapLimited(hashes, async (hash) => {
      const bytes = await this.store.get(this.key(hash));
      if (bytes === undefined || bytes.byteLength !== this.dim * 4) return undefined;
      // Copied so the vector is aligned and owned, whatever buffer the store returned.
      return new Float32Array(new Uint8Array(bytes).buffer);
    });
    this.hits += found.filter((v) => v !== undefined).length;
    return found;
  }

  async putMany(entries: readonly [string, Float32Array][]): Promise<void> {
    await mapLimited(entries, ([hash, vector]) =>
      this.store.put(this.key(hash), new Uint8Array(vector.buffer, vector.byteOffset, vector.byteLength)),
    );
  }
}

async function mapLimited<T, R>(items: readonly T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, items.length) }, worker));
  return results;
}
