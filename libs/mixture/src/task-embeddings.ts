/**
 * SMART's task embedding: the mean of its prompts' embeddings, accumulated in float64 in row order and stored as
 * float32. `taskRows[t]` lists the embedding rows of task t.
 */
export function meanTaskEmbeddings(
  embeddings: Float32Array,
  d: number,
  taskRows: readonly ArrayLike<number>[],
): Float32Array {
  const out = new Float32Array(taskRows.length * d);
  const sum = new Float64Array(d);
  taskRows.forEach((rows, t) => {
    if (rows.length === 0) throw new RangeError(`task ${t} has no rows to average`);
    sum.fill(0);
    for (let i = 0; i < rows.length; i++) {
      const base = rows[i]! * d;
      for (let f = 0; f < d; f++) sum[f] += embeddings[base + f]!;
    }
    for (let f = 0; f < d; f++) out[t * d + f] = sum[f]! / rows.length;
  });
  return out;
}
