import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { IdleMap } from '@smartmix/cluster';

describe('IdleMap', () => {
  it('drops entries unused for longer than the TTL, counting every get as use, and hands them to onExpire', () => {
    let now = 0;
    const expired: string[] = [];
    const map = new IdleMap<number>(
      100,
      (key) => expired.push(key),
      () => now,
    );
    map.set('a', 1);
    map.set('b', 2);
    now = 80;
    assert.equal(map.get('a'), 1);
    now = 150;
    map.sweep();
    assert.deepEqual(expired, ['b']);
    assert.equal(map.get('b'), undefined);
    assert.equal(map.size, 1);
    now = 181;
    map.sweep();
    assert.deepEqual(expired, ['b', 'a']);
    assert.equal(map.size, 0);
    map.close();
  });

  it('drops the least recently used entry on demand (a bound on entries), handing it to onExpire', () => {
    let now = 0;
    const expired: string[] = [];
    const map = new IdleMap<number>(
      1000,
      (key) => expired.push(key),
      () => now,
    );
    map.set('a', 1);
    now = 1;
    map.set('b', 2);
    now = 2;
    map.get('a');
    map.dropLeastRecentlyUsed();
    assert.deepEqual(expired, ['b']);
    assert.equal(map.get('a'), 1);
    map.close();
  });
});
