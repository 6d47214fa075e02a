import { runEmbedJob } from '@smartmix/coordinator';
import { DEFAULT_STORE, openStore } from '@smartmix/storage';
import type { Command } from 'commander';
import { addCollectionFlags, type CollectionFlags, fieldMap } from '../collection-flags.js';
import { addEmbedderFlags, deviceOption, type EmbedderFlags, embedderSettings } from '../embedder-flags.js';
import { progressReporter } from '../progress.js';

interface EmbedFlags extends EmbedderFlags, CollectionFlags {
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
    .description('embed the prompts of a collection with an ONNX sentence encoder')
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
  addCollectionFlags(addEmbedderFlags(command)).action(async (flags: EmbedFlags) => {
    const progress = progressReporter();
    const embedder = embedderSettings(
      flags,
      { device: flags.device, strictDevice: flags.strictDevice },
      progress.warn,
    );
    const store = flags.cache ? await openStore(flags.store) : undefined;
    const result = await runEmbedJob({
      inputs: flags.input,
      read: { fields: fieldMap(flags) },
      embedder,
      store,
      out: flags.out,
      idsOut: flags.idsOut,
      onStart: (info) => progress.start({ ...info }),
      onProgress: (stats) => progress.update(stats),
    });
    progress.done({
      rows: result.records,
      dim: result.dim,
      device: result.device,
      seconds: Number(result.seconds.toFixed(3)),
      textsPerSecond: Math.round(result.records / result.seconds),
      ...result.stats,
      out: flags.out,
      idsOut: flags.idsOut,
    });
  });
}
