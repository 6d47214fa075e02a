import assert from 'node:assert/strict';
import { mkdir, mkdtemp, open, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it, type TestContext } from 'node:test';
import { pathToFileURL } from 'node:url';
import { LocalDirectoryStore, StoreError } from '@smartmix/storage';
import { storeContract } from './store-contract.js';

const scratch = await mkdtemp(join(tmpdir(), 'local-store-test-'));
let counter = 0;
const freshRoot = () => join(scratch, `root-${++counter}`);

// FileHandle is not exported by node:fs/promises; its prototype is reachable through any open handle.
const probe = await open(join(scratch, 'probe'), 'w');
const FileHandle = Object.getPrototypeOf(probe);
await probe.close();

type Handle = Awaited<ReturnType<typeof open>>;
const simulatedEio = () => Object.assign(new Error('EIO: simulated i/o error'), { code: 'EIO' });

describe('LocalDirectoryStore', { timeout: 60_000 }, () => {
  after(() => rm(scratch, { recursive: true, force: true }));
  storeContract(() => new LocalDirectoryStore(freshRoot()));

  it('keeps each key as a file under the root, which it creates on first write', async () => {
    const root = freshRoot();
    const store = new LocalDirectoryStore(root);
    assert.equal(store.location, pathToFileURL(root).href);
    assert.ok(store.location.startsWith('file:///'));
    await store.put('a/b/c.bin', new Uint8Array([1, 2, 3]));
    assert.deepEqual(await readFile(join(root, 'a', 'b', 'c.bin')), Buffer.from([1, 2, 3]));
  });

  // Running as root defeats read-only directories, so the failure is injected into the temp file's writes.
  const faults: [string, (t: TestContext, seen: { tempSize: number }) => void][] = [
    [
      'half-way through writing',
      (t) =>
        t.mock.method(FileHandle, 'writeFile', async function (this: Handle, data: Uint8Array) {
          await this.write(data.subarray(0, data.byteLength >> 1));
          throw simulatedEio();
        }),
    ],
    [
      'at fsync, after every byte is written',
      (t, seen) =>
        t.mock.method(FileHandle, 'sync', async function (this: Handle) {
          seen.tempSize = (await this.stat()).size;
          throw simulatedEio();
        }),
    ],
  ];
  for (const [when, inject] of faults) {
    it(`a put failing ${when} leaves the old file intact and no temporary file`, async (t) => {
      const root = freshRoot();
      const store = new LocalDirectoryStore(root);
      const old = new Uint8Array(10).fill(1);
      const next = new Uint8Array(4096).fill(2);
      await store.put('dir/fresh-neighbour', old);
      await store.put('dir/target', old);
      const seen = { tempSize: -1 };
      inject(t, seen);
      for (const key of ['dir/target', 'dir/never-written']) {
        await assert.rejects(store.put(key, next), (err: unknown) => {
          assert.ok(err instanceof StoreError);
          assert.equal(err.message, `${store.location}: key ${JSON.stringify(key)}: cannot write (EIO)`);
          return true;
        });
      }
      t.mock.restoreAll();
      if (when.startsWith('at fsync')) assert.equal(seen.tempSize, next.byteLength);
      assert.deepEqual((await readdir(join(root, 'dir'))).sort(), ['fresh-neighbour', 'target']);
      assert.deepEqual(await store.get('dir/target'), old);
      assert.equal(await store.has('dir/never-written'), false);
    });
  }

  it('lets concurrent readers see the old or the new bytes, never a mix', async () => {
    const store = new LocalDirectoryStore(freshRoot());
    const size = 4 * 1024 * 1024;
    const before = new Uint8Array(size).fill(0xaa);
    const after = new Uint8Array(size).fill(0x55);
    await store.put('shard', before);
    let done = false;
    const writing = store.put('shard', after).finally(() => {
      done = true;
    });
    while (!done) {
      const got = Buffer.from((await store.get('shard')) ?? []);
      assert.ok(got.equals(before) || got.equals(after), 'a reader saw a missing, short or mixed file');
    }
    await writing;
    assert.deepEqual(await store.get('shard'), after);
  });

  it('lists only files whose paths are valid keys, skipping temporary and foreign files', async () => {
    const root = freshRoot();
    const store = new LocalDirectoryStore(root);
    await store.put('a/kept', new Uint8Array([1]));
    await writeFile(join(root, 'a', '.kept~0123456789ab.tmp'), 'left by a crash');
    await writeFile(join(root, 'a', 'has space'), 'foreign');
    await mkdir(join(root, 'a', 'empty-dir'));
    assert.deepEqual(await store.list(''), ['a/kept']);
  });

  it('treats a key whose path crosses a file, or names a directory, as absent', async () => {
    const store = new LocalDirectoryStore(freshRoot());
    await store.put('file', new Uint8Array([1]));
    await store.put('dir/inner', new Uint8Array([2]));
    assert.equal(await store.get('file/below'), undefined);
    assert.equal(await store.has('file/below'), false);
    assert.deepEqual(await store.list('file'), []);
    assert.equal(await store.get('dir'), undefined);
    assert.equal(await store.has('dir'), false);
    await store.delete('dir');
    assert.deepEqual(await store.list(''), ['dir/inner', 'file']);
  });
});
