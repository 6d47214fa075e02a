import { type GroupOrder, type InstanceFunction, type OrderOptions, orderGroup } from './order-group.js';

/** Row ranges [start, end) obtained by halving [0, n) until every part holds at most `limit` rows. */
export function halvedParts(n: number, limit: number): [number, number][] {
  if (n <= limit) return [[0, n]];
  const half = Math.ceil(n / 2);
  return [
    ...halvedParts(half, limit),
    ...halvedParts(n - half, limit).map(([a, b]): [number, number] => [a + half, b + half]),
  ];
}

/**
 * The Python reference's workaround for groups too large for its dense kernel (it halves groups above 150k and
 * spends half the budget on each half), kept only to compare against it: each part is ordered on its own and
 * the part orders are interleaved round-robin, so a prefix of b takes ⌈b/parts⌉ or ⌊b/parts⌋ from each part.
 * Orders are always complete here (`options.length` is ignored).
 */
export async function orderGroupSplit(
  embeddings: Float32Array,
  n: number,
  d: number,
  spec: InstanceFunction,
  limit: number,
  options: OrderOptions = {},
): Promise<GroupOrder> {
  const parts = halvedParts(n, limit);
  const complete = { ...options, length: undefined };
  if (parts.length === 1) return orderGroup(embeddings, n, d, spec, complete);
  const partOrders: GroupOrder[] = [];
  for (const [start, end] of parts) {
    const ordered = await orderGroup(embeddings.subarray(start * d, end * d), end - start, d, spec, complete);
    partOrders.push({ order: ordered.order.map((k) => k + start), gains: ordered.gains });
  }
  const order: number[] = [];
  const gains: number[] = [];
  for (let position = 0; order.length < n; position++) {
    for (const part of partOrders) {
      if (position < part.order.length) {
        order.push(part.order[position]!);
        gains.push(part.gains[position]!);
      }
    }
  }
  return { order, gains };
}
