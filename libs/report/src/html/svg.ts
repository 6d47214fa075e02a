import { escapeHtml } from './escape.js';
import { formatNumber, niceDomain, ticks } from './format.js';

/** 1, 2, 5 × 10^k within [lo, hi]: the ticks of a logarithmic axis. */
function logTicks(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let power = 10 ** Math.floor(Math.log10(lo)); power <= hi; power *= 10) {
    for (const m of [1, 2, 5]) if (m * power >= lo && m * power <= hi) out.push(m * power);
  }
  return out;
}

/** One colour per run (colour-blind-safe, Okabe–Ito); runs beyond eight reuse them. */
export const PALETTE = [
  '#0072B2',
  '#E69F00',
  '#009E73',
  '#CC79A7',
  '#56B4E9',
  '#D55E00',
  '#F0E442',
  '#000000',
];
export const colourOf = (i: number) => PALETTE[i % PALETTE.length]!;

export interface Frame {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export const DEFAULT_FRAME: Frame = { width: 860, height: 300, left: 64, right: 16, top: 16, bottom: 44 };

/** Maps a value of [d0, d1] linearly onto [r0, r1]. */
export function scale(d0: number, d1: number, r0: number, r1: number): (v: number) => number {
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** An <svg> element with an accessible name; `body` is SVG markup already escaped. */
export function svg(frame: Frame, label: string, body: string): string {
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" class="chart" width="${frame.width}" height="${frame.height}" ` +
    `viewBox="0 0 ${frame.width} ${frame.height}" role="img" aria-label="${escapeHtml(label)}">${body}</svg>`
  );
}

export interface Axes {
  x: (v: number) => number;
  y: (v: number) => number;
  markup: string;
}

/** Axes with round ticks and labels for [x0, x1] × yDomain (widened to whole ticks) inside the frame. */
export function axes(
  frame: Frame,
  [x0, x1]: [number, number],
  yDomain: [number, number],
  labels: { x: string; y: string },
  options: { xTicks?: boolean; xLog?: boolean } = {},
): Axes {
  const [y0, y1] = niceDomain(...yDomain);
  const linearX = options.xLog
    ? scale(Math.log10(x0), Math.log10(x1), frame.left, frame.width - frame.right)
    : scale(x0, x1, frame.left, frame.width - frame.right);
  const x = options.xLog ? (v: number) => linearX(Math.log10(v)) : linearX;
  const y = scale(y0, y1, frame.height - frame.bottom, frame.top);
  const bottom = frame.height - frame.bottom;
  const parts = [
    `<line class="axis" x1="${frame.left}" y1="${bottom}" x2="${frame.width - frame.right}" y2="${bottom}"/>`,
    `<line class="axis" x1="${frame.left}" y1="${frame.top}" x2="${frame.left}" y2="${bottom}"/>`,
  ];
  for (const t of ticks(y0, y1)) {
    parts.push(
      `<line class="grid" x1="${frame.left}" y1="${y(t)}" x2="${frame.width - frame.right}" y2="${y(t)}"/>`,
      `<text class="tick" x="${frame.left - 6}" y="${y(t) + 4}" text-anchor="end">${formatNumber(t)}</text>`,
    );
  }
  if (options.xTicks !== false) {
    for (const t of options.xLog ? logTicks(x0, x1) : ticks(x0, x1, 8)) {
      parts.push(
        `<text class="tick" x="${x(t)}" y="${bottom + 16}" text-anchor="middle">${formatNumber(t)}</text>`,
      );
    }
  }
  parts.push(
    `<text class="axis-label" x="${(frame.left + frame.width - frame.right) / 2}" y="${frame.height - 6}" text-anchor="middle">${escapeHtml(labels.x)}</text>`,
    `<text class="axis-label" transform="translate(14 ${(frame.top + bottom) / 2}) rotate(-90)" text-anchor="middle">${escapeHtml(labels.y)}</text>`,
  );
  return { x, y, markup: parts.join('') };
}

/** A legend as HTML (outside the SVG, so it wraps): one coloured swatch per entry. */
export function legend(entries: { label: string; colour: string }[]): string {
  return `<div class="legend">${entries
    .map((e) => `<span><i style="background:${e.colour}"></i>${escapeHtml(e.label)}</span>`)
    .join('')}</div>`;
}

/** An SVG polyline through the points, already in pixels. */
export function polyline(points: [number, number][], attributes: string): string {
  return `<polyline fill="none" ${attributes} points="${points.map(([a, b]) => `${a.toFixed(1)},${b.toFixed(1)}`).join(' ')}"/>`;
}
