// Preloaded into a benchmarked child process: on exit, appends the process's own peak RSS and CPU time to the
// file named by SMARTMIX_BENCH_RUSAGE, so the harness measures the real command without platform tools. `role`
// tells the coordinator (the CLI command itself) from the worker processes it started.
import { appendFileSync } from 'node:fs';

const target = process.env.SMARTMIX_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(
      target,
      `${JSON.stringify({ role: process.argv[2] === 'worker' ? 'worker' : 'coordinator', maxRssBytes: usage.maxRSS * 1024, userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6 })}\n`,
    );
  });
}
