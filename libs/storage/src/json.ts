import { canonicalJson } from './canonical-json.js';
import { StoreError } from './errors.js';
import type { ArtifactStore } from './store.js';

/** Reads a JSON artifact; undefined when absent, a StoreError when the stored bytes are not JSON. */
export async function getJson<T>(store: ArtifactStore, key: string): Promise<T | undefined> {
  const bytes = await store.get(key);
  if (bytes === undefined) return undefined;
  try {
    return JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes)) as T;
  } catch (err) {
    throw new StoreError(store.location, `not valid JSON (${(err as Error).message})`, { key, cause: err });
  }
}

/** Writes `value` as sorted-key, 2-space-indented JSON with a trailing newline: stable across runs. */
export async function putJson(store: ArtifactStore, key: string, value: unknown): Promise<void> {
  await store.put(key, new TextEncoder().encode(`${canonicalJson(value, 2)}\n`));
}
