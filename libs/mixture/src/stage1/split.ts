/**
 * The floor + remainder rule of SMART's reference: part_i = floor(total·w_i / s) with s = Σ w (summed in order),
 * then the remainder r = total − Σ part goes +1 to parts 0 … r−1. Used for the N' split and the template splits.
 */
export function splitByFloorAndRemainder(total: number, weights: readonly number[]): number[] {
  let sum = 0;
  for (const w of weights) sum += w;
  const parts = weights.map((w) => Math.floor((total * w) / sum));
  let remainder = total;
  for (const p of parts) remainder -= p;
  for (let i = 0; i < remainder; i++) parts[i]!++;
  return parts;
}
