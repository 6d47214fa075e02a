export { isAuthorized, resolveToken, TOKEN_ENV, TokenError, tokenMetadata } from './auth.js';
export { connectWorkers, type WorkerDiscovery } from './discovery.js';
export {
  BATCHES_PER_WORKER,
  type ExpectedEmbedder,
  embedOnWorkers,
  type WorkerBatchRunner,
} from './embed-on-workers.js';
export type { EmbedderSpec } from './generated/smartmix/v1/EmbedderSpec.js';
export { IdleMap } from './idle-map.js';
export { LISTENING_PREFIX, type LocalWorkers, startLocalWorkers, watchParent } from './local-workers.js';
export { CHUNK_BYTES, MAX_MESSAGE_BYTES } from './protocol.js';
export { facilityLocationPartsOnWorkers } from './remote-facility-location.js';
export { topKPartsOnWorkers } from './remote-top-k.js';
export type { RpcObserver } from './rpc-observer.js';
export {
  type ClientTlsFiles,
  clientCredentials,
  type ServerTlsFiles,
  serverCredentials,
  TlsError,
  usesTls,
} from './tls.js';
export {
  type ConnectionOptions,
  DEFAULT_CALL_DEADLINE_MS,
  type Traffic,
  WorkerConnection,
  WorkerError,
} from './worker-client.js';
export { similarityMatrixFromWorkers } from './worker-kernel.js';
export { RowsOnWorkers, WorkerPool } from './worker-pool.js';
export {
  DEFAULT_IDLE_STATE_TTL_MS,
  type RunningWorker,
  startWorkerServer,
  type WorkerServerOptions,
} from './worker-server.js';
