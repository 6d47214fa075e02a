import type { JobTracker } from '@smartmix/metrics';
import { type ArtifactStore, contentKey, getJson, sha256Hex } from '@smartmix/storage';

/** One artifact behind a mixture: its content key and the keys (or digests) of what it was computed from. */
export interface LineageEntry {
  kind: string;
  key: string;
  inputs: Record<string, string>;
}

export type ArtifactCounts = Record<string, { computed: number; reused: number }>;

/**
 * The content-addressed artifacts of one job, their lineage and what was computed or reused. Each artifact is
 * stored as soon as it is finished (atomically, by the store), so a job killed at any point leaves every finished
 * artifact behind; `--resume` reads them back instead of recomputing them.
 */
export class JobArtifacts {
  private readonly entries: LineageEntry[] = [];
  readonly counts: ArtifactCounts = {};

  constructor(
    private readonly store: ArtifactStore,
    /** Read finished artifacts back (--resume); otherwise compute and overwrite them. */
    private readonly reuse: boolean,
    readonly tracker?: JobTracker,
  ) {}

  /**
   * Every artifact recorded, in a order that does not depend on timing (groups are ordered several at a time):
   * by kind, in the order kinds first appeared, then by key.
   */
  get lineage(): LineageEntry[] {
    const kinds = [...new Set(this.entries.map((e) => e.kind))];
    return [...this.entries].sort(
      (a, b) => kinds.indexOf(a.kind) - kinds.indexOf(b.kind) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0),
    );
  }

  /** Notes an artifact handled elsewhere (stage-2 orders keep their own cache). */
  record(entry: LineageEntry, source: 'computed' | 'reused'): void {
    this.entries.push(entry);
    this.counts[entry.kind] ??= { computed: 0, reused: 0 };
    this.counts[entry.kind]![source]++;
    this.tracker?.artifact(entry.kind, source);
  }

  /**
   * A JSON artifact keyed by `parts` (everything it depends on, versions included). Stored with JSON.stringify,
   * not canonical JSON: the stored object keeps its key order, which later stages iterate in.
   */
  async json<T>(
    kind: string,
    parts: unknown,
    inputs: Record<string, string>,
    compute: () => Promise<T>,
  ): Promise<{ value: T; key: string }> {
    const key = contentKey(kind, parts);
    const stored = this.reuse ? await getJson<T>(this.store, key) : undefined;
    if (stored !== undefined) {
      this.record({ kind, key, inputs }, 'reused');
      return { value: stored, key };
    }
    const value = await compute();
    await this.store.put(key, new TextEncoder().encode(`${JSON.stringify(value)}\n`));
    this.record({ kind, key, inputs }, 'computed');
    return { value, key };
  }

  /**
   * Stores the job's mixture under its own digest (`mixtures/<sha256>`), with the stage-1 result and the stage-2
   * orders recorded so far as its inputs. Returns its key.
   */
  async mixture(bytes: Uint8Array, sha256: string): Promise<string> {
    const key = `mixtures/${sha256}`;
    const keysOf = (kind: string) => this.lineage.filter((e) => e.kind === kind).map((e) => e.key);
    const inputs: Record<string, string> = {};
    const [stage1] = keysOf('stage1');
    if (stage1) inputs.stage1 = stage1;
    const orders = keysOf('stage2-order');
    if (orders.length > 0) inputs.stage2Orders = `sha256:${sha256Hex(orders.join('\n'))}`;
    await this.store.put(key, bytes);
    this.record({ kind: 'mixture', key, inputs }, 'computed');
    return key;
  }

  /** A float32 matrix artifact (raw little-endian bytes) keyed by `parts`. */
  async float32(
    kind: string,
    parts: unknown,
    inputs: Record<string, string>,
    compute: () => Float32Array,
  ): Promise<{ value: Float32Array; key: string }> {
    const key = contentKey(kind, parts);
    const stored = this.reuse ? await this.store.get(key) : undefined;
    if (stored !== undefined && stored.byteLength % 4 === 0) {
      this.record({ kind, key, inputs }, 'reused');
      return { value: new Float32Array(stored.slice().buffer), key };
    }
    const value = compute();
    await this.store.put(key, new Uint8Array(value.buffer, value.byteOffset, value.byteLength));
    this.record({ kind, key, inputs }, 'computed');
    return { value, key };
  }
}
