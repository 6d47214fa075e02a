import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { LocalDirectoryStore, observeStore, StoreError } from '@smartmix/storage';
import { storeContract } from './store-contract.js';

const scratch = await mkdtemp(join(tmpdir(), 'observed-store-test-'));
let counter = 0;
const freshRoot = () => join(scratch, `root-${++counter}`);

describe('observeStore', () => {
  after(() => rm(scratch, { recursive: true, force: true }));
  // The observed store is still a store: the same contract as the one it wraps.
  storeContract(() => observeStore(new LocalDirectoryStore(freshRoot()), () => {}));

  it('reports every operation with its outcome, and passes results and errors through unchanged', async () => {
    const seen: { operation: string; failed: boolean }[] = [];
    const inner = new LocalDirectoryStore(freshRoot());
    const store = observeStore(inner, (operation, seconds, failed) => {
      assert.ok(seconds >= 0);
      seen.push({ operation, failed });
    });
    assert.equal(store.location, inner.location);
    await store.put('a/b', Uint8Array.of(1, 2));
    assert.deepEqual(await store.get('a/b'), Uint8Array.of(1, 2));
    assert.equal(await store.has('a/c'), false);
    assert.deepEqual(await store.list('a'), ['a/b']);
    await store.delete('a/b');
    await assert.rejects(store.put('../escape', Uint8Array.of(0)), StoreError);
    assert.deepEqual(seen, [
      { operation: 'put', failed: false },
      { operation: 'get', failed: false },
      { operation: 'has', failed: false },
      { operation: 'list', failed: false },
      { operation: 'delete', failed: false },
      { operation: 'put', failed: true },
    ]);
  });
});
