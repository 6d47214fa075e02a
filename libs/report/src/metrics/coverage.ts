import { blockCount, FacilityLocationShard, normalizeRows } from '@smartmix/submodular';

/**
 * How well a mixture represents the whole collection: facility location of the mixture over every collection
 * prompt, Σ_i max_{j ∈ mixture} max(0, cos(i, j)), divided by n — 1 when every prompt is in the mixture (or has a
 * perfect copy there). Computed blockwise (no n×n kernel): the cost is |mixture|·n·d multiply-adds.
 */
export async function facilityLocationCoverage(
  embeddings: Float32Array,
  n: number,
  d: number,
  mixtureRows: Int32Array,
): Promise<number> {
  if (mixtureRows.length === 0) return 0;
  const rows = normalizeRows(embeddings, n, d);
  const shard = await FacilityLocationShard.create(rows, n, d, { firstBlock: 0, endBlock: blockCount(n) });
  try {
    await shard.commit(mixtureRows);
    let total = 0;
    for (const part of await shard.valueParts()) total += part;
    return total / n;
  } finally {
    await shard.release();
  }
}
