import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { readMatrix } from '@smartmix/npy';
import type { DenseKernel, FunctionName, OptimizerName } from '@smartmix/submodular';

/** The shared reference outputs of submodlib (read in place, never copied into the repo). */
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/submodular/', import.meta.url));
export const haveFixtures = existsSync(`${FIXTURES}results.json`);

export interface FixtureRecord {
  case: string;
  variant: 'fl_sijs' | 'fl_data' | 'gc' | 'logdet';
  lambda: number | null;
  optimizer: OptimizerName;
  budget: number;
  order: number[];
  gains: number[];
  value: number;
}

export function fixtureRecords(): FixtureRecord[] {
  return JSON.parse(readFileSync(`${FIXTURES}results.json`, 'utf8'));
}

export const functionOf = (variant: FixtureRecord['variant']): FunctionName =>
  variant === 'gc' ? 'gc' : variant === 'logdet' ? 'logdet' : 'fl';

/** Whether K[r,c] === K[c,r] for every r, c. */
export function isBitwiseSymmetric(n: number, data: Float32Array): boolean {
  for (let r = 0; r < n; r++) {
    for (let c = r + 1; c < n; c++) if (data[r * n + c] !== data[c * n + r]) return false;
  }
  return true;
}

/**
 * The record's stored kernel. `_cosine` (scikit-learn's product) carries no symmetry promise and is read as
 * asymmetric (strided columns); `_data` is built symmetric by construction, which is checked here, so the
 * fixtures exercise both column paths.
 */
export async function storedKernel(
  caseName: string,
  variant: FixtureRecord['variant'],
): Promise<DenseKernel> {
  const data = variant === 'fl_data';
  const m = await readMatrix(`${FIXTURES}kernels/${caseName}_${data ? 'data' : 'cosine'}.npy`);
  if (m.rows !== m.cols) throw new Error(`${caseName}: kernel is ${m.rows}×${m.cols}`);
  const symmetric = data && isBitwiseSymmetric(m.rows, m.data);
  if (data && !symmetric) throw new Error(`${caseName}_data.npy is not bitwise symmetric`);
  return { layout: 'full', n: m.rows, data: m.data, symmetric };
}

export async function fixtureEmbeddings(caseName: string) {
  return readMatrix(`${FIXTURES}embeddings/${caseName}.npy`);
}
