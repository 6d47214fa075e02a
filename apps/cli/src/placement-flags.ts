import { type Command, Option } from 'commander';
import { InputError } from './errors.js';
import { integerOption } from './parse.js';

export interface PlacementFlags {
  workers: number;
  workerAddresses?: string[];
  tokenFile?: string;
}

function addressList(text: string): string[] {
  const addresses = text.split(',').map((a) => a.trim());
  for (const a of addresses) {
    if (!/^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):\d{1,5}$/.test(a))
      throw new InputError(`--worker-addresses: '${a}' is not host:port`);
  }
  return addresses;
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
    .option('--token-file <file>', 'shared token for --worker-addresses (default: $SMARTMIX_WORKER_TOKEN)');
}

/** How this very CLI starts `smartmix worker`: the same node, flags and entry point. */
export function workerCommand(): string[] {
  return [process.execPath, ...process.execArgv, process.argv[1]!, 'worker'];
}
