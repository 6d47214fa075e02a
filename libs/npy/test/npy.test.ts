import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { MatrixRowWriter, NpyError, readMatrix, writeMatrix } from '@smartmix/npy';
import { formatHeader } from '../src/header.js';

const dir = await mkdtemp(join(tmpdir(), 'npy-test-'));
after(() => rm(dir, { recursive: true, force: true }));

async function rawNpy(
  name: string,
  descr: string,
  shape: number[],
  body: ArrayBufferView,
  patch?: (h: string) => string,
) {
  let header = new TextDecoder('latin1').decode(formatHeader(descr, shape));
  if (patch) header = patch(header);
  const bytes = Buffer.from(header, 'latin1');
  const file = join(dir, name);
  await writeFile(
    file,
    Buffer.concat([bytes, new Uint8Array(body.buffer, body.byteOffset, body.byteLength)]),
  );
  return file;
}

describe('npy', () => {
  it('round-trips float32 matrices and is readable by the 1.0 header rules', async () => {
    const data = Float32Array.from({ length: 12 }, (_, i) => i * 0.5 - 2);
    const file = join(dir, 'rt.npy');
    await writeMatrix(file, data, 3, 4);
    const m = await readMatrix(file);
    assert.equal(m.rows, 3);
    assert.equal(m.cols, 4);
    assert.equal(m.sourceDtype, 'float32');
    assert.deepEqual(Array.from(m.data), Array.from(data));
    assert.equal(m.data.byteOffset % 4, 0);
    assert.deepEqual(
      (await readdir(dir)).filter((f) => f.endsWith('.tmp')),
      [],
    );
  });

  it('narrows float64 to float32', async () => {
    const file = await rawNpy('f8.npy', '<f8', [2, 2], Float64Array.from([0.1, 1, 2, 1e-3]));
    const m = await readMatrix(file);
    assert.equal(m.sourceDtype, 'float64');
    assert.deepEqual(Array.from(m.data), [Math.fround(0.1), 1, 2, Math.fround(1e-3)]);
  });

  const bad: [string, () => Promise<string>, RegExp][] = [
    ['unreadable file', async () => join(dir, 'missing.npy'), /missing\.npy: cannot read file \(ENOENT\)/],
    [
      'bad magic',
      async () => {
        const f = join(dir, 'magic.npy');
        await writeFile(f, 'hello world, not numpy');
        return f;
      },
      /not a \.npy file/,
    ],
    [
      'unsupported dtype',
      () => rawNpy('i4.npy', '<i4', [2, 2], new Int32Array(4)),
      /unsupported dtype '<i4'/,
    ],
    ['big-endian', () => rawNpy('be.npy', '>f4', [2, 2], new Float32Array(4)), /unsupported dtype '>f4'/],
    [
      'Fortran order',
      () =>
        rawNpy('fo.npy', '<f4', [2, 2], new Float32Array(4), (h) =>
          h.replace("'fortran_order': False", "'fortran_order': True "),
        ),
      /Fortran-order/,
    ],
    ['1-D', () => rawNpy('1d.npy', '<f4', [4], new Float32Array(4)), /expected a 2-D array, got 1-D/],
    ['3-D', () => rawNpy('3d.npy', '<f4', [2, 2, 1], new Float32Array(4)), /expected a 2-D array, got 3-D/],
    ['empty', () => rawNpy('empty.npy', '<f4', [0, 3], new Float32Array(0)), /empty matrix/],
    [
      'NaN',
      () => rawNpy('nan.npy', '<f4', [2, 2], Float32Array.from([0, 1, Number.NaN, 2])),
      /non-finite value NaN at row 1, column 0/,
    ],
    [
      'Inf',
      () => rawNpy('inf.npy', '<f8', [1, 2], Float64Array.from([0, Number.POSITIVE_INFINITY])),
      /non-finite value Infinity at row 0, column 1/,
    ],
    ['truncated', () => rawNpy('trunc.npy', '<f4', [3, 3], new Float32Array(4)), /truncated data/],
  ];
  for (const [name, make, message] of bad) {
    it(`rejects ${name} with a one-line error naming the file`, async () => {
      const file = await make();
      await assert.rejects(readMatrix(file), (err: unknown) => {
        assert.ok(err instanceof NpyError);
        assert.match(err.message, message);
        assert.ok(err.message.startsWith(file));
        assert.ok(!err.message.includes('\n'));
        return true;
      });
    });
  }
});

describe('MatrixRowWriter', () => {
  it('streams row blocks into a .npy that numpy-format readers load, visible only once committed', async () => {
    const file = join(dir, 'streamed.npy');
    const writer = await MatrixRowWriter.create(file, 3);
    await writer.append(Float32Array.from([1, 2, 3, 4, 5, 6]));
    await writer.append(Float32Array.from([7, 8, 9]));
    assert.ok(!(await readdir(dir)).includes('streamed.npy'));
    await writer.commit();
    const matrix = await readMatrix(file);
    assert.deepEqual([matrix.rows, matrix.cols], [3, 3]);
    assert.deepEqual(Array.from(matrix.data), [1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });

  it('leaves nothing behind when aborted, and refuses partial rows', async () => {
    const writer = await MatrixRowWriter.create(join(dir, 'aborted.npy'), 4);
    await assert.rejects(writer.append(new Float32Array(6)), RangeError);
    await writer.abort();
    assert.ok(!(await readdir(dir)).some((f) => f.startsWith('aborted.npy')));
  });
});
