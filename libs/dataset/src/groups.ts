import { TEMPLATE_TYPES, type TemplateType } from './record.js';
import type { CollectionScan } from './scan.js';

/**
 * A map key for a (task, template type) group. Template types hold no NUL, so the last NUL splits the key back
 * unambiguously even if a task name contains one.
 */
export const groupKey = (task: string, templateType: TemplateType): string => `${task}\u0000${templateType}`;

/** One stage-2 group: the records of one task with one template type. */
export interface Group {
  key: string;
  task: string;
  templateType: TemplateType;
  count: number;
  /** Positions of its records in collection order (ascending), as indices into the scan's `ids`. */
  rows: Uint32Array;
}

/**
 * The non-empty groups of a scanned collection, sorted by task name and then by template type in TEMPLATE_TYPES
 * order (zs_opt, zs_noopt, fs_opt, fs_noopt): a stable order whatever the file layout. The counts are known from
 * the scan, so each group's rows are allocated once at their exact size.
 */
export function collectionGroups(scan: Pick<CollectionScan, 'tasks' | 'taskOf' | 'typeOf'>): Group[] {
  const perTask = TEMPLATE_TYPES.length;
  const cells: Group[] = [];
  const groups: Group[] = [];
  scan.tasks.forEach((task, t) => {
    TEMPLATE_TYPES.forEach((templateType, k) => {
      const count = task.counts[templateType];
      if (count === 0) return;
      const group = {
        key: groupKey(task.name, templateType),
        task: task.name,
        templateType,
        count,
        rows: new Uint32Array(count),
      };
      cells[t * perTask + k] = group;
      groups.push(group);
    });
  });
  const filled = new Uint32Array(scan.tasks.length * perTask);
  for (let r = 0; r < scan.taskOf.length; r++) {
    const cell = scan.taskOf[r]! * perTask + scan.typeOf[r]!;
    cells[cell]!.rows[filled[cell]!++] = r;
  }
  return groups;
}
