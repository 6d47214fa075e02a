import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalJson, contentKey, sha256Hex } from '@smartmix/storage';

describe('canonicalJson', () => {
  it('sorts object keys recursively by code unit, whatever the insertion order', () => {
    assert.equal(
      canonicalJson({ b: 1, a: { z: [3, { y: 1, x: 2 }], '10': 0, '9': 0 } }),
      '{"a":{"10":0,"9":0,"z":[3,{"x":2,"y":1}]},"b":1}',
    );
    assert.equal(canonicalJson({ b: 1, a: 2 }), canonicalJson({ a: 2, b: 1 }));
  });

  it('formats numbers, strings and JSON leftovers as JSON.stringify does', () => {
    const value = {
      n: [0, -0, 1.5, 1e21, 1e-7],
      s: 'quote " and \u2028',
      d: new Date(0),
      u: undefined,
      f: [undefined, () => 1],
    };
    assert.equal(
      canonicalJson(value),
      '{"d":"1970-01-01T00:00:00.000Z","f":[null,null],"n":[0,0,1.5,1e+21,1e-7],"s":"quote \\" and \u2028"}',
    );
  });

  it('pretty-prints exactly like JSON.stringify(value, null, indent) once keys are sorted', () => {
    const sorted = { a: [], b: {}, c: [1, { d: 'e' }], f: null };
    assert.equal(canonicalJson(sorted, 2), JSON.stringify(sorted, null, 2));
    assert.equal(canonicalJson([], 2), '[]');
  });

  it('refuses values JSON would silently mangle, so distinct inputs cannot share a key', () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    const cases: [unknown, RegExp][] = [
      [Number.NaN, /non-finite number NaN/],
      [{ x: Number.POSITIVE_INFINITY }, /non-finite number Infinity/],
      [10n, /bigint/],
      [new Map([[1, 2]]), /cannot serialize a Map instance/],
      [{ s: new Set([1]) }, /cannot serialize a Set instance/],
      [cyclic, /circular structure/],
      [undefined, /top-level undefined/],
    ];
    for (const [value, message] of cases) assert.throws(() => canonicalJson(value), message);
  });

  it('allows repeated (non-circular) references', () => {
    const shared = { k: 1 };
    assert.equal(canonicalJson([shared, shared]), '[{"k":1},{"k":1}]');
  });
});

describe('content addressing', () => {
  it('hashes bytes and strings with sha256', () => {
    const abc = 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad';
    assert.equal(sha256Hex('abc'), abc);
    assert.equal(sha256Hex(new Uint8Array([0x61, 0x62, 0x63])), abc);
  });

  it('keys an artifact by kind and the hash of its canonical parts', () => {
    const parts = { codeVersion: 'smartmix-1', model: 'e5-small', shard: 3 };
    const key = contentKey('embeddings', parts);
    assert.equal(key, `embeddings/${sha256Hex(canonicalJson(parts))}`);
    assert.match(key, /^embeddings\/[0-9a-f]{64}$/);
    assert.equal(contentKey('embeddings', { shard: 3, model: 'e5-small', codeVersion: 'smartmix-1' }), key);
    assert.notEqual(contentKey('embeddings', { ...parts, codeVersion: 'smartmix-2' }), key);
    assert.equal(contentKey('stage1/orders', [1, 2]), `stage1/orders/${sha256Hex('[1,2]')}`);
  });

  it('rejects a kind that is not a valid key', () => {
    assert.throws(
      () => contentKey('../up', {}),
      /contentKey: invalid kind "\.\.\/up": segment '\.\.' is not allowed/,
    );
  });
});
