import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createInterface } from 'node:readline';
import { TOKEN_ENV } from './auth.js';
import type { RpcObserver } from './rpc-observer.js';
import { WorkerConnection } from './worker-client.js';

/** The line a worker prints on stdout once its server is bound; local workers are found by it. */
export const LISTENING_PREFIX = 'smartmix worker listening on ';

export interface LocalWorkers {
  connections: WorkerConnection[];
  stop(): Promise<void>;
}

function startOne(
  command: readonly string[],
  token: string,
  startTimeoutMs: number,
): Promise<{ child: ChildProcess; address: string }> {
  const [executable, ...args] = command;
  // A local worker watches its parent and exits when it is gone, so none outlives its coordinator, even one that
  // was killed. (Standard input as a lifeline does not work: each worker inherits its siblings' pipe ends.)
  const child = spawn(executable!, [...args, '--listen', '127.0.0.1:0', '--exit-with-parent'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, [TOKEN_ENV]: token },
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`local worker did not start within ${startTimeoutMs} ms`));
    }, startTimeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`local worker exited with code ${code} before listening`));
    });
    createInterface({ input: child.stdout! }).on('line', (line) => {
      if (line.startsWith(LISTENING_PREFIX)) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve({ child, address: line.slice(LISTENING_PREFIX.length).trim() });
      }
    });
  });
}

/**
 * Starts `count` worker processes on loopback (`command` runs `smartmix worker`; each binds 127.0.0.1:0 and reports
 * its port) and connects to them. The embedded default of the cluster: the same coordinator code as with remote
 * workers, only the placement differs.
 */
export async function startLocalWorkers(
  command: readonly string[],
  count: number,
  startTimeoutMs = 30_000,
  observer?: RpcObserver,
): Promise<LocalWorkers> {
  // A fresh token per set of local workers: nothing else on the machine can use them, and none is ever printed.
  const token = randomBytes(24).toString('hex');
  const started = await Promise.allSettled(
    Array.from({ length: count }, () => startOne(command, token, startTimeoutMs)),
  );
  const children = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value.child] : []));
  const failure = started.find((s): s is PromiseRejectedResult => s.status === 'rejected');
  const stopChildren = () =>
    Promise.all(
      children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) return resolve();
            child.once('exit', () => resolve());
            child.kill('SIGTERM');
          }),
      ),
    ).then(() => {});
  if (failure) {
    await stopChildren();
    throw failure.reason;
  }
  const connections = started.map(
    (s) =>
      new WorkerConnection((s as PromiseFulfilledResult<{ address: string }>).value.address, token, {
        observer,
      }),
  );
  return {
    connections,
    async stop() {
      for (const c of connections) c.close();
      await stopChildren();
    },
  };
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
