import { availableParallelism } from 'node:os';
import {
  type ClientTlsFiles,
  clientCredentials,
  connectWorkers,
  embedOnWorkers,
  facilityLocationPartsOnWorkers,
  resolveToken,
  similarityMatrixFromWorkers,
  startLocalWorkers,
  type Traffic,
  topKPartsOnWorkers,
  type WorkerConnection,
  WorkerPool,
} from '@smartmix/cluster';
import { type BatchRunner, inProcessRunner, OnnxEmbedder } from '@smartmix/embedding';
import type { JobTracker } from '@smartmix/metrics';
import type { DeviceOptions } from '@smartmix/onnx';
import { type KernelPlacement, shardRows } from '@smartmix/submodular';
import type { EmbedderSettings } from './embed-job.js';
import { JobInputError } from './errors.js';
import { onShutdown, shuttingDown } from './shutdown.js';

export interface PlacementOptions {
  /** Local worker processes to start on loopback (0: compute in this process). */
  workers: number;
  /** Running workers to use instead (host:port); wins over `workers`. */
  workerAddresses?: string[];
  /** NAME:PORT of running workers (every address of the name is one; a Kubernetes headless Service). */
  workerDns?: string;
  /** File with the shared token for running workers (default: $SMARTMIX_WORKER_TOKEN). */
  tokenFile?: string;
  /** TLS towards running workers (plain text when absent). */
  tls?: ClientTlsFiles;
  /** Longest time one worker call may take before the worker counts as lost. */
  callDeadlineMs?: number;
  /** How to start `smartmix worker` (executable and arguments), for local workers. */
  workerCommand: string[];
  device: DeviceOptions;
  /** Where warnings go (a lost worker, a skipped address); default stderr. */
  warn?: (line: string) => void;
  /** The job's metrics: RPCs, worker up/down, shard sizes. */
  tracker?: JobTracker;
}

/** An embedder placed for one embedding: where its batches run, for as long as the embedding lasts. */
export interface PlacedEmbedder extends BatchRunner {
  /** The coordinator's own copy: its tokenizer forms the batches, its id keys the cache. */
  embedder: OnnxEmbedder;
  /** The execution provider(s) the batches run on ('cpu', 'cuda'; the workers' when they run them). */
  device: string;
  close(): Promise<void>;
}

export interface Placement {
  kernel: KernelPlacement;
  /**
   * Opens the embedder `settings` name and says where its batches run: in this process, or on the workers, which
   * open the same files and must come to the same embedder.
   */
  embedding(settings: EmbedderSettings): Promise<PlacedEmbedder>;
  /** Where the work ran, for outputs and manifests. */
  description: string;
  /** Independent pieces of work (stage-2 groups) worth running at once: one per worker. */
  concurrency: number;
  /** Payload bytes moved to and from workers so far (zero in process). */
  traffic(): Traffic;
  close(): Promise<void>;
}

const stderrLine = (line: string) => process.stderr.write(`${line}\n`);

/** Workers stopped by our own shutdown are not lost workers worth a warning. */
const unlessShuttingDown =
  (warn: (line: string) => void) =>
  (line: string): void => {
    if (!shuttingDown()) warn(line);
  };

/**
 * Similarity work on a pool of workers (dense kernels by row ranges, facility location by block shards, kNN kernels
 * by the top-k lists of block ranges) and embedding batches on the same pool, so a worker lost to one is lost to the
 * other.
 */
function onWorkers(
  connections: WorkerConnection[],
  warn: (line: string) => void,
  tracker: JobTracker | undefined,
): Pick<Placement, 'kernel' | 'embedding'> {
  for (const c of connections) tracker?.workerUp(c.address, true);
  const pool = new WorkerPool(connections, (lost, cause, replacement) => {
    tracker?.workerUp(lost.address, false);
    warn(`warning: ${cause.message}; its work moves to worker ${replacement.address}`);
  });
  return {
    kernel: {
      products: (rows, n, d) => similarityMatrixFromWorkers(pool, rows, n, d),
      facilityLocationParts: async (rows, n, d) => {
        const parts = await facilityLocationPartsOnWorkers(pool, rows, n, d);
        tracker?.shards(
          parts.map((part) => {
            const [start, end] = shardRows(n, part);
            return end - start;
          }),
        );
        return parts;
      },
      topKParts: (rows, n, d) => topKPartsOnWorkers(pool, rows, n, d),
    },
    embedding: async (settings) => {
      const spec = embedderSpec(settings);
      // The coordinator's copy only tokenizes (and probes once): on CPU, so a coordinator without a GPU can drive
      // GPU workers (their --device is theirs), even with --strict-device.
      const embedder = await OnnxEmbedder.open({ ...settings, device: 'cpu', strictDevice: false });
      try {
        const runner = await embedOnWorkers(pool, spec, embedder);
        return {
          ...runner,
          embedder,
          close: async () => {
            runner.close();
            await embedder.release();
          },
        };
      } catch (err) {
        await embedder.release();
        throw err;
      }
    },
  };
}

/** The embedder's settings as a worker takes them: files by path (as the worker sees them; none: the bundled model). */
function embedderSpec(settings: EmbedderSettings) {
  const { model, tokenizer } = settings;
  if (typeof model === 'object' || typeof tokenizer === 'object') {
    throw new JobInputError('embedding on workers needs the model and tokenizer as files, not in memory');
  }
  return {
    modelFile: model ?? '',
    tokenizerFile: tokenizer ?? '',
    pooling: settings.pooling ?? 'mean',
    normalize: settings.normalize ?? true,
    maxLength: settings.maxLength ?? 0,
  };
}

/** Embedding batches run by the coordinator's own embedder, one at a time, on the job's device. */
export async function inProcessEmbedding(settings: EmbedderSettings): Promise<PlacedEmbedder> {
  const embedder = await OnnxEmbedder.open(settings);
  return { ...inProcessRunner(embedder), embedder, device: embedder.device, close: () => embedder.release() };
}

/**
 * Decides where similarity work and embedding batches run. Local workers and remote workers are the same code path
 * (gRPC), differing only in who started the processes; in-process is the same GEMM and model without the network.
 */
export async function openPlacement(options: PlacementOptions): Promise<Placement> {
  const warn = unlessShuttingDown(options.warn ?? stderrLine);
  if (options.workerAddresses?.length || options.workerDns) {
    const connections = await connectWorkers({
      addresses: options.workerAddresses,
      dns: options.workerDns,
      token: resolveToken(options.tokenFile),
      credentials: clientCredentials(options.tls),
      deadlineMs: options.callDeadlineMs,
      onSkipped: (address, cause) => {
        options.tracker?.workerUp(address, false);
        warn(`warning: skipping ${address}: ${cause.message}`);
      },
      observer: options.tracker?.rpcClient(),
    });
    return {
      ...onWorkers(connections, warn, options.tracker),
      description: `workers ${connections.map((c) => c.address).join(',')}`,
      concurrency: connections.length,
      traffic: () => totalTraffic(connections),
      close: async () => connections.forEach((c) => c.close()),
    };
  }
  if (options.workers > 0) {
    const local = await startLocalWorkers(
      [...options.workerCommand, ...deviceArgs(options.device), ...threadArgs(options.workers)],
      options.workers,
      undefined,
      options.tracker?.rpcClient(),
    );
    const forgetCleanup = onShutdown(() => local.stop());
    return {
      ...onWorkers(local.connections, warn, options.tracker),
      description: `${options.workers} local worker${options.workers > 1 ? 's' : ''}`,
      concurrency: options.workers,
      traffic: () => totalTraffic(local.connections),
      close: () => {
        forgetCleanup();
        return local.stop();
      },
    };
  }
  return {
    kernel: options.device,
    embedding: inProcessEmbedding,
    description: 'in process',
    concurrency: 1,
    traffic: () => ({ sent: 0, received: 0 }),
    close: async () => {},
  };
}

function totalTraffic(connections: readonly WorkerConnection[]): Traffic {
  return connections.reduce(
    (sum, c) => ({ sent: sum.sent + c.traffic.sent, received: sum.received + c.traffic.received }),
    { sent: 0, received: 0 },
  );
}

/**
 * Local workers share this machine's cores: each gets its share of onnxruntime threads, so N workers do not start
 * N × cores threads that fight over the same cores.
 */
function threadArgs(workers: number): string[] {
  return ['--threads', String(Math.max(1, Math.floor(availableParallelism() / workers)))];
}

function deviceArgs(device: DeviceOptions): string[] {
  return [
    ...(device.device ? ['--device', device.device] : []),
    ...(device.strictDevice ? ['--strict-device'] : []),
  ];
}
