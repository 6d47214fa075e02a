import type { CollectionScan } from '@smartmix/dataset';
import { JobInputError } from './errors.js';

/** Rejects M' and N' that the scanned collection cannot satisfy, before any work is done. */
export function checkRequest(scan: CollectionScan, numTasks: number, budget: number): void {
  if (numTasks > scan.tasks.length) {
    throw new JobInputError(
      `--num-tasks ${numTasks} is larger than the collection's ${scan.tasks.length} tasks`,
    );
  }
  if (budget > scan.total) {
    throw new JobInputError(`--budget ${budget} is larger than the collection's ${scan.total} instances`);
  }
}
