import { type FieldMap, type InputFile, type ReadContext, readCollection } from '@smartmix/dataset';
import { type TaskCounts, TEMPLATE_TYPES, type TemplateType } from '@smartmix/mixture';
import { JobInputError } from './errors.js';

/**
 * What the planning stages need of a collection, from one streaming pass: each record's id, task and template type
 * in collection order (not its text), per-task counts, and the input files with their hashes.
 */
export interface CollectionIndex {
  ids: string[];
  /** Task of record r, as an index into `tasks` (sorted by name). */
  taskOf: Int32Array;
  /** Template type of record r, as an index into TEMPLATE_TYPES. */
  typeOf: Uint8Array;
  tasks: TaskCounts[];
  files: InputFile[];
}

export interface CollectionOptions {
  inputs: string[];
  fields: FieldMap;
}

export async function indexCollection(options: CollectionOptions): Promise<CollectionIndex> {
  const context: ReadContext = { files: [] };
  const ids: string[] = [];
  const taskNames: string[] = [];
  const types: number[] = [];
  for await (const record of readCollection(options.inputs, { fields: options.fields }, context)) {
    ids.push(record.id);
    taskNames.push(record.task);
    types.push(TEMPLATE_TYPES.indexOf(record.templateType as TemplateType));
  }
  // Tasks in name order: a canonical order that does not depend on how the collection is split into files.
  const names = [...new Set(taskNames)].sort();
  const position = new Map(names.map((name, i) => [name, i]));
  const tasks: TaskCounts[] = names.map((name) => ({
    name,
    counts: { zs_opt: 0, zs_noopt: 0, fs_opt: 0, fs_noopt: 0 },
  }));
  const taskOf = Int32Array.from(taskNames, (name) => position.get(name)!);
  const typeOf = Uint8Array.from(types);
  for (let r = 0; r < ids.length; r++) tasks[taskOf[r]!]!.counts[TEMPLATE_TYPES[typeOf[r]!]!]++;
  return { ids, taskOf, typeOf, tasks, files: context.files };
}

/** Record indices of each (task, template type) group, in collection order. */
export function groupRecords(index: CollectionIndex): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  for (let r = 0; r < index.ids.length; r++) {
    const key = groupKey(index.tasks[index.taskOf[r]!]!.name, TEMPLATE_TYPES[index.typeOf[r]!]!);
    const list = groups.get(key);
    if (list) list.push(r);
    else groups.set(key, [r]);
  }
  return groups;
}

export const groupKey = (task: string, type: string) => `${task}\u0000${type}`;

export function checkRequest(index: CollectionIndex, numTasks: number, budget: number): void {
  if (numTasks > index.tasks.length) {
    throw new JobInputError(
      `--num-tasks ${numTasks} is larger than the collection's ${index.tasks.length} tasks`,
    );
  }
  if (budget > index.ids.length) {
    throw new JobInputError(
      `--budget ${budget} is larger than the collection's ${index.ids.length} instances`,
    );
  }
}
