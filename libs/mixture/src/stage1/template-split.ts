import type { TemplateCounts } from '../template-counts.js';
import { splitByFloorAndRemainder } from './split.js';

/** two(x, u, v): all to the other side when one side is empty, else the floor + remainder split. */
function two(x: number, u: number, v: number): [number, number] {
  if (u === 0) return [0, x];
  if (v === 0) return [x, 0];
  const [a, b] = splitByFloorAndRemainder(x, [u, v]);
  return [a!, b!];
}

/** Splits a task's budget over its template types by their counts, as SMART's reference does. */
export function splitTemplateTypes(budget: number, c: TemplateCounts): TemplateCounts {
  if (c.fs_opt + c.fs_noopt === 0) {
    const [zsOpt, zsNoopt] = two(budget, c.zs_opt, c.zs_noopt);
    return { zs_opt: zsOpt, zs_noopt: zsNoopt, fs_opt: 0, fs_noopt: 0 };
  }
  const [zs, fs] = splitByFloorAndRemainder(budget, [c.zs_opt + c.zs_noopt, c.fs_opt + c.fs_noopt]);
  const [zsOpt, zsNoopt] = two(zs!, c.zs_opt, c.zs_noopt);
  const [fsOpt, fsNoopt] = two(fs!, c.fs_opt, c.fs_noopt);
  return { zs_opt: zsOpt, zs_noopt: zsNoopt, fs_opt: fsOpt, fs_noopt: fsNoopt };
}
