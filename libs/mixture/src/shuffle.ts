import { createRng } from '@smartmix/submodular';

/** Fisher–Yates shuffle (in place) driven by the project's seeded generator: the same seed, the same order. */
export function shuffleInPlace<T>(items: T[], seed: number): T[] {
  const rng = createRng(seed);
  for (let i = items.length - 1; i > 0; i--) {
    const j = rng.nextInt(i + 1);
    const tmp = items[i]!;
    items[i] = items[j]!;
    items[j] = tmp;
  }
  return items;
}
