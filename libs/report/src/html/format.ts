/** A number as a person reads it in a chart or table: up to `digits` significant digits, no exponent for usual sizes. */
export function formatNumber(value: number, digits = 4): string {
  if (!Number.isFinite(value)) return String(value);
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return Number(value.toPrecision(digits)).toString();
}

/** The tick step for about `count` steps over [min, max]: 1, 2 or 5 × 10^k. */
export function tickStep(min: number, max: number, count = 5): number {
  const raw = (max - min) / count || 1;
  const power = 10 ** Math.floor(Math.log10(raw));
  return [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw)!;
}

/** Round axis ticks within [min, max]: multiples of tickStep, computed as k·step so no rounding error creeps in. */
export function ticks(min: number, max: number, count = 5): number[] {
  if (max <= min) return [min];
  const step = tickStep(min, max, count);
  const out: number[] = [];
  for (let k = Math.ceil(min / step - 1e-9); k <= Math.floor(max / step + 1e-9); k++) {
    out.push(Number((k * step).toPrecision(12)) || 0);
  }
  return out;
}

/** [min, max] widened outwards to multiples of the tick step, so the axis ends on a labelled tick. */
export function niceDomain(min: number, max: number, count = 5): [number, number] {
  if (max <= min) return [min, max];
  const step = tickStep(min, max, count);
  return [Math.floor(min / step + 1e-9) * step, Math.ceil(max / step - 1e-9) * step];
}
