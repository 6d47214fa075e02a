import { LISTENING_PREFIX, startWorkerServer } from '@smartmix/cluster';

export interface WorkerOptions {
  listen: string;
  device?: string;
  strictDevice?: boolean;
  threads?: number;
  version: string;
  /** Stop when the parent process is gone (local workers: the coordinator that started them). */
  exitWithParent?: boolean;
}

/** Calls `onGone` once the parent process has exited (the worker is then re-parented). */
export function watchParent(onGone: () => void, intervalMs = 500): void {
  const parent = process.ppid;
  const timer = setInterval(() => {
    if (process.ppid !== parent) {
      clearInterval(timer);
      onGone();
    }
  }, intervalMs);
  timer.unref();
}

/**
 * Runs a scoring worker until SIGTERM/SIGINT: binds the gRPC server, announces the bound address on stdout (local
 * workers are found by that line), and shuts down cleanly, letting calls in flight finish.
 */
export async function runWorker(options: WorkerOptions): Promise<void> {
  const worker = await startWorkerServer(options.listen, options);
  process.stdout.write(`${LISTENING_PREFIX}${worker.address}\n`);
  await new Promise<void>((resolve) => {
    const stop = () => worker.shutdown().then(resolve);
    process.once('SIGTERM', stop);
    process.once('SIGINT', stop);
    if (options.exitWithParent) watchParent(stop);
  });
}
