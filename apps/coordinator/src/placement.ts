import {
  resolveToken,
  similarityMatrixFromWorkers,
  startLocalWorkers,
  WorkerConnection,
} from '@smartmix/cluster';
import type { DeviceOptions } from '@smartmix/onnx';
import type { KernelPlacement } from '@smartmix/submodular';

export interface PlacementOptions {
  /** Local worker processes to start on loopback (0: compute in this process). */
  workers: number;
  /** Running workers to use instead (host:port); wins over `workers`. */
  workerAddresses?: string[];
  /** File with the shared token for running workers (default: $SMARTMIX_WORKER_TOKEN). */
  tokenFile?: string;
  /** How to start `smartmix worker` (executable and arguments), for local workers. */
  workerCommand: string[];
  device: DeviceOptions;
}

export interface Placement {
  kernel: KernelPlacement;
  /** Where the work ran, for outputs and manifests. */
  description: string;
  close(): Promise<void>;
}

/**
 * Decides where similarity work runs. Local workers and remote workers are the same code path (gRPC), differing only
 * in who started the processes; in-process is the same GEMM without the network.
 */
export async function openPlacement(options: PlacementOptions): Promise<Placement> {
  if (options.workerAddresses && options.workerAddresses.length > 0) {
    const token = resolveToken(options.tokenFile);
    const connections = options.workerAddresses.map((address) => new WorkerConnection(address, token));
    await Promise.all(connections.map((c) => c.health()));
    return {
      kernel: { products: (rows, n, d) => similarityMatrixFromWorkers(connections, rows, n, d) },
      description: `workers ${options.workerAddresses.join(',')}`,
      close: async () => connections.forEach((c) => c.close()),
    };
  }
  if (options.workers > 0) {
    const local = await startLocalWorkers(
      [...options.workerCommand, ...deviceArgs(options.device)],
      options.workers,
    );
    return {
      kernel: { products: (rows, n, d) => similarityMatrixFromWorkers(local.connections, rows, n, d) },
      description: `${options.workers} local worker${options.workers > 1 ? 's' : ''}`,
      close: () => local.stop(),
    };
  }
  return { kernel: options.device, description: 'in process', close: async () => {} };
}

function deviceArgs(device: DeviceOptions): string[] {
  return [
    ...(device.device ? ['--device', device.device] : []),
    ...(device.strictDevice ? ['--strict-device'] : []),
  ];
}
