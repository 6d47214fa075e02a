import { type ReadContext, readCollection } from './collection.js';
import type { InputFile } from './file-digest.js';
import {
  type FieldMap,
  fallbackTemplateType,
  type ReadOptions,
  resolveFields,
  TEMPLATE_TYPES,
  type TemplateType,
} from './record.js';

export interface TaskSummary {
  name: string;
  counts: Record<TemplateType, number>;
}

/**
 * What planning needs of a collection, without its text: each record's id, task and template type in collection
 * order, per-task counts, and the input files with their hashes. Per-record data is kept in typed arrays (5 bytes a
 * record beside its id) because a FLAN-sized collection has 17.6 M of them.
 */
export interface CollectionScan {
  total: number;
  ids: string[];
  /** Task of record r, as an index into `tasks`. */
  taskOf: Int32Array;
  /** Template type of record r, as an index into TEMPLATE_TYPES. */
  typeOf: Uint8Array;
  /** Sorted by name: an order that does not depend on how the collection is split into files. */
  tasks: TaskSummary[];
  files: InputFile[];
  /** The field mapping the collection was read with. */
  fields: FieldMap;
  /** The type every record was given because the collection has none (`fields.templateType` null), else null. */
  assumedTemplateType: TemplateType | null;
}

/** Reads the collection once, validating it as `readCollection` does, and summarises it. */
export async function scanCollection(
  paths: readonly string[],
  options: ReadOptions = {},
): Promise<CollectionScan> {
  const context: ReadContext = { files: [] };
  const ids: string[] = [];
  // Task indices in order of first appearance while streaming; renumbered by name at the end.
  const firstSeen = new Map<string, number>();
  const seenTaskOf: number[] = [];
  const typeIndex: number[] = [];
  for await (const record of readCollection(paths, options, context)) {
    let task = firstSeen.get(record.task);
    if (task === undefined) {
      task = firstSeen.size;
      firstSeen.set(record.task, task);
    }
    ids.push(record.id);
    seenTaskOf.push(task);
    typeIndex.push(TEMPLATE_TYPES.indexOf(record.templateType));
  }
  const names = [...firstSeen.keys()].sort();
  const rankOf = new Int32Array(names.length);
  names.forEach((name, rank) => {
    rankOf[firstSeen.get(name)!] = rank;
  });
  const taskOf = Int32Array.from(seenTaskOf, (task) => rankOf[task]!);
  const typeOf = Uint8Array.from(typeIndex);
  const tasks: TaskSummary[] = names.map((name) => ({
    name,
    counts: { zs_opt: 0, zs_noopt: 0, fs_opt: 0, fs_noopt: 0 },
  }));
  for (let r = 0; r < ids.length; r++) tasks[taskOf[r]!]!.counts[TEMPLATE_TYPES[typeOf[r]!]!]++;
  const fields = resolveFields(options);
  return {
    total: ids.length,
    ids,
    taskOf,
    typeOf,
    tasks,
    files: context.files,
    fields,
    assumedTemplateType: fields.templateType === null ? fallbackTemplateType(options) : null,
  };
}
