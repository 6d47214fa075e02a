import { TEMPLATE_TYPES, type TemplateType } from '@smartmix/dataset';

// The template types are the dataset's (one definition); the mixture's users get them from here too.
export { TEMPLATE_TYPES, type TemplateType };

/** Instances (or budget) per template type of one task. */
export type TemplateCounts = Record<TemplateType, number>;

export const taskSize = (c: TemplateCounts): number => c.zs_opt + c.zs_noopt + c.fs_opt + c.fs_noopt;

/** A task as stage 1 sees it: a name and its instance counts per template type. */
export interface TaskCounts {
  name: string;
  counts: TemplateCounts;
}

/** Bad allocation input (impossible budgets, malformed counts): reported as one line, exit code 2. */
export class AllocationError extends Error {
  override name = 'AllocationError';
}

export function checkCounts(tasks: readonly TaskCounts[]): void {
  for (const { name, counts } of tasks) {
    for (const type of TEMPLATE_TYPES) {
      const c = counts[type];
      if (!Number.isSafeInteger(c) || c < 0)
        throw new AllocationError(`task '${name}': ${type} count must be an integer ≥ 0, got ${c}`);
    }
  }
}
