import { exitCleanlyOnSignals, openPlacement, runEmbedJob } from '@smartmix/coordinator';
import { DEFAULT_STORE, openStore } from '@smartmix/storage';
import type { Command } from 'commander';
import { addCollectionFlags, type CollectionFlags, fieldMap } from '../collection-flags.js';
import { addEmbedderFlags, deviceOption, type EmbedderFlags, embedderSettings } from '../embedder-flags.js';
import {
  addPlacementFlags,
  type PlacementFlags,
  placementOptions,
  workerCommand,
} from '../placement-flags.js';
import { progressReporter } from '../progress.js';

interface EmbedFlags extends EmbedderFlags, CollectionFlags, PlacementFlags {
  input: string[];
  out: string;
  idsOut: string;
  device: string;
  strictDevice?: boolean;
  store: string;
  /** false when --no-cache is given. */
  cache: boolean;
}

export function registerEmbed(program: Command): void {
  const command = program
    .command('embed')
    .description('embed the prompts of a collection with an ONNX sentence encoder (in process or on workers)')
    .requiredOption('--input <paths...>', 'JSONL (.jsonl, .jsonl.gz) / Parquet files or directories of them')
    .requiredOption('--out <E.npy>', 'float32 .npy of the vectors, one row per record')
    .requiredOption('--ids-out <IDS.json>', 'JSON array of the ids of the rows')
    .option('--device <device>', 'cpu | cuda | cuda:N', deviceOption, 'cpu')
    .option('--strict-device', 'fail instead of falling back to CPU when CUDA is unavailable')
    .option(
      '--store <url>',
      'artifact store caching vectors: a directory or s3://bucket/prefix',
      DEFAULT_STORE,
    )
    .option('--no-cache', 'neither read nor write cached vectors');
  addPlacementFlags(addCollectionFlags(addEmbedderFlags(command))).action(async (flags: EmbedFlags) => {
    const progress = progressReporter();
    exitCleanlyOnSignals((line) => process.stderr.write(`${line}\n`));
    const device = { device: flags.device, strictDevice: flags.strictDevice };
    const embedder = embedderSettings(flags, device, progress.warn);
    const store = flags.cache ? await openStore(flags.store) : undefined;
    const placement = await openPlacement({
      ...placementOptions(flags),
      workerCommand: workerCommand(),
      device,
      warn: (line) => progress.warn(line.replace(/^warning: /, '')),
    });
    const result = await runEmbedJob({
      inputs: flags.input,
      read: { fields: fieldMap(flags) },
      embedder,
      store,
      placement,
      out: flags.out,
      idsOut: flags.idsOut,
      onStart: (info) => progress.start({ ...info }),
      onProgress: (stats) => progress.update(stats),
    }).finally(() => placement.close());
    const traffic = placement.traffic();
    progress.done({
      rows: result.records,
      dim: result.dim,
      device: result.device,
      placement: result.placement,
      rpcBytes: { sent: traffic.sent, received: traffic.received },
      seconds: Number(result.seconds.toFixed(3)),
      textsPerSecond: Math.round(result.records / result.seconds),
      ...result.stats,
      out: flags.out,
      idsOut: flags.idsOut,
    });
  });
}
