import { exitCleanlyOnSignals, openPlacement, runJobSpec } from '@smartmix/coordinator';
import { resolveJobSpec, SPEC_DEFAULTS } from '@smartmix/jobspec';
import { type JobTracker, storeObserver } from '@smartmix/metrics';
import { observeStore, openStore } from '@smartmix/storage';
import { type Command, Option } from 'commander';
import { addCollectionFlags } from '../collection-flags.js';
import { addEmbedderFlags, type EmbedderFlags } from '../embedder-flags.js';
import { InputError } from '../errors.js';
import { addJobMetricsFlags, type JobMetricsFlags, withJobMetrics } from '../job-metrics.js';
import { choiceOption, integerListOption, integerOption, numberOption } from '../parse.js';
import {
  addPlacementFlags,
  type PlacementFlags,
  placementOptions,
  workerCommand,
} from '../placement-flags.js';
import { specOverrides } from '../spec-flags.js';

const FUNCTIONS = ['gc', 'fl', 'logdet'] as const;
const EMBEDDERS = ['onnx', 'hashing'] as const;
const MIXERS = ['smart', 'proportional', 'temperature', 'equal', 'unimax', 'random'] as const;

interface MixFlags extends PlacementFlags, JobMetricsFlags, Pick<EmbedderFlags, 'threads'> {
  resume?: boolean;
  spec?: string;
  input?: string[];
  numTasks?: number | number[];
  budget?: number | number[];
  strictDevice?: boolean;
  out?: string;
}

/** Without a spec file these flags say what to do; with one, the file may. */
const REQUIRED_WITHOUT_SPEC = [
  ['input', '--input <paths...>'],
  ['numTasks', '--num-tasks <m>'],
  ['budget', '--budget <n>'],
  ['out', '--out <dir>'],
] as const;

export function registerMix(program: Command): void {
  const command = program
    .command('mix')
    .description('build a SMART (or baseline) mixture from an instruction collection')
    .option('--spec <file>', "job spec (YAML or JSON, or a mixture's manifest.json); flags given override it")
    .option('--input <paths...>', 'JSONL (.jsonl, .jsonl.gz) / Parquet files or directories of them')
    .option('--embeddings <file>', 'precomputed prompt embeddings (.npy, rows in the order of --ids)')
    .option(
      '--embedder <name>',
      'without --embeddings: onnx (--model, --tokenizer; default the bundled model) | hashing (default onnx)',
      choiceOption('--embedder', EMBEDDERS),
    )
    .option('--ids <file>', 'JSON array of the ids of the --embeddings rows')
    .option(
      '--num-tasks <m>',
      "M': number of tasks to select (a comma-separated list: a sweep)",
      integerListOption('--num-tasks', 1),
    )
    .option(
      '--budget <n>',
      "N': number of instances in the mixture (a comma-separated list: a sweep)",
      integerListOption('--budget', 1),
    )
    .option(
      '--task-function <name>',
      'stage-1 function: gc | fl | logdet',
      choiceOption('--task-function', FUNCTIONS),
      SPEC_DEFAULTS.taskFunction,
    )
    .option(
      '--task-lambda <l>',
      'stage-1 λ (gc 0.4, logdet 1)',
      numberOption('--task-lambda', () => true, 'a number'),
    )
    .option(
      '--instance-function <name>',
      'stage-2 function: fl | gc | logdet',
      choiceOption('--instance-function', FUNCTIONS),
      SPEC_DEFAULTS.instanceFunction,
    )
    .option(
      '--instance-lambda <l>',
      'stage-2 λ (gc 0.4, logdet 1)',
      numberOption('--instance-lambda', () => true, 'a number'),
    )
    .addOption(
      new Option('--mixer <name>', MIXERS.join(' | '))
        .argParser(choiceOption('--mixer', MIXERS))
        .default(SPEC_DEFAULTS.mixer),
    )
    .option('--cap <k>', 'proportional mixer: per-task cap K (default: none)', integerOption('--cap', 1))
    .option(
      '--temperature <t>',
      'temperature mixer: T (default 2)',
      numberOption('--temperature', (v) => v > 0, 'a number > 0'),
    )
    .option(
      '--max-epochs <e>',
      'unimax mixer: max epochs per task (default 1)',
      numberOption('--max-epochs', (v) => v > 0, 'a number > 0'),
    )
    .option(
      '--seed <s>',
      'seed of the mixture shuffle and the random parts of the baselines',
      integerOption('--seed', 0),
      SPEC_DEFAULTS.seed,
    )
    .option(
      '--split-above <n>',
      'halve stage-2 groups above n rows, as the Python reference does (for comparison)',
      integerOption('--split-above', 2),
    )
    .option(
      '--full-order-up-to <n>',
      'order stage-2 groups of up to n rows completely; larger groups only as far as their budget needs (rounded up to a power of two)',
      integerOption('--full-order-up-to', 1),
      SPEC_DEFAULTS.fullOrderUpTo,
    )
    .option('--store <url>', 'artifact store: a directory or s3://bucket/prefix', SPEC_DEFAULTS.store)
    .option(
      '--resume',
      'reuse what an interrupted run of the same job finished (task embeddings, stage 1; orders always)',
    )
    .option('--device <device>', 'cpu | cuda | cuda:N', SPEC_DEFAULTS.device)
    .option(
      '--max-kernel-memory <MiB>',
      'largest group kernel to hold (its upper triangle: n(n+1)/2 float32); larger groups are ordered blockwise (facility location)',
      integerOption('--max-kernel-memory', 1),
      SPEC_DEFAULTS.maxKernelMemory,
    )
    .option('--strict-device', 'fail instead of falling back to CPU when CUDA is unavailable')
    .option(
      '--out <dir>',
      "output directory (mixture.jsonl, manifest.json, budgets.csv; a sweep: one per M'/N')",
    );
  addJobMetricsFlags(addPlacementFlags(addCollectionFlags(addEmbedderFlags(command)))).action(
    (flags: MixFlags, self: Command) => withJobMetrics(flags, 'mix', (tracker) => mix(flags, self, tracker)),
  );
}

async function mix(flags: MixFlags, self: Command, tracker: JobTracker | undefined): Promise<void> {
  exitCleanlyOnSignals((line) => process.stderr.write(`${line}\n`));
  if (flags.spec === undefined) {
    for (const [key, flag] of REQUIRED_WITHOUT_SPEC) {
      if (flags[key] === undefined) throw new InputError(`required option '${flag}' not specified`);
    }
  }
  const spec = await resolveJobSpec(flags.spec, specOverrides(self));
  if (spec.out === undefined) throw new InputError(`${flags.spec}: out: missing (give it there or --out)`);
  const device = { device: spec.device, strictDevice: flags.strictDevice };
  // Everything that can fail on bad input comes before workers are started, so a failure leaves none behind.
  const opened = await openStore(spec.store);
  const store = tracker ? observeStore(opened, storeObserver(tracker.metrics)) : opened;
  const placement = await openPlacement({
    ...placementOptions(flags),
    workers: spec.workers,
    workerCommand: workerCommand(),
    device,
    tracker,
  });
  await runJobSpec(spec, {
    store,
    placement,
    device,
    outDir: spec.out,
    log: (line) => process.stderr.write(`${line}\n`),
    resume: flags.resume,
    tracker,
    embedderRuntime: {
      threads: flags.threads,
      warn: (message) => process.stderr.write(`warning: ${message}\n`),
    },
  }).finally(() => placement.close());
}
