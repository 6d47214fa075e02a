import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const WORKER = fileURLToPath(new URL('./worker-process.ts', import.meta.url));
/** How the tests start a real worker process from source. */
export const WORKER_COMMAND = [process.execPath, '--conditions=development', '--import', 'tsx', WORKER];

export interface SpawnedWorker {
  address: string;
  child: ChildProcess;
  stop(): void;
}

/** One worker process on a free port of `host`, with extra flags and environment; resolves once it listens. */
export async function spawnWorker(
  options: { host?: string; args?: string[]; env?: NodeJS.ProcessEnv } = {},
): Promise<SpawnedWorker> {
  const child = spawn(
    WORKER_COMMAND[0]!,
    [
      ...WORKER_COMMAND.slice(1),
      '--listen',
      `${options.host ?? '127.0.0.1'}:0`,
      '--exit-with-parent',
      ...(options.args ?? []),
    ],
    { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, ...options.env } },
  );
  const line = await new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).once('line', resolve);
    child.once('exit', (code) => reject(new Error(`worker exited with code ${code} before listening`)));
  });
  return { address: line.split(' ').pop()!, child, stop: () => void child.kill('SIGTERM') };
}
