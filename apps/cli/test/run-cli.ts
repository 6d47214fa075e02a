import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));
// Resolved here, so the CLI also starts from a working directory outside the repository.
const TSX = import.meta.resolve('tsx');

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  env?: NodeJS.ProcessEnv;
  cwd?: string;
}

/** Starts the smartmix CLI from source in a separate process, as a user would run it. */
export function spawnCli(args: string[], options: CliOptions = {}): ChildProcessWithoutNullStreams {
  return spawn(process.execPath, ['--conditions=development', '--import', TSX, ENTRY, ...args], {
    env: { ...process.env, ...options.env },
    cwd: options.cwd,
    stdio: ['pipe', 'pipe', 'pipe'],
  });
}

/** Resolves with the first line of the stream matching `pattern` (rejects if the stream ends first). */
export function lineMatching(stream: NodeJS.ReadableStream, pattern: RegExp): Promise<string> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: stream });
    lines.on('line', (line) => {
      if (pattern.test(line)) {
        lines.removeAllListeners('close');
        resolve(line);
      }
    });
    lines.on('close', () => reject(new Error(`stream ended without a line matching ${pattern}`)));
  });
}

/** Runs the smartmix CLI to its end: exit code, stdout, stderr. */
export function runCli(args: string[], options: CliOptions = {}): Promise<CliRun> {
  return collect(spawnCli(args, options));
}

/** Waits for a started CLI process to end and returns what it printed. */
export function collect(child: ChildProcessWithoutNullStreams): Promise<CliRun> {
  child.stdin.end();
  return new Promise((resolve, reject) => {
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (b) => (stdout += b));
    child.stderr.on('data', (b) => (stderr += b));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}
