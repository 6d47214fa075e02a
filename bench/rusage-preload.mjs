// Preloaded into a benchmarked child process: on exit, appends the process's own peak RSS and CPU time to the
// file named by SMARTMIX_BENCH_RUSAGE, so the harness measures the real command without platform tools.
import { appendFileSync } from 'node:fs';

const target = process.env.SMARTMIX_BENCH_RUSAGE;
if (target) {
  process.on('exit', () => {
    const usage = process.resourceUsage();
    appendFileSync(
      target,
      `${JSON.stringify({ maxRssBytes: usage.maxRSS * 1024, userSeconds: usage.userCPUTime / 1e6, systemSeconds: usage.systemCPUTime / 1e6 })}\n`,
    );
  });
}
