export { type BatchRunner, type EmbedBatch, inProcessRunner } from './batch-runner.js';
export {
  type EmbeddedWindow,
  type EmbedItem,
  type EmbedStats,
  type EmbedStreamOptions,
  embedStream,
} from './embed-stream.js';
export { EmbeddingCache, textHash } from './embedding-cache.js';
export { EmbeddingError } from './errors.js';
export { HASHING_EMBEDDER_ID, hashingEmbedding } from './hashing-embedder.js';
export { DEFAULT_MAX_LENGTH, OnnxEmbedder, type OnnxEmbedderOptions } from './onnx-embedder.js';
export type { Pooling } from './pooling.js';
export { type Encoding, Tokenizer } from './tokenizer/tokenizer.js';
export { loadTokenizer, parseTokenizer } from './tokenizer/tokenizer-json.js';
export {
  BUNDLED_MODEL_NAME,
  BUNDLED_MODEL_PACKAGE,
  bundledModel,
  bundledModelDir,
  type InMemoryModel,
  type InMemoryTokenizer,
} from './use-lite/bundled-model.js';
