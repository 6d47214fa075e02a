import {
  LISTENING_PREFIX,
  resolveToken,
  type ServerTlsFiles,
  startWorkerServer,
  watchParent,
} from '@smartmix/cluster';
import { createMetrics, rpcObserver, startMetricsServer } from '@smartmix/metrics';

export interface WorkerOptions {
  listen: string;
  device?: string;
  strictDevice?: boolean;
  threads?: number;
  version: string;
  /** Stop when the parent process is gone (local workers: the coordinator that started them). */
  exitWithParent?: boolean;
  /** File holding the shared token; otherwise SMARTMIX_WORKER_TOKEN; neither: calls are not authenticated. */
  tokenFile?: string;
  /** TLS certificate files (plain text when absent). */
  tls?: ServerTlsFiles;
  /** host:port to serve Prometheus metrics on, for the worker's whole life (none: no metrics endpoint). */
  metricsListen?: string;
  /** Matrices and shards unused this long are dropped. */
  idleStateTtlMs?: number;
  /** Printed on stderr (`warning: …`) once the worker listens, i.e. after every check of its options passed. */
  warnings?: readonly string[];
}

export { DEFAULT_IDLE_STATE_TTL_MS } from '@smartmix/cluster';

/**
 * Runs a scoring worker until SIGTERM/SIGINT: binds the gRPC server, announces the bound address on stdout (local
 * workers are found by that line), and shuts down cleanly, letting calls in flight finish.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const token = resolveToken(options.tokenFile);
  // The metrics endpoint comes first: a bad --metrics-listen fails before the worker accepts any call.
  const metrics = options.metricsListen ? createMetrics('worker', options.version) : undefined;
  const endpoint = metrics && (await startMetricsServer(options.metricsListen!, metrics.registry));
  const worker = await startWorkerServer(options.listen, {
    ...options,
    token,
    observer: metrics && rpcObserver(metrics, 'server'),
  }).catch(async (err) => {
    await endpoint?.close();
    throw err;
  });
  process.stdout.write(`${LISTENING_PREFIX}${worker.address}\n`);
  if (endpoint) process.stderr.write(`metrics on http://${endpoint.address}/metrics\n`);
  for (const warning of options.warnings ?? []) process.stderr.write(`warning: ${warning}\n`);
  await new Promise<void>((resolve) => {
    const stop = (why: string) => {
      // A standalone worker (a pod) says why it stops; local workers stop with every job and stay quiet.
      if (!options.exitWithParent) process.stderr.write(`worker ${worker.address}: ${why}: stopping\n`);
      worker
        .shutdown()
        .then(() => endpoint?.close())
        .then(resolve);
    };
    process.once('SIGTERM', () => stop('SIGTERM'));
    process.once('SIGINT', () => stop('SIGINT'));
    if (options.exitWithParent) watchParent(() => stop('parent process gone'));
  });
}
