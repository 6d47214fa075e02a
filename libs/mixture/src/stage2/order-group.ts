import {
  type EmbeddingScorerOptions,
  embeddingScorer,
  type FunctionName,
  greedyOrder,
  type MaximizeOptions,
} from '@smartmix/submodular';

export interface InstanceFunction {
  name: FunctionName;
  /** λ for gc / logdet; null for fl. */
  lambda: number | null;
}

/**
 * The greedy order of one (task, template type) group, complete or a prefix of it: any budget b up to its length
 * takes the first b positions (a greedy prefix does not depend on how far the greedy goes on).
 */
export interface GroupOrder {
  /** Row positions within the group, in greedy order: all of 0 … n−1, or the first of them. */
  order: number[];
  /** Marginal gain of each position (the last, forced element's gain included). */
  gains: number[];
}

export interface OrderOptions extends EmbeddingScorerOptions {
  /** Positions to order (default: all n, a complete order). */
  length?: number;
  /** Progress: called after each greedy step (1-based) of the group's order. */
  onStep?: MaximizeOptions['onStep'];
}

/**
 * Orders a group greedily (lazy greedy over the float32 cosine kernel of its instance embeddings): the whole group,
 * or its first `length` positions, so every budget up to the length takes a prefix. Groups whose kernel exceeds the
 * memory limit are ordered blockwise (facility location), exactly and without splitting.
 */
export async function orderGroup(
  embeddings: Float32Array,
  n: number,
  d: number,
  spec: InstanceFunction,
  options: OrderOptions = {},
): Promise<GroupOrder> {
  const scorer = await embeddingScorer(embeddings, n, d, spec.name, spec.lambda, options);
  try {
    const { order, gains } = await greedyOrder(scorer.oracle, options.length ?? n, {
      lazyBatchSize: scorer.lazyBatchSize,
      onStep: options.onStep,
    });
    return { order, gains };
  } finally {
    await scorer.release();
  }
}
