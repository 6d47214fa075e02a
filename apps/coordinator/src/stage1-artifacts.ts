import type { CollectionScan } from '@smartmix/dataset';
import { meanTaskEmbeddings, selectTasks, type TaskSelection } from '@smartmix/mixture';
import { sha256Hex } from '@smartmix/storage';
import { DEFAULT_LAMBDA, type KernelPlacement } from '@smartmix/submodular';
import type { LoadedEmbeddings } from './embedding-source.js';
import type { JobArtifacts } from './job-artifacts.js';
import type { MixJobOptions } from './mix-options.js';

/** Bumped whenever task embeddings or the stage-1 selection change meaning, so stale artifacts are never reused. */
export const STAGE1_VERSION = 'stage1/1';

const bytesOf = (a: Float32Array | Int32Array) => new Uint8Array(a.buffer, a.byteOffset, a.byteLength);

/** The identity of the prompt embeddings a job used: a digest of the vectors and of which record has which row. */
export function embeddingsDigest(embeddings: LoadedEmbeddings): string {
  return `sha256:${sha256Hex(bytesOf(embeddings.data))}.${sha256Hex(bytesOf(embeddings.rowOf))}`;
}

/**
 * SMART stage 1 through the job's artifacts: the task embeddings (mean prompt embedding per task), then the task
 * selection and budgets, each stored when finished and, on --resume, read back instead of recomputed.
 */
export async function taskSelection(
  artifacts: JobArtifacts,
  index: CollectionScan,
  embeddings: LoadedEmbeddings,
  options: MixJobOptions,
  placement: KernelPlacement,
): Promise<TaskSelection> {
  const { d, data, rowOf } = embeddings;
  const prompts = embeddingsDigest(embeddings);
  const tasks = `sha256:${sha256Hex(bytesOf(index.taskOf))}.${sha256Hex(index.tasks.map((t) => t.name).join('\n'))}`;
  const taskEmbeddings = await artifacts.float32(
    'task-embeddings',
    { version: STAGE1_VERSION, prompts, tasks, d },
    { prompts, tasks },
    () => {
      const taskRows = index.tasks.map(() => [] as number[]);
      for (let r = 0; r < index.ids.length; r++) taskRows[index.taskOf[r]!]!.push(rowOf[r]!);
      return meanTaskEmbeddings(data, d, taskRows);
    },
  );
  const { name, lambda } = options.taskFunction;
  const parameters = {
    function: name,
    lambda: lambda ?? DEFAULT_LAMBDA[name],
    numTasks: options.numTasks,
    budget: options.budget,
  };
  const selection = await artifacts.json(
    'stage1',
    { version: STAGE1_VERSION, taskEmbeddings: taskEmbeddings.key, counts: index.tasks, ...parameters },
    { taskEmbeddings: taskEmbeddings.key, tasks },
    () =>
      selectTasks({
        taskEmbeddings: taskEmbeddings.value,
        d,
        tasks: index.tasks,
        function: name,
        lambda,
        numTasks: options.numTasks,
        budget: options.budget,
        placement,
        onStep: artifacts.tracker?.greedy('stage1', index.tasks.length),
      }),
  );
  return selection.value;
}
