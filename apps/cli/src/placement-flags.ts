import type { PlacementOptions } from '@smartmix/coordinator';
import { type Command, Option } from 'commander';
import { InputError } from './errors.js';
import { withNodeFlags } from './node-flags.js';
import { integerOption, numberOption } from './parse.js';

export interface PlacementFlags {
  workers: number;
  workerAddresses?: string[];
  workerDns?: string;
  tokenFile?: string;
  tlsCa?: string;
  tlsCert?: string;
  tlsKey?: string;
  rpcTimeout?: number;
}

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/;

function addressList(text: string): string[] {
  const addresses = text.split(',').map((a) => a.trim());
  for (const a of addresses) {
    if (!HOST_PORT.test(a)) throw new InputError(`--worker-addresses: '${a}' is not host:port`);
  }
  return addresses;
}

function dnsName(text: string): string {
  if (!HOST_PORT.test(text)) throw new InputError(`--worker-dns: '${text}' is not NAME:PORT`);
  return text;
}

/** The flags that place similarity work: in process, on local workers, or on running workers. */
export function addPlacementFlags(command: Command): Command {
  return command
    .addOption(
      new Option('--workers <n>', 'start n local workers on loopback (0: compute in this process)')
        .argParser(integerOption('--workers', 0))
        .default(0),
    )
    .option('--worker-addresses <list>', 'use running workers (host:port,...) instead', addressList)
    .option(
      '--worker-dns <name:port>',
      'use every address of a DNS name as a worker (a Kubernetes headless Service)',
      dnsName,
    )
    .option('--token-file <file>', 'shared token for running workers (default: $SMARTMIX_WORKER_TOKEN)')
    .option('--tls-ca <file>', 'TLS towards running workers: CA certificate that signed theirs')
    .option('--tls-cert <file>', 'mutual TLS: this client certificate (with --tls-key)')
    .option('--tls-key <file>', 'mutual TLS: this client key (with --tls-cert)')
    .addOption(
      new Option(
        '--rpc-timeout <seconds>',
        'longest time one worker call may take before its work moves to another worker',
      ).argParser(numberOption('--rpc-timeout', (v) => v > 0, 'a positive number of seconds')),
    );
}

/** The placement half of a command's flags, as the coordinator takes it. */
export function placementOptions(flags: PlacementFlags): Omit<PlacementOptions, 'workerCommand' | 'device'> {
  return {
    workers: flags.workers,
    workerAddresses: flags.workerAddresses,
    workerDns: flags.workerDns,
    tokenFile: flags.tokenFile,
    tls: { ca: flags.tlsCa, cert: flags.tlsCert, key: flags.tlsKey },
    callDeadlineMs: flags.rpcTimeout === undefined ? undefined : flags.rpcTimeout * 1000,
  };
}

/** How this very CLI starts `smartmix worker`: the same node, flags (with NODE_FLAGS) and entry point. */
export function workerCommand(): string[] {
  return [process.execPath, ...withNodeFlags(process.execArgv), process.argv[1]!, 'worker'];
}
