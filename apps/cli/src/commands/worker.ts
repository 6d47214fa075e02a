import { VERSION } from '@smartmix/coordinator';
import { DEFAULT_IDLE_STATE_TTL_MS, runWorker } from '@smartmix/worker';
import type { Command } from 'commander';
import { missingNodeFlagsWarning } from '../node-flags.js';
import { integerOption } from '../parse.js';

export function registerWorker(program: Command): void {
  program
    .command('worker')
    .description('run a worker (gRPC: similarity scoring and embedding) until SIGTERM')
    .option('--listen <host:port>', 'address to bind (port 0 picks a free one)', '127.0.0.1:50051')
    .option('--device <device>', 'cpu | cuda | cuda:N', 'cpu')
    .option('--strict-device', 'fail instead of falling back to CPU when CUDA is unavailable')
    .option('--token-file <file>', 'shared token callers must present (default: $SMARTMIX_WORKER_TOKEN)')
    .option('--tls-cert <file>', 'serve TLS with this certificate (with --tls-key)')
    .option('--tls-key <file>', 'the TLS private key')
    .option('--tls-client-ca <file>', 'mutual TLS: require client certificates signed by this CA')
    .option(
      '--exit-with-parent',
      'stop when the parent process exits (how local workers follow their coordinator)',
    )
    .option('--metrics-listen <host:port>', 'serve Prometheus metrics at http://host:port/metrics')
    .option(
      '--idle-state-ttl <seconds>',
      'drop matrices, shards and embedders unused this long (their coordinator is gone)',
      integerOption('--idle-state-ttl', 1),
      DEFAULT_IDLE_STATE_TTL_MS / 1000,
    )
    .option(
      '--threads <n>',
      'onnxruntime intra-op threads (default: all cores)',
      integerOption('--threads', 1),
    )
    .action(
      (flags: {
        listen: string;
        device: string;
        strictDevice?: boolean;
        threads?: number;
        exitWithParent?: boolean;
        tokenFile?: string;
        tlsCert?: string;
        tlsKey?: string;
        tlsClientCa?: string;
        metricsListen?: string;
        idleStateTtl: number;
      }) => {
        const warning = missingNodeFlagsWarning(process.execArgv);
        return runWorker({
          ...flags,
          idleStateTtlMs: flags.idleStateTtl * 1000,
          tls: { cert: flags.tlsCert, key: flags.tlsKey, clientCa: flags.tlsClientCa },
          version: VERSION,
          warnings: warning ? [warning] : [],
        });
      },
    );
}
