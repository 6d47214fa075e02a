import { NpyError } from './errors.js';

const MAGIC = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // "\x93NUMPY"

export interface NpyHeader {
  descr: string;
  fortranOrder: boolean;
  shape: number[];
  /** Byte offset of the first array element. */
  dataOffset: number;
}

/** Parses the fixed preamble and the Python-literal header dict of a .npy file (format versions 1–3). */
export function parseHeader(file: string, bytes: Uint8Array): NpyHeader {
  if (bytes.length < 10 || MAGIC.some((b, i) => bytes[i] !== b)) {
    throw new NpyError(file, 'not a .npy file (bad magic bytes)');
  }
  const major = bytes[6];
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let headerLength: number;
  let headerStart: number;
  if (major === 1) {
    headerLength = view.getUint16(8, true);
    headerStart = 10;
  } else if (major === 2 || major === 3) {
    if (bytes.length < 12) throw new NpyError(file, 'truncated .npy header');
    headerLength = view.getUint32(8, true);
    headerStart = 12;
  } else {
    throw new NpyError(file, `unsupported .npy format version ${major}`);
  }
  const dataOffset = headerStart + headerLength;
  if (bytes.length < dataOffset) throw new NpyError(file, 'truncated .npy header');
  const text = new TextDecoder(major === 3 ? 'utf-8' : 'latin1').decode(
    bytes.subarray(headerStart, dataOffset),
  );
  return { ...parseDict(file, text), dataOffset };
}

function parseDict(file: string, text: string): Omit<NpyHeader, 'dataOffset'> {
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shapeText = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shapeText === undefined) {
    throw new NpyError(file, `malformed .npy header: ${text.trim()}`);
  }
  const shape = shapeText
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map((s) => {
      const v = Number(s.replace(/L$/, ''));
      if (!Number.isSafeInteger(v) || v < 0) throw new NpyError(file, `malformed shape (${shapeText})`);
      return v;
    });
  return { descr, fortranOrder: fortran === 'True', shape };
}

/** Header bytes for a C-order little-endian array, padded so the data starts on a 64-byte boundary. */
export function formatHeader(descr: string, shape: readonly number[]): Uint8Array {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  const dict = `{'descr': '${descr}', 'fortran_order': False, 'shape': ${shapeText}, }`;
  const unpadded = 10 + dict.length + 1;
  const padding = (64 - (unpadded % 64)) % 64;
  const body = dict + ' '.repeat(padding) + '\n';
  const out = new Uint8Array(10 + body.length);
  out.set(MAGIC, 0);
  out[6] = 1;
  out[7] = 0;
  new DataView(out.buffer).setUint16(8, body.length, true);
  out.set(new TextEncoder().encode(body), 10);
  return out;
}
