import assert from 'node:assert/strict';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { temporaryPathFor, writeFileAtomically } from '@smartmix/storage/atomic-file';

describe('writeFileAtomically', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'smartmix-atomic-'));
  after(() => rm(dir, { recursive: true, force: true }));

  it('writes bytes, text, or what a function writes, and leaves no temporary file', async () => {
    await writeFileAtomically(join(dir, 'a.bin'), Uint8Array.of(1, 2, 3));
    await writeFileAtomically(join(dir, 'b.txt'), 'text\n');
    await writeFileAtomically(join(dir, 'c.txt'), async (handle) => {
      await handle.write('one,');
      await handle.write('two');
    });
    assert.deepEqual([...(await readFile(join(dir, 'a.bin')))], [1, 2, 3]);
    assert.equal(await readFile(join(dir, 'b.txt'), 'utf8'), 'text\n');
    assert.equal(await readFile(join(dir, 'c.txt'), 'utf8'), 'one,two');
    assert.deepEqual((await readdir(dir)).sort(), ['a.bin', 'b.txt', 'c.txt']);
  });

  it('keeps the previous file and removes the temporary one when writing fails', async () => {
    const file = join(dir, 'kept.txt');
    await writeFile(file, 'previous');
    await assert.rejects(
      writeFileAtomically(file, async (handle) => {
        await handle.write('half of the new');
        throw new Error('disk on fire');
      }),
      /disk on fire/,
    );
    assert.equal(await readFile(file, 'utf8'), 'previous');
    assert.deepEqual(
      (await readdir(dir)).filter((name) => name.includes('kept')),
      ['kept.txt'],
    );
  });

  it('fails on a missing directory without creating anything', async () => {
    await assert.rejects(writeFileAtomically(join(dir, 'no', 'such.txt'), 'x'), /ENOENT/);
  });

  it('names temporary files hidden, beside the target, with a ~ no key contains', () => {
    const temp = temporaryPathFor(join(dir, 'out.npy'));
    assert.match(temp, /\/\.out\.npy~[0-9a-f]{12}\.tmp$/);
    assert.ok(temp.startsWith(dir));
  });
});
