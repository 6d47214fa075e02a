import type { ArtifactStore } from './store.js';

/** Told of every store operation: its name (get, put, has, delete, list), duration and whether it failed. */
export type StoreObserver = (operation: string, seconds: number, failed: boolean) => void;

/**
 * The same store, reporting every operation to `observer` (metrics). Results and errors pass through unchanged, so
 * the store's callers and its implementations need not know they are observed.
 */
export function observeStore(store: ArtifactStore, observer: StoreObserver): ArtifactStore {
  const timed =
    <A extends unknown[], R>(operation: string, run: (...args: A) => Promise<R>) =>
    async (...args: A): Promise<R> => {
      const start = performance.now();
      try {
        const result = await run(...args);
        observer(operation, (performance.now() - start) / 1000, false);
        return result;
      } catch (err) {
        observer(operation, (performance.now() - start) / 1000, true);
        throw err;
      }
    };
  return {
    location: store.location,
    get: timed('get', (key: string) => store.get(key)),
    put: timed('put', (key: string, bytes: Uint8Array) => store.put(key, bytes)),
    has: timed('has', (key: string) => store.has(key)),
    delete: timed('delete', (key: string) => store.delete(key)),
    list: timed('list', (prefix: string) => store.list(prefix)),
  };
}
