import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const PRELOAD = fileURLToPath(new URL('./rusage-preload.mjs', import.meta.url));
export const CLI = fileURLToPath(new URL('../apps/cli/bin/smartmix.js', import.meta.url));

export interface CommandMeasurement {
  wallSeconds: number;
  /** The largest peak RSS among the node processes the command ran (the CLI and any workers it spawned). */
  peakRssBytes: number;
  processes: {
    role: 'coordinator' | 'worker';
    maxRssBytes: number;
    userSeconds: number;
    systemSeconds: number;
  }[];
  stdout: string;
  stderr: string;
}

/**
 * Runs the built CLI as a separate process, as `npx smartmix` does (the bin itself, so the node options of its
 * shebang apply), and measures its wall time and peak RSS.
 */
export async function measureCli(args: string[]): Promise<CommandMeasurement> {
  const dir = await mkdtemp(join(tmpdir(), 'smartmix-bench-'));
  const usageFile = join(dir, 'rusage.jsonl');
  try {
    const start = performance.now();
    const { code, stdout, stderr } = await new Promise<{
      code: number | null;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      const child = spawn(CLI, args, {
        // NODE_OPTIONS reaches every node process the command starts (worker processes too).
        env: { ...process.env, SMARTMIX_BENCH_RUSAGE: usageFile, NODE_OPTIONS: `--import=${PRELOAD}` },
      });
      let out = '';
      let err = '';
      child.stdout.on('data', (b) => (out += b));
      child.stderr.on('data', (b) => (err += b));
      child.on('close', (c) => resolve({ code: c, stdout: out, stderr: err }));
    });
    const wallSeconds = (performance.now() - start) / 1000;
    if (code !== 0) throw new Error(`smartmix ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
    const processes = (await readFile(usageFile, 'utf8'))
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line));
    return {
      wallSeconds,
      peakRssBytes: Math.max(...processes.map((p) => p.maxRssBytes)),
      processes,
      stdout,
      stderr,
    };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
