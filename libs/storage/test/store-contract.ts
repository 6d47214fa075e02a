import assert from 'node:assert/strict';
import { it } from 'node:test';
import { type ArtifactStore, getJson, putJson, StoreError } from '@smartmix/storage';

const text = (value: string) => new TextEncoder().encode(value);

/** Bytes 0..255 repeated to `length`, offset by `seed` so different objects differ everywhere. */
function pattern(length: number, seed = 0): Uint8Array {
  return Uint8Array.from({ length }, (_, i) => (i * 31 + seed) & 0xff);
}

/**
 * The behaviour every ArtifactStore must share, registered as tests in the caller's describe(). `makeStore`
 * must return a fresh, empty store on each call.
 */
export function storeContract(makeStore: () => ArtifactStore | Promise<ArtifactStore>): void {
  it('reports absent keys as undefined / false and deletes them without complaint', async () => {
    const store = await makeStore();
    assert.equal(await store.has('missing/key'), false);
    assert.equal(await store.get('missing/key'), undefined);
    await store.delete('missing/key');
    assert.deepEqual(await store.list(''), []);
  });

  it('puts, gets, has, deletes', async () => {
    const store = await makeStore();
    await store.put('shards/0.npy', text('zero'));
    assert.equal(await store.has('shards/0.npy'), true);
    assert.deepEqual(await store.get('shards/0.npy'), text('zero'));
    await store.delete('shards/0.npy');
    assert.equal(await store.has('shards/0.npy'), false);
    assert.equal(await store.get('shards/0.npy'), undefined);
  });

  it('overwrites an existing key', async () => {
    const store = await makeStore();
    await store.put('k', text('old, longer value'));
    await store.put('k', text('new'));
    assert.deepEqual(await store.get('k'), text('new'));
  });

  it('round-trips binary bytes and empty objects into arrays that own their buffer', async () => {
    const store = await makeStore();
    const source = new Uint8Array(1000);
    source.set(pattern(512, 7), 100); // a view with a non-zero offset must store only its own bytes
    await store.put('bin', source.subarray(100, 612));
    await store.put('empty', new Uint8Array(0));
    const got = await store.get('bin');
    assert.ok(got instanceof Uint8Array);
    assert.deepEqual(got, pattern(512, 7));
    assert.equal(got.byteOffset, 0);
    assert.equal(got.buffer.byteLength, 512);
    assert.deepEqual(await store.get('empty'), new Uint8Array(0));
    assert.equal(await store.has('empty'), true);
  });

  it('round-trips an object larger than 5 MB byte-identically', { timeout: 60_000 }, async () => {
    const store = await makeStore();
    const big = pattern(6 * 1024 * 1024 + 123, 3);
    await store.put('big/object.bin', big);
    const got = await store.get('big/object.bin');
    assert.ok(got !== undefined);
    assert.equal(got.byteLength, big.byteLength);
    assert.ok(Buffer.from(got).equals(Buffer.from(big)));
  });

  it('lists the full keys under a prefix, sorted, by whole segments', async () => {
    const store = await makeStore();
    const keys = ['z', 'a/c', 'a/b/2', 'ab/x', 'a/b/1', 'a/b/10', 'p/a=1/x.y_-z'];
    for (const key of keys) await store.put(key, text(key));
    assert.deepEqual(await store.list(''), [...keys].sort());
    assert.deepEqual(await store.list('a'), ['a/b/1', 'a/b/10', 'a/b/2', 'a/c']);
    assert.deepEqual(await store.list('a/b'), ['a/b/1', 'a/b/10', 'a/b/2']);
    assert.deepEqual(await store.list('p/a=1'), ['p/a=1/x.y_-z']);
    assert.deepEqual(await store.list('nothing/here'), []);
    assert.deepEqual(await store.list('z'), []); // a key is not a prefix of itself
  });

  it('writes stable, pretty JSON with a trailing newline and reads it back', async () => {
    const store = await makeStore();
    const value = { b: 1, a: { d: [1, 'two'], c: null }, '10': true, '9': false };
    await putJson(store, 'manifest.json', value);
    const expected =
      '{\n  "10": true,\n  "9": false,\n  "a": {\n    "c": null,\n    "d": [\n      1,\n      "two"\n    ]\n  },\n  "b": 1\n}\n';
    assert.equal(new TextDecoder().decode(await store.get('manifest.json')), expected);
    assert.deepEqual(await getJson(store, 'manifest.json'), value);
    assert.equal(await getJson(store, 'absent.json'), undefined);
  });

  it('rejects stored bytes that are not JSON with a StoreError naming the store and key', async () => {
    const store = await makeStore();
    await store.put('broken.json', text('{"truncated": '));
    await assert.rejects(getJson(store, 'broken.json'), (err: unknown) => {
      assert.ok(err instanceof StoreError);
      assert.equal(err.name, 'StoreError');
      assert.match(err.message, /^.+: key "broken\.json": not valid JSON \(/);
      assert.ok(err.message.startsWith(store.location));
      return true;
    });
  });

  it('rejects invalid keys and prefixes with a one-line StoreError naming the store and key', async () => {
    const store = await makeStore();
    const operations: [string, (key: string) => Promise<unknown>][] = [
      ['get', (key) => store.get(key)],
      ['put', (key) => store.put(key, text('x'))],
      ['has', (key) => store.has(key)],
      ['delete', (key) => store.delete(key)],
      ['list', (key) => store.list(key)],
    ];
    const badKeys = ['', '/abs', 'a//b', 'a/', '..', 'a/../b', './a', 'a b', 'a~b', 'ü', 'line\nbreak'];
    for (const key of badKeys) {
      for (const [name, run] of operations) {
        if (name === 'list' && key === '') continue; // '' is the valid "everything" prefix
        await assert.rejects(run(key), (err: unknown) => {
          assert.ok(err instanceof StoreError, `${name}(${JSON.stringify(key)})`);
          assert.ok(
            err.message.startsWith(`${store.location}: key ${JSON.stringify(key)}: invalid key: `),
            err.message,
          );
          assert.doesNotMatch(err.message, /\n/);
          return true;
        });
      }
    }
    assert.deepEqual(await store.list(''), []);
  });
}
