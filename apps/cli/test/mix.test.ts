import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { readCollection } from '@smartmix/dataset';
import { writeMatrix } from '@smartmix/npy';
import { runCli } from './run-cli.js';

const T0_MINI = fileURLToPath(new URL('../../../../shared/data/t0-mini/', import.meta.url));
const present = existsSync(T0_MINI);
const dir = await mkdtemp(join(tmpdir(), 'cli-mix-'));
after(() => rm(dir, { recursive: true, force: true }));

interface Row {
  id: string;
  task: string;
  template_type: string;
  prompt: string;
  response: string;
}

const readRows = (out: string): Row[] =>
  readFileSync(join(out, 'mixture.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l));
const manifestOf = (out: string) => JSON.parse(readFileSync(join(out, 'manifest.json'), 'utf8'));

/** Deterministic test embeddings: a seeded pseudo-random vector per id (d = 24), in a shuffled id order. */
async function makeEmbeddings(): Promise<{ embeddings: string; ids: string }> {
  const ids: string[] = [];
  for await (const r of readCollection([T0_MINI])) ids.push(r.id);
  ids.reverse();
  const d = 24;
  const data = new Float32Array(ids.length * d);
  ids.forEach((id, row) => {
    let h = 2166136261;
    for (const ch of id) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
    for (let f = 0; f < d; f++) {
      h = (Math.imul(h, 1664525) + 1013904223) >>> 0;
      data[row * d + f] = h / 2 ** 32 - 0.25;
    }
  });
  const embeddings = join(dir, 'emb.npy');
  const idsFile = join(dir, 'ids.json');
  await writeMatrix(embeddings, data, ids.length, d);
  await writeFile(idsFile, JSON.stringify(ids));
  return { embeddings, ids: idsFile };
}

describe('smartmix mix on t0-mini', { skip: !present && 'no ../shared/data/t0-mini' }, async () => {
  const { embeddings, ids } = present ? await makeEmbeddings() : { embeddings: '', ids: '' };
  const store = join(dir, 'store');
  const mix = (out: string, budget = '1500', more: string[] = ['--store', store]) =>
    runCli([
      'mix',
      '--input',
      T0_MINI,
      '--embeddings',
      embeddings,
      '--ids',
      ids,
      '--num-tasks',
      '24',
      '--budget',
      budget,
      '--out',
      out,
      ...more,
    ]);
  const collection = new Map<string, Row>();
  if (present) {
    for await (const r of readCollection([T0_MINI]))
      collection.set(r.id, {
        id: r.id,
        task: r.task,
        template_type: r.templateType,
        prompt: r.prompt,
        response: r.response,
      });
  }

  it('writes a mixture whose budgets, ids and records are consistent with the collection', async () => {
    const out = join(dir, 'a');
    const run = await mix(out);
    assert.equal(run.code, 0, run.stderr);
    const rows = readRows(out);
    const manifest = manifestOf(out);
    assert.equal(rows.length, 1500);
    assert.equal(new Set(rows.map((r) => r.id)).size, 1500, 'ids are unique');
    for (const row of rows)
      assert.deepEqual(row, collection.get(row.id), `record ${row.id} is copied verbatim`);
    const budgets = manifest.budgets as Record<string, number>;
    assert.equal(
      Object.values(budgets).reduce((a, b) => a + b, 0),
      1500,
    );
    assert.equal(Object.keys(budgets).length, 24);
    const perTask = new Map<string, number>();
    for (const row of rows) perTask.set(row.task, (perTask.get(row.task) ?? 0) + 1);
    for (const [task, budget] of Object.entries(budgets)) {
      assert.equal(perTask.get(task) ?? 0, budget, task);
      const size = [...collection.values()].filter((r) => r.task === task).length;
      assert.ok(budget <= size, `${task}: ${budget} > ${size}`);
    }
    assert.equal(manifest.formatVersion, 1);
    assert.equal(manifest.inputs.length, 2);
    assert.match(manifest.inputs[0].sha256, /^[0-9a-f]{64}$/);
    assert.equal(manifest.parameters.taskFunction.lambda, 0.4);
    const csv = readFileSync(join(out, 'budgets.csv'), 'utf8').trim().split('\n');
    assert.equal(csv[0], 'task,template_type,size,budget');
    assert.equal(
      csv.slice(1).reduce((s, line) => s + Number(line.split(',')[3]), 0),
      1500,
    );
  });

  it('fills each group with a prefix of its stored greedy order', async () => {
    const out = join(dir, 'a');
    const chosen = new Set(readRows(out).map((r) => r.id));
    const manifest = manifestOf(out);
    const names = await readdir(join(store, 'stage2-orders'));
    assert.equal(names.length, manifest.cache.stage2OrdersComputed);
    const stored = await Promise.all(
      names.map(async (n) => JSON.parse(await readFile(join(store, 'stage2-orders', n), 'utf8'))),
    );
    assert.equal(manifest.stage2.groups.length, stored.length);
    for (const group of manifest.stage2.groups) {
      const order = stored.find((o) => o.task === group.task && o.templateType === group.templateType);
      assert.ok(order, `${group.task}/${group.templateType} has a stored order`);
      assert.deepEqual(
        [...order.order].sort((a: number, b: number) => a - b),
        order.ids.map((_: string, i: number) => i),
      );
      const prefix = order.order.slice(0, group.budget).map((p: number) => order.ids[p]);
      const taken = order.ids.filter((id: string) => chosen.has(id));
      assert.deepEqual(new Set(taken), new Set(prefix), `${group.task}/${group.templateType}`);
    }
  });

  it('gives identical bytes for the same run twice', async () => {
    const again = join(dir, 'b');
    const run = await mix(again);
    assert.equal(run.code, 0, run.stderr);
    for (const file of ['mixture.jsonl', 'budgets.csv']) {
      assert.ok(readFileSync(join(dir, 'a', file)).equals(readFileSync(join(again, file))), file);
    }
    const strip = (m: Record<string, unknown>) => ({ ...m, execution: null, timings: null, cache: null });
    assert.deepEqual(strip(manifestOf(again)), strip(manifestOf(join(dir, 'a'))));
  });

  it("reuses stored orders across an N' sweep (nothing recomputed)", async () => {
    for (const budget of ['500', '1000']) {
      const out = join(dir, `sweep-${budget}`);
      const run = await mix(out, budget);
      assert.equal(run.code, 0, run.stderr);
      const manifest = manifestOf(out);
      assert.equal(manifest.cache.stage2OrdersComputed, 0);
      assert.ok(manifest.cache.stage2OrdersReused > 0);
    }
  });

  it('gives byte-identical output with 1, 2 and 4 local workers', async () => {
    for (const workers of ['1', '2', '4']) {
      const out = join(dir, `workers-${workers}`);
      const run = await mix(out, '1500', ['--store', join(dir, `store-${workers}`), '--workers', workers]);
      assert.equal(run.code, 0, run.stderr);
      for (const file of ['mixture.jsonl', 'budgets.csv']) {
        assert.ok(
          readFileSync(join(dir, 'a', file)).equals(readFileSync(join(out, file))),
          `${file} with ${workers} workers`,
        );
      }
      const manifest = manifestOf(out);
      assert.equal(manifest.execution.placement, `${workers} local worker${workers === '1' ? '' : 's'}`);
      assert.equal(
        manifest.cache.stage2OrdersReused,
        0,
        'a fresh store: every order was computed by the workers',
      );
    }
  });

  it('--full-order-up-to orders larger groups only as far as their budget needs, with the same mixture', async () => {
    const prefixStore = join(dir, 'prefix-store');
    const partial = join(dir, 'prefix-1500');
    let run = await mix(partial, '1500', ['--store', prefixStore, '--full-order-up-to', '16']);
    assert.equal(run.code, 0, run.stderr);
    for (const file of ['mixture.jsonl', 'budgets.csv']) {
      assert.ok(readFileSync(join(dir, 'a', file)).equals(readFileSync(join(partial, file))), file);
    }
    const groups = manifestOf(partial).stage2.groups as { size: number; budget: number; ordered: number }[];
    // Groups above 16 rows: the budget rounded up to a power of two (at least 16), never beyond the group.
    const expected = ({ size, budget }: { size: number; budget: number }) =>
      size <= 16 ? size : Math.min(size, Math.max(16, 2 ** Math.ceil(Math.log2(budget))));
    assert.ok(
      groups.some((g) => g.ordered < g.size),
      'some group was ordered only in part',
    );
    for (const g of groups) assert.equal(g.ordered, expected(g), JSON.stringify(g));
    const stored = await Promise.all(
      (await readdir(join(prefixStore, 'stage2-orders'))).map(async (name) =>
        JSON.parse(await readFile(join(prefixStore, 'stage2-orders', name), 'utf8')),
      ),
    );
    assert.deepEqual(stored.map((o) => o.order.length).sort(), groups.map((g) => g.ordered).sort());
    // A larger budget needs longer prefixes: those groups are ordered again, further, and the mixture is still the
    // complete orders' one.
    const longer = join(dir, 'prefix-3000');
    run = await mix(longer, '3000', ['--store', prefixStore, '--full-order-up-to', '16']);
    assert.equal(run.code, 0, run.stderr);
    const complete = join(dir, 'complete-3000');
    assert.equal((await mix(complete, '3000')).code, 0);
    assert.ok(
      readFileSync(join(longer, 'mixture.jsonl')).equals(readFileSync(join(complete, 'mixture.jsonl'))),
    );
    assert.ok(manifestOf(longer).cache.stage2OrdersComputed > 0);
  });

  it('--split-above halves large groups and spreads every prefix evenly over the halves', async () => {
    const out = join(dir, 'split');
    const splitStore = join(dir, 'split-store');
    const run = await runCli([
      'mix',
      '--input',
      T0_MINI,
      '--embeddings',
      embeddings,
      '--ids',
      ids,
      '--num-tasks',
      '8',
      '--budget',
      '600',
      '--split-above',
      '50',
      '--store',
      splitStore,
      '--out',
      out,
    ]);
    assert.equal(run.code, 0, run.stderr);
    assert.equal(manifestOf(out).parameters.splitAbove, 50);
    const names = await readdir(join(splitStore, 'stage2-orders'));
    let checked = 0;
    for (const name of names) {
      const { order } = JSON.parse(await readFile(join(splitStore, 'stage2-orders', name), 'utf8')) as {
        order: number[];
      };
      if (order.length !== 200) continue;
      // 200 rows halve into four parts of 50: every prefix holds ⌊b/4⌋ or ⌈b/4⌉ of each part.
      for (const b of [1, 7, 50, 133, 200]) {
        const perPart = [0, 0, 0, 0];
        for (const p of order.slice(0, b)) perPart[Math.floor(p / 50)]!++;
        assert.ok(Math.max(...perPart) - Math.min(...perPart) <= 1, `prefix ${b}: ${perPart}`);
      }
      checked++;
    }
    assert.ok(checked > 0);
  });

  for (const mixer of ['proportional', 'temperature', 'equal', 'unimax', 'random']) {
    it(`runs the ${mixer} baseline through the same command and output`, async () => {
      const out = join(dir, mixer);
      const run = await runCli([
        'mix',
        '--input',
        T0_MINI,
        '--num-tasks',
        '199',
        '--budget',
        '3000',
        '--mixer',
        mixer,
        '--cap',
        '100',
        '--store',
        store,
        '--out',
        out,
      ]);
      assert.equal(run.code, 0, run.stderr);
      const rows = readRows(out);
      assert.equal(rows.length, 3000);
      assert.equal(new Set(rows.map((r) => r.id)).size, 3000);
      const manifest = manifestOf(out);
      assert.equal(manifest.parameters.mixer.name, mixer);
      assert.equal(manifest.stage1, null);
      assert.equal(
        Object.values(manifest.budgets as Record<string, number>).reduce((a, b) => a + b, 0),
        3000,
      );
    });
  }
});

describe('smartmix mix rejects bad input with exit code 2, one line naming file/line/field, and no output', async () => {
  const good = (id: string, task = 't1', type = 'zs_opt') =>
    JSON.stringify({ id, task, template_type: type, prompt: `prompt ${id}`, response: 'r' });
  const collection = async (name: string, lines: string[]) => {
    const file = join(dir, `${name}.jsonl`);
    await writeFile(file, lines.length ? `${lines.join('\n')}\n` : '');
    return file;
  };
  const okLines = [good('a'), good('b'), good('c', 't2'), good('d', 't2', 'fs_noopt')];
  const emb = join(dir, 'small-emb.npy');
  const idsFile = join(dir, 'small-ids.json');
  await writeMatrix(
    emb,
    Float32Array.from({ length: 3 * 4 }, (_, i) => Math.sin(i)),
    3,
    4,
  );
  await writeFile(idsFile, JSON.stringify(['a', 'b', 'c', 'd']));
  const cases: [string, () => Promise<string[]>, RegExp][] = [
    [
      'malformed JSON line',
      async () => [await collection('m', [good('a'), '{"id": "b", '])],
      /m\.jsonl:2: malformed JSON/,
    ],
    [
      'missing field',
      async () => [
        await collection('f', [
          good('a'),
          JSON.stringify({ id: 'b', task: 't', template_type: 'zs_opt', response: 'r' }),
        ]),
      ],
      /f\.jsonl:2: prompt: missing/,
    ],
    [
      'empty field',
      async () => [
        await collection('e', [
          JSON.stringify({ id: 'a', task: '', template_type: 'zs_opt', prompt: 'p', response: 'r' }),
        ]),
      ],
      /e\.jsonl:1: task: empty/,
    ],
    [
      'duplicate id',
      async () => [await collection('dup', [good('a'), good('a', 't2')])],
      /dup\.jsonl:2: id: duplicate id 'a'/,
    ],
    [
      'unknown template type',
      async () => [await collection('tt', [good('a', 't1', 'few_shot')])],
      /tt\.jsonl:1: template_type: unknown template type 'few_shot'/,
    ],
    [
      'empty input',
      async () => [await collection('empty', [])],
      /empty\.jsonl: the collection holds no records/,
    ],
  ];
  for (const [name, make, message] of cases) {
    it(name, async () => {
      const out = join(dir, `bad-${name.replace(/\W/g, '-')}`);
      const run = await runCli([
        'mix',
        '--input',
        ...(await make()),
        '--num-tasks',
        '1',
        '--budget',
        '1',
        '--out',
        out,
        '--store',
        join(dir, 'bad-store'),
      ]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(
        run.stderr
          .trim()
          .split('\n')
          .filter((l) => l.startsWith('error')).length,
        1,
        run.stderr,
      );
      assert.equal(existsSync(out), false);
    });
  }
  const sizeCases: [string, string[], RegExp][] = [
    [
      "N' larger than the collection",
      ['--num-tasks', '1', '--budget', '5'],
      /--budget 5 is larger than the collection's 4 instances/,
    ],
    [
      "M' larger than the task count",
      ['--num-tasks', '3', '--budget', '2'],
      /--num-tasks 3 is larger than the collection's 2 tasks/,
    ],
    [
      'embedding rows ≠ ids',
      ['--num-tasks', '1', '--budget', '2', '--embeddings', emb, '--ids', idsFile],
      /3 embedding rows but .*small-ids\.json lists 4 ids/,
    ],
  ];
  for (const [name, args, message] of sizeCases) {
    it(name, async () => {
      const out = join(dir, `bad-${name.replace(/\W/g, '-')}`);
      const run = await runCli([
        'mix',
        '--input',
        await collection('ok', okLines),
        ...args,
        '--out',
        out,
        '--store',
        join(dir, 'bad-store'),
      ]);
      assert.equal(run.code, 2, run.stderr);
      assert.match(run.stderr, message);
      assert.equal(existsSync(out), false);
      assert.deepEqual(
        (await readdir(dir)).filter((f) => f.includes('.partial')),
        [],
      );
    });
  }
});
