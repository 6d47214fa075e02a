import type { MaximizeOptions } from '../types.js';

/** Whether an optimizer must stop before taking an element with this fresh gain. */
export function shouldStop(gain: number, options: MaximizeOptions): boolean {
  return (options.stopIfZeroGain === true && gain <= 0) || (options.stopIfNegativeGain === true && gain < 0);
}
