import { type MixJobOptions, openPlacement, runMixJob } from '@smartmix/coordinator';
import { DEFAULT_STORE, openStore } from '@smartmix/storage';
import { DEFAULT_MAX_KERNEL_BYTES } from '@smartmix/submodular';
import { type Command, Option } from 'commander';
import { addCollectionFlags, type CollectionFlags, fieldMap } from '../collection-flags.js';
import { addEmbedderFlags, type EmbedderFlags, embedderSettings } from '../embedder-flags.js';
import { choiceOption, integerOption, numberOption } from '../parse.js';
import {
  addPlacementFlags,
  type PlacementFlags,
  placementOptions,
  workerCommand,
} from '../placement-flags.js';

const FUNCTIONS = ['gc', 'fl', 'logdet'] as const;
const EMBEDDERS = ['onnx', 'hashing'] as const;
const MIXERS = ['smart', 'proportional', 'temperature', 'equal', 'unimax', 'random'] as const;

interface MixFlags extends PlacementFlags, CollectionFlags, EmbedderFlags {
  input: string[];
  embeddings?: string;
  ids?: string;
  embedder: (typeof EMBEDDERS)[number];
  numTasks: number;
  budget: number;
  taskFunction: (typeof FUNCTIONS)[number];
  taskLambda?: number;
  instanceFunction: (typeof FUNCTIONS)[number];
  instanceLambda?: number;
  mixer: (typeof MIXERS)[number];
  cap?: number;
  temperature?: number;
  maxEpochs?: number;
  seed: number;
  splitAbove?: number;
  store: string;
  device: string;
  maxKernelMemory: number;
  strictDevice?: boolean;
  out: string;
}

export function registerMix(program: Command): void {
  const command = program
    .command('mix')
    .description('build a SMART (or baseline) mixture from an instruction collection')
    .requiredOption('--input <paths...>', 'JSONL (.jsonl, .jsonl.gz) / Parquet files or directories of them')
    .option('--embeddings <file>', 'precomputed prompt embeddings (.npy, rows in the order of --ids)')
    .option(
      '--embedder <name>',
      'without --embeddings: onnx (--model, --tokenizer; default the bundled model) | hashing',
      choiceOption('--embedder', EMBEDDERS),
      'onnx',
    )
    .option('--ids <file>', 'JSON array of the ids of the --embeddings rows')
    .requiredOption('--num-tasks <m>', "M': number of tasks to select", integerOption('--num-tasks', 1))
    .requiredOption('--budget <n>', "N': number of instances in the mixture", integerOption('--budget', 1))
    .option(
      '--task-function <name>',
      'stage-1 function: gc | fl | logdet',
      choiceOption('--task-function', FUNCTIONS),
      'gc',
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
      'fl',
    )
    .option(
      '--instance-lambda <l>',
      'stage-2 λ (gc 0.4, logdet 1)',
      numberOption('--instance-lambda', () => true, 'a number'),
    )
    .addOption(
      new Option('--mixer <name>', MIXERS.join(' | '))
        .argParser(choiceOption('--mixer', MIXERS))
        .default('smart'),
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
      23,
    )
    .option(
      '--split-above <n>',
      'halve stage-2 groups above n rows, as the Python reference does (for comparison)',
      integerOption('--split-above', 2),
    )
    .option('--store <url>', 'artifact store: a directory or s3://bucket/prefix', DEFAULT_STORE)
    .option('--device <device>', 'cpu | cuda | cuda:N', 'cpu')
    .option(
      '--max-kernel-memory <MiB>',
      'largest group kernel to hold; larger groups are ordered blockwise (facility location)',
      integerOption('--max-kernel-memory', 1),
      DEFAULT_MAX_KERNEL_BYTES / 2 ** 20,
    )
    .option('--strict-device', 'fail instead of falling back to CPU when CUDA is unavailable')
    .requiredOption('--out <dir>', 'output directory (mixture.jsonl, manifest.json, budgets.csv)');
  addPlacementFlags(addCollectionFlags(addEmbedderFlags(command))).action(async (flags: MixFlags) => {
    const device = { device: flags.device, strictDevice: flags.strictDevice };
    const warn = (m: string) => process.stderr.write(`warning: ${m}\n`);
    const embedder = flags.embedder === 'hashing' ? undefined : embedderSettings(flags, device, warn);
    // Everything that can fail on bad input comes before workers are started, so a failure leaves none behind.
    const store = await openStore(flags.store);
    const placement = await openPlacement({
      ...placementOptions(flags),
      workerCommand: workerCommand(),
      device,
    });
    const options: MixJobOptions = {
      inputs: flags.input,
      fields: fieldMap(flags),
      embeddings: flags.embeddings,
      ids: flags.ids,
      embedder,
      numTasks: flags.numTasks,
      budget: flags.budget,
      taskFunction: { name: flags.taskFunction, lambda: flags.taskLambda },
      instanceFunction: { name: flags.instanceFunction, lambda: flags.instanceLambda },
      mixer: {
        name: flags.mixer,
        cap: flags.cap,
        temperature: flags.temperature,
        maxEpochs: flags.maxEpochs,
      },
      seed: flags.seed,
      splitAbove: flags.splitAbove,
      maxKernelBytes: flags.maxKernelMemory * 2 ** 20,
      store,
      device,
      placement,
      outDir: flags.out,
      log: (line) => process.stderr.write(`${line}\n`),
    };
    await runMixJob(options).finally(() => placement.close());
  });
}
