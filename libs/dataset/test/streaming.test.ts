import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { describe, it } from 'node:test';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { gzipSync } from 'node:zlib';
import { readCollection } from '@smartmix/dataset';
import { jsonl, put, rec, T0_MINI, tempDir } from './helpers.js';

const dir = await tempDir();
/** 10,000 valid records, 1.3 MB of JSONL: many read chunks. */
const filler = Array.from({ length: 10000 }, (_, i) => rec(`f${i}`, { prompt: 'x'.repeat(100) }));

describe('streaming', () => {
  it('reads nothing before the first next()', async () => {
    const path = `${dir}/later.jsonl`;
    const records = readCollection([path]);
    await put(dir, 'later.jsonl', jsonl(rec('later')));
    assert.equal((await records.next()).value?.id, 'later');
  });

  it('yields a line before parsing the rest of its file', async () => {
    // Valid lines after the first, then a broken one: a reader that parses the whole file first fails on next().
    const file = await put(
      dir,
      'late-error.jsonl.gz',
      gzipSync(`${jsonl(rec('first'), ...filler)}{broken\n`),
    );
    const records = readCollection([file]);
    assert.equal((await records.next()).value?.id, 'first');
    await assert.rejects(async () => {
      for await (const _ of records);
    }, /late-error\.jsonl\.gz:10002: malformed JSON/);
  });

  it('yields the records of a file before opening the next one', async () => {
    const first = await put(dir, 's1.jsonl', jsonl(rec('s1')));
    const broken = await put(dir, 's2.parquet', 'not parquet');
    const records = readCollection([first, broken]);
    assert.equal((await records.next()).value?.id, 's1');
    await assert.rejects(records.next(), /s2\.parquet: not a readable Parquet file/);
  });

  it('closes the file when the reader stops early', {
    skip: !existsSync('/proc/self/fd') && 'no /proc',
  }, async () => {
    const file = await put(dir, 'early.jsonl.gz', gzipSync(jsonl(rec('a'), ...filler)));
    const open = () => readdirSync('/proc/self/fd').length;
    const before = open();
    for await (const r of readCollection([file])) {
      assert.equal(r.id, 'a');
      assert.ok(open() > before, 'the file is open while reading');
      break;
    }
    // Closing is asynchronous: give it a few turns of the event loop.
    for (let i = 0; i < 100 && open() > before; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    assert.equal(open(), before);
  });

  it('reads t0-mini (42 MB) without its heap growing by anything like a file', {
    skip: !existsSync(T0_MINI) && 'no shared/data/t0-mini',
  }, async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const used = () => {
      gc();
      const { heapUsed, external } = process.memoryUsage();
      return heapUsed + external;
    };
    const base = used();
    let peak = 0;
    let count = 0;
    for await (const _ of readCollection([T0_MINI])) {
      if (++count % 2500 === 0) peak = Math.max(peak, used() - base);
    }
    assert.equal(count, 37595);
    // Each part is 20 MB. What stays is the id set (~4 MB) and a read buffer; 16 MiB is a generous bound.
    assert.ok(peak < 16 * 2 ** 20, `heap grew by ${(peak / 2 ** 20).toFixed(1)} MiB`);
  });
});
