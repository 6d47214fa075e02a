import { readFile } from 'node:fs/promises';
import { selectTasks, type TaskCounts } from '@smartmix/mixture';
import { readMatrix } from '@smartmix/npy';
import type { Command } from 'commander';
import { InputError } from '../errors.js';
import { writeJsonOutput } from '../output.js';
import { choiceOption, integerOption, numberOption } from '../parse.js';

interface AllocateFlags {
  taskEmbeddings: string;
  tasks: string;
  function: 'gc' | 'fl' | 'logdet';
  lambda?: number;
  numTasks: number;
  budget: number;
  device: string;
  out: string;
}

/** Reads `{"tasks": [{"name", "counts": {zs_opt, zs_noopt, fs_opt, fs_noopt}}]}` (the stage-1 fixture format). */
async function readTasks(file: string): Promise<TaskCounts[]> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(file, 'utf8'));
  } catch (err) {
    throw new InputError(
      `${file}: cannot read tasks (${(err as NodeJS.ErrnoException).code ?? (err as Error).message})`,
    );
  }
  const tasks = (parsed as { tasks?: unknown }).tasks;
  if (!Array.isArray(tasks) || tasks.length === 0)
    throw new InputError(`${file}: expected {"tasks": [...]} with at least one task`);
  const names = new Set<string>();
  return tasks.map((task, i) => {
    const { name, counts } = task as { name?: unknown; counts?: Record<string, unknown> };
    if (typeof name !== 'string' || name.length === 0)
      throw new InputError(`${file}: tasks[${i}].name: missing or empty`);
    if (names.has(name)) throw new InputError(`${file}: tasks[${i}].name: duplicate task '${name}'`);
    names.add(name);
    if (typeof counts !== 'object' || counts === null)
      throw new InputError(`${file}: tasks[${i}].counts: missing`);
    const read = (type: string) => {
      const value = counts[type] ?? 0;
      if (!Number.isSafeInteger(value) || (value as number) < 0) {
        throw new InputError(
          `${file}: tasks[${i}].counts.${type}: expected an integer ≥ 0, got ${JSON.stringify(value)}`,
        );
      }
      return value as number;
    };
    return {
      name,
      counts: {
        zs_opt: read('zs_opt'),
        zs_noopt: read('zs_noopt'),
        fs_opt: read('fs_opt'),
        fs_noopt: read('fs_noopt'),
      },
    };
  });
}

export function registerAllocate(program: Command): void {
  program
    .command('allocate')
    .description(
      "SMART stage 1: pick M' tasks over the task-embedding kernel and split N' instances among them",
    )
    .requiredOption('--task-embeddings <file>', 'T×d .npy, row t = task t of --tasks')
    .requiredOption(
      '--tasks <file>',
      'JSON {"tasks": [{"name", "counts": {zs_opt, zs_noopt, fs_opt, fs_noopt}}]}',
    )
    .option(
      '--function <name>',
      'gc | fl | logdet',
      choiceOption('--function', ['gc', 'fl', 'logdet'] as const),
      'gc',
    )
    .option(
      '--lambda <l>',
      'λ for gc (default 0.4) and logdet (default 1)',
      numberOption('--lambda', () => true, 'a number'),
    )
    .requiredOption('--num-tasks <m>', "M': tasks to select", integerOption('--num-tasks', 1))
    .requiredOption('--budget <n>', "N': instances to allocate", integerOption('--budget', 1))
    .option('--device <device>', 'cpu | cuda | cuda:N', 'cpu')
    .option('--out <file>', "output JSON file, or '-' for stdout", '-')
    .action(async (flags: AllocateFlags) => {
      const [x, tasks] = await Promise.all([readMatrix(flags.taskEmbeddings), readTasks(flags.tasks)]);
      if (x.rows !== tasks.length) {
        throw new InputError(
          `${flags.taskEmbeddings}: ${x.rows} rows but ${flags.tasks} lists ${tasks.length} tasks`,
        );
      }
      const result = await selectTasks({
        taskEmbeddings: x.data,
        d: x.cols,
        tasks,
        function: flags.function,
        lambda: flags.lambda,
        numTasks: flags.numTasks,
        budget: flags.budget,
        placement: { device: flags.device },
      });
      await writeJsonOutput(flags.out, result);
    });
}
