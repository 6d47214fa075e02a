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

export async function storedKernel(
  caseName: string,
  variant: FixtureRecord['variant'],
): Promise<DenseKernel> {
  const m = await readMatrix(
    `${FIXTURES}kernels/${caseName}_${variant === 'fl_data' ? 'data' : 'cosine'}.npy`,
  );
  return { n: m.rows, data: m.data, symmetric: false };
}

export async function fixtureEmbeddings(caseName: string) {
  return readMatrix(`${FIXTURES}embeddings/${caseName}.npy`);
}
