export { isAuthorized, resolveToken, TOKEN_ENV, TokenError, tokenMetadata } from './auth.js';
export { LISTENING_PREFIX, type LocalWorkers, startLocalWorkers, watchParent } from './local-workers.js';
export { CHUNK_BYTES, MAX_MESSAGE_BYTES } from './protocol.js';
export { WorkerConnection, WorkerError } from './worker-client.js';
export { similarityMatrixFromWorkers } from './worker-kernel.js';
export { type RunningWorker, startWorkerServer, type WorkerServerOptions } from './worker-server.js';
