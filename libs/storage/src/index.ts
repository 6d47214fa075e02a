export { canonicalJson } from './canonical-json.js';
export { contentKey, sha256Hex } from './content-key.js';
export { StoreError } from './errors.js';
export { getJson, putJson } from './json.js';
export { LocalDirectoryStore } from './local-store.js';
export { openStore } from './open-store.js';
export type { S3StoreOptions } from './s3-config.js';
export { S3Store } from './s3-store.js';
export { type ArtifactStore, DEFAULT_STORE } from './store.js';
