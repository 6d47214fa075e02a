import type { DenseKernel, FunctionName, SetFunction } from '../types.js';
import { facilityLocation } from './facility-location.js';
import { graphCut } from './graph-cut.js';
import { logDeterminant } from './log-determinant.js';

/** λ defaults: SMART's graph cut 0.4, log-determinant 1; facility location takes none. */
export const DEFAULT_LAMBDA: Record<FunctionName, number | null> = { fl: null, gc: 0.4, logdet: 1 };

/** The set function of that name over the kernel, with λ (or its default). */
export function createSetFunction(
  name: FunctionName,
  kernel: DenseKernel,
  lambda?: number | null,
): SetFunction {
  if (name === 'fl') return facilityLocation(kernel);
  const value = lambda ?? DEFAULT_LAMBDA[name]!;
  return name === 'gc' ? graphCut(kernel, value) : logDeterminant(kernel, value);
}
