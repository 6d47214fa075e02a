export { HASHING_EMBEDDER_ID, hashingEmbedding } from './hashing-embedder.js';
