import { isAbsolute, relative, resolve, sep } from 'node:path';
import type { SpecDocument } from './types.js';

/** A store URL such as s3://bucket/prefix is not a path. */
const URL_LIKE = /^[a-z][a-z0-9+.-]*:\/\//i;

/**
 * `path`, relative to `fromDir`, re-expressed relative to `toDir` (absolute paths and URLs are left alone). When
 * the two share no directory but the root, the absolute path is clearer than a climb of `../` to the root.
 */
export function rebasePath(path: string, fromDir: string, toDir: string): string {
  if (isAbsolute(path) || URL_LIKE.test(path)) return path;
  const target = resolve(fromDir, path);
  const base = resolve(toDir);
  const topLevel = (p: string) => p.split(sep)[1];
  if (topLevel(target) !== topLevel(base)) return target;
  return relative(base, target) || '.';
}

/**
 * Re-expresses every path field of a spec document (inputs, embedding files, store, out) relative to another
 * directory. Fields of the wrong type are left for validation to report.
 */
export function rebaseSpecPaths<T extends SpecDocument>(document: T, fromDir: string, toDir: string): T {
  const move = (value: unknown) => (typeof value === 'string' ? rebasePath(value, fromDir, toDir) : value);
  const out: SpecDocument = { ...document };
  const inputs = document.inputs as SpecDocument | undefined;
  if (inputs && Array.isArray(inputs.paths)) out.inputs = { ...inputs, paths: inputs.paths.map(move) };
  const embedding = document.embedding as SpecDocument | undefined;
  if (embedding && typeof embedding === 'object') {
    out.embedding = { ...embedding };
    for (const key of ['file', 'ids'] as const) {
      if (key in embedding) (out.embedding as SpecDocument)[key] = move(embedding[key]);
    }
    const onnx = embedding.onnx as SpecDocument | undefined;
    if (onnx && typeof onnx === 'object') {
      const moved: SpecDocument = { ...onnx };
      for (const key of ['modelFile', 'tokenizerFile'] as const)
        if (key in onnx) moved[key] = move(onnx[key]);
      (out.embedding as SpecDocument).onnx = moved;
    }
  }
  for (const key of ['store', 'out'] as const) if (key in document) out[key] = move(document[key]);
  return out as T;
}
