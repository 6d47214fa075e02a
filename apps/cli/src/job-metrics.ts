import { VERSION } from '@smartmix/coordinator';
import { createMetrics, JobTracker, startMetricsServer } from '@smartmix/metrics';
import type { Command } from 'commander';
import { numberOption } from './parse.js';

export interface JobMetricsFlags {
  metricsListen?: string;
  metricsLinger: number;
}

/** --metrics-listen and --metrics-linger, shared by the commands that run a job (mix, select). */
export function addJobMetricsFlags(command: Command): Command {
  return command
    .option(
      '--metrics-listen <host:port>',
      'serve Prometheus metrics at http://host:port/metrics during the job',
    )
    .option(
      '--metrics-linger <seconds>',
      'keep serving metrics this long after the job ends, so a last scrape sees its outcome',
      numberOption('--metrics-linger', (v) => v >= 0, 'a number of seconds ≥ 0'),
      0,
    );
}

/**
 * Runs a job with its metrics served for the job's life (and the linger after it), or without metrics when no
 * --metrics-listen is given. The endpoint is up before any work starts, so every stage is visible.
 */
export async function withJobMetrics<T>(
  flags: JobMetricsFlags,
  command: string,
  run: (tracker: JobTracker | undefined) => Promise<T>,
): Promise<T> {
  if (flags.metricsListen === undefined) return run(undefined);
  const metrics = createMetrics('coordinator', VERSION);
  const server = await startMetricsServer(flags.metricsListen, metrics.registry);
  process.stderr.write(`metrics on http://${server.address}/metrics\n`);
  const tracker = new JobTracker(metrics, command);
  try {
    return await tracker.run(() => run(tracker));
  } finally {
    // The job's outcome is reported (and its exit code set) at once; the open server keeps the process alive for
    // the linger, then closes.
    setTimeout(() => void server.close(), flags.metricsLinger * 1000);
  }
}
