import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildModel, createSimilarityBlockRunner, openSession, parseDevice } from '@smartmix/onnx';
import * as ort from 'onnxruntime-node';

function seeded(n: number, seed: number): Float32Array {
  let s = seed >>> 0;
  return Float32Array.from({ length: n }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32 - 0.5;
  });
}

describe('onnx graphs', () => {
  it('builds a model onnxruntime loads and runs (Add with a float attribute-free graph)', async () => {
    const model = buildModel({
      name: 'add',
      inputs: [
        { name: 'x', elemType: 'FLOAT', shape: ['n'] },
        { name: 'y', elemType: 'FLOAT', shape: ['n'] },
      ],
      outputs: [{ name: 'z', elemType: 'FLOAT', shape: ['n'] }],
      nodes: [{ op: 'Add', inputs: ['x', 'y'], outputs: ['z'] }],
    });
    const { session, device } = await openSession(model);
    assert.equal(device, 'cpu');
    const out = await session.run({
      x: new ort.Tensor('float32', Float32Array.from([1, 2, 3]), [3]),
      y: new ort.Tensor('float32', Float32Array.from([10, 20, 30]), [3]),
    });
    assert.deepEqual(Array.from(out.z!.data as Float32Array), [11, 22, 33]);
    await session.release();
  });

  it('computes A·Bᵀ blocks equal to float64 dot products within float32 rounding, from subarray views', async () => {
    const d = 37;
    const x = seeded(20 * d, 7);
    const runner = await createSimilarityBlockRunner({ threads: 1 });
    const out = await runner.run(x.subarray(3 * d, 8 * d), 5, x.subarray(10 * d, 20 * d), 10, d);
    assert.equal(out.length, 50);
    for (let i = 0; i < 5; i++) {
      for (let j = 0; j < 10; j++) {
        let dot = 0;
        for (let f = 0; f < d; f++) dot += x[(3 + i) * d + f] * x[(10 + j) * d + f];
        assert.ok(Math.abs(out[i * 10 + j] - dot) < 1e-5, `(${i},${j}) ${out[i * 10 + j]} vs ${dot}`);
      }
    }
    await assert.rejects(runner.run(x, 3, x, 3, d), /similarity block/);
    await runner.release();
  });
});

describe('devices', () => {
  it('parses device names and rejects others', () => {
    assert.deepEqual(parseDevice('cpu'), { kind: 'cpu', index: 0 });
    assert.deepEqual(parseDevice('cuda'), { kind: 'cuda', index: 0 });
    assert.deepEqual(parseDevice('cuda:3'), { kind: 'cuda', index: 3 });
    assert.throws(() => parseDevice('gpu'), /invalid device 'gpu'/);
    assert.throws(() => parseDevice('cpu:1'), /invalid device/);
  });

  it('falls back from CUDA to CPU with a warning where CUDA is absent, or fails with strictDevice', async (t) => {
    const model = buildModel({
      name: 'id',
      inputs: [{ name: 'x', elemType: 'FLOAT', shape: [1] }],
      outputs: [{ name: 'y', elemType: 'FLOAT', shape: [1] }],
      nodes: [{ op: 'Identity', inputs: ['x'], outputs: ['y'] }],
    });
    const warnings: string[] = [];
    const opened = await openSession(model, { device: 'cuda', warn: (m) => warnings.push(m) });
    if (opened.device === 'cuda') {
      t.skip('this machine has a working CUDA provider; the fallback path cannot be exercised here');
      return;
    }
    assert.equal(opened.device, 'cpu');
    assert.equal(warnings.length, 1);
    assert.match(warnings[0]!, /CUDA execution provider unavailable .*falling back to CPU/);
    await assert.rejects(
      openSession(model, { device: 'cuda:0', strictDevice: true }),
      /CUDA device 0 unavailable/,
    );
  });
});

describe('similarity blocks are shape-independent', () => {
  it('gives every element of any block shape the same bits as the full product, which is exactly symmetric', async () => {
    for (const d of [64, 384]) {
      const n = 1200;
      const x = seeded(n * d, d);
      const runner = await createSimilarityBlockRunner();
      const full = await runner.run(x, n, x, n, d);
      for (let i = 0; i < n; i++) {
        for (let j = i + 1; j < n; j++)
          assert.equal(full[i * n + j], full[j * n + i], `asymmetric at ${i},${j}`);
      }
      let state = 99;
      const next = (limit: number) => {
        state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
        return Math.floor((state / 2 ** 32) * limit);
      };
      // Single rows (the GEMV path) and narrow blocks (another MLAS path) are the shapes that used to round differently.
      const shapes: [number, number][] = [
        [1, n],
        [1, 3],
        [2, 5],
        [7, 8],
        [16, 31],
        [40, 121],
        [128, 900],
        [300, 1],
      ];
      for (let t = 0; t < 40; t++) shapes.push([1 + next(200), 1 + next(400)]);
      for (const [rowsA, rowsB] of shapes) {
        const a0 = next(n - rowsA + 1);
        const b0 = next(n - rowsB + 1);
        const block = await runner.run(
          x.subarray(a0 * d, (a0 + rowsA) * d),
          rowsA,
          x.subarray(b0 * d, (b0 + rowsB) * d),
          rowsB,
          d,
        );
        for (let i = 0; i < rowsA; i++) {
          for (let j = 0; j < rowsB; j++) {
            if (block[i * rowsB + j] !== full[(a0 + i) * n + b0 + j]) {
              assert.fail(
                `d=${d} block ${rowsA}×${rowsB} at (${a0},${b0}): element (${i},${j}) differs from the full product`,
              );
            }
          }
        }
      }
      await runner.release();
    }
  });
});
