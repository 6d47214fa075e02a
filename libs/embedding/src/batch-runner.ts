import type { OnnxEmbedder } from './onnx-embedder.js';
import type { Encoding } from './tokenizer/tokenizer.js';

/** One model run's worth of texts, as embedStream formed it: the texts and their encodings, in batch order. */
export interface EmbedBatch {
  texts: readonly string[];
  encodings: readonly Encoding[];
}

/**
 * Where a batch's model run happens: in this process, or on a worker. The caller decides what goes into each batch
 * (the padded length, and so the bits, depends on it); a runner only runs it and returns batch.length × dim vectors.
 */
export interface BatchRunner {
  /** Batches worth running at once (in process: one; on workers: a few per worker). */
  readonly concurrency: number;
  run(batch: EmbedBatch): Promise<Float32Array>;
}

/** Runs every batch on `embedder` in this process, one at a time. */
export function inProcessRunner(embedder: OnnxEmbedder): BatchRunner {
  return {
    concurrency: 1,
    async run(batch) {
      const out = new Float32Array(batch.encodings.length * embedder.dim);
      await embedder.embed(batch.encodings, out);
      return out;
    },
  };
}
