import { exitCleanlyOnSignals, openPlacement, ProgressLog } from '@smartmix/coordinator';
import type { JobTracker } from '@smartmix/metrics';
import { readMatrix } from '@smartmix/npy';
import { DEFAULT_MAX_KERNEL_BYTES, runSelection } from '@smartmix/submodular';
import { type Command, Option } from 'commander';
import { addJobMetricsFlags, type JobMetricsFlags, withJobMetrics } from '../job-metrics.js';
import { writeJsonOutput } from '../output.js';
import { choiceOption, integerOption, numberOption } from '../parse.js';
import {
  addPlacementFlags,
  type PlacementFlags,
  placementOptions,
  workerCommand,
} from '../placement-flags.js';

interface SelectFlags extends PlacementFlags, JobMetricsFlags {
  embeddings: string;
  kernel?: string;
  function: 'fl' | 'gc' | 'logdet';
  kernelMode?: 'sijs' | 'data' | 'sparse';
  numNeighbors?: number;
  lambda?: number;
  budget: number;
  optimizer: 'naive' | 'lazy' | 'stochastic' | 'lazier';
  seed?: number;
  epsilon?: number;
  stopIfZeroGain?: boolean;
  stopIfNegativeGain?: boolean;
  device: string;
  maxKernelMemory: number;
  strictDevice?: boolean;
  out: string;
}

export function registerSelect(program: Command): void {
  const command = program
    .command('select')
    .description('greedily maximise a submodular function over the rows of an embedding matrix')
    .requiredOption('--embeddings <file>', 'n×d float32/float64 C-order .npy')
    .option('--kernel <file>', 'precomputed n×n similarity matrix (.npy), used as is')
    .addOption(
      new Option('--function <name>', 'fl (facility location), gc (graph cut), logdet (log-determinant)')
        .argParser(choiceOption('--function', ['fl', 'gc', 'logdet'] as const))
        .makeOptionMandatory(),
    )
    .option(
      '--kernel-mode <mode>',
      "sijs: raw float32 cosine (scikit-learn); data: submodlib's own diagonal-1 kernel; sparse: each row's " +
        '--num-neighbors most similar rows of the sijs kernel, fl only (default sijs)',
      choiceOption('--kernel-mode', ['sijs', 'data', 'sparse'] as const),
    )
    .option(
      '--num-neighbors <k>',
      'neighbours kept per row in sparse mode (1 … n; n gives the dense result)',
      integerOption('--num-neighbors', 1),
    )
    .option(
      '--lambda <number>',
      'λ for gc (default 0.4) and logdet (default 1)',
      numberOption('--lambda', () => true, 'a number'),
    )
    .requiredOption('--budget <k>', 'number of elements to select (1 … n−1)', integerOption('--budget', 1))
    .option(
      '--optimizer <name>',
      'naive | lazy | stochastic | lazier',
      choiceOption('--optimizer', ['naive', 'lazy', 'stochastic', 'lazier'] as const),
      'lazy',
    )
    .option('--seed <s>', 'seed of the stochastic optimizers (default 0)', integerOption('--seed', 0))
    .option(
      '--epsilon <e>',
      'ε of the stochastic optimizers (default 0.01)',
      numberOption('--epsilon', (v) => v > 0 && v < 1, 'a number in (0, 1)'),
    )
    .option('--stop-if-zero-gain', 'stop before taking an element whose gain is zero or less')
    .option('--stop-if-negative-gain', 'stop before taking an element whose gain is negative')
    .option('--device <device>', 'cpu | cuda | cuda:N for the kernel GEMM', 'cpu')
    .option(
      '--max-kernel-memory <MiB>',
      'largest kernel to hold (its upper triangle: n(n+1)/2 float32); above it facility location and graph cut run blockwise (no kernel)',
      integerOption('--max-kernel-memory', 1),
      DEFAULT_MAX_KERNEL_BYTES / 2 ** 20,
    )
    .option('--strict-device', 'fail instead of falling back to CPU when CUDA is unavailable')
    .option('--out <file>', "output JSON file, or '-' for stdout", '-');
  addJobMetricsFlags(addPlacementFlags(command)).action((flags: SelectFlags) =>
    withJobMetrics(flags, 'select', (tracker) => select(flags, tracker)),
  );
}

async function select(flags: SelectFlags, tracker: JobTracker | undefined): Promise<void> {
  const log = (line: string) => process.stderr.write(`${line}\n`);
  exitCleanlyOnSignals(log);
  const progress = new ProgressLog(log);
  const embeddings = await readMatrix(flags.embeddings);
  const kernel = flags.kernel === undefined ? undefined : await readMatrix(flags.kernel);
  const device = { device: flags.device, strictDevice: flags.strictDevice };
  const placement = await openPlacement({
    ...placementOptions(flags),
    workerCommand: workerCommand(),
    device,
    tracker,
  });
  const measured = tracker?.greedy('select', embeddings.rows);
  const result = await runSelection({
    embeddings,
    kernel,
    kernelMode: flags.kernelMode,
    numNeighbors: flags.numNeighbors,
    function: flags.function,
    lambda: flags.lambda,
    budget: flags.budget,
    optimizer: flags.optimizer,
    seed: flags.seed,
    epsilon: flags.epsilon,
    stopIfZeroGain: flags.stopIfZeroGain,
    stopIfNegativeGain: flags.stopIfNegativeGain,
    placement: placement.kernel,
    maxKernelBytes: flags.maxKernelMemory * 2 ** 20,
    onStep: (step, element, gain, evaluations) => {
      progress.throttled('select', () => `select: ${step}/${flags.budget} greedy steps`);
      measured?.(step, element, gain, evaluations);
    },
  }).finally(() => placement.close());
  if (tracker) {
    for (const [stage, seconds] of Object.entries(result.seconds)) tracker.stageFinished(stage, seconds);
  }
  const traffic = placement.traffic();
  await writeJsonOutput(flags.out, {
    ...result,
    placement: placement.description,
    rpcBytes: { sent: traffic.sent, received: traffic.received },
  });
}
