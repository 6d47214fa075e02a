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

/** A complete greedy order of one (task, template type) group: any budget b takes the first b positions. */
export interface GroupOrder {
  /** Row positions within the group, in greedy order; a permutation of 0 … n−1. */
  order: number[];
  /** Marginal gain of each position (the last, forced element's gain included). */
  gains: number[];
}

export interface OrderOptions extends EmbeddingScorerOptions {
  /** Progress: called after each greedy step (1-based) of the group's order. */
  onStep?: MaximizeOptions['onStep'];
}

/**
 * Orders a whole group greedily (lazy greedy over the float32 cosine kernel of its instance embeddings): a full
 * permutation, so every budget takes a prefix. Groups whose kernel exceeds the memory limit are ordered blockwise
 * (facility location), exactly and without splitting.
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
    const { order, gains } = await greedyOrder(scorer.oracle, n, {
      lazyBatchSize: scorer.lazyBatchSize,
      onStep: options.onStep,
    });
    return { order, gains };
  } finally {
    await scorer.release();
  }
}
