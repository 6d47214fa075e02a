import type { SpecDocument } from './types.js';

function isMapping(value: unknown): value is SpecDocument {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * `overrides` laid over `base`: mappings merge field by field, anything else (numbers, strings, lists) replaces.
 * Undefined override fields are skipped, so only the values a user actually gave take effect.
 */
export function mergeSpec(base: SpecDocument, overrides: SpecDocument): SpecDocument {
  const out: SpecDocument = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    if (value === undefined) continue;
    out[key] = isMapping(value) && isMapping(base[key]) ? mergeSpec(base[key], value) : value;
  }
  return out;
}
