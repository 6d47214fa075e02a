import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./cli-entry.ts', import.meta.url));

/** A smartmix CLI process left running (a worker, or a job watched while it runs), with its output so far. */
export class CliProcess {
  readonly child: ChildProcess;
  stdout = '';
  stderr = '';
  readonly exited: Promise<number | null>;

  constructor(args: string[], env: NodeJS.ProcessEnv = {}, nodeOptions: readonly string[] = []) {
    this.child = spawn(
      process.execPath,
      [...nodeOptions, '--conditions=development', '--import', 'tsx', ENTRY, ...args],
      {
        env: { ...process.env, ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    this.child.stdout!.on('data', (b) => (this.stdout += b));
    this.child.stderr!.on('data', (b) => (this.stderr += b));
    this.exited = new Promise((resolve) => this.child.on('close', (code) => resolve(code)));
  }

  /** The first match of `pattern` in stdout + stderr, waiting at most `timeoutMs` for it. */
  async waitFor(pattern: RegExp, timeoutMs = 60_000): Promise<RegExpMatchArray> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const match = (this.stdout + this.stderr).match(pattern);
      if (match) return match;
      if (this.child.exitCode !== null || Date.now() > deadline) {
        throw new Error(`no ${pattern} in the output of smartmix:\n${this.stdout}${this.stderr}`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /** Where the process serves /metrics (it prints the bound address, so tests can ask for port 0). */
  async metricsUrl(): Promise<string> {
    return `http://${(await this.waitFor(/metrics on http:\/\/(\S+)\/metrics/))[1]}/metrics`;
  }

  async stop(): Promise<number | null> {
    if (this.child.exitCode === null && this.child.signalCode === null) this.child.kill('SIGTERM');
    return this.exited;
  }
}

/** The value of one series in Prometheus text format (labels written as the client library writes them). */
export function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

/**
 * A path under the shared data directory (`shared/` beside the checkout or above it: worktrees sit one level
 * deeper than the main checkout), or undefined when this machine has none.
 */
export function findSharedData(relative: string): string | undefined {
  for (let dir = dirname(ENTRY); dirname(dir) !== dir; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', relative);
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}
