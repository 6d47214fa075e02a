import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { buildReportModel, type MixtureManifest, type MixtureRun, renderReportHtml } from '@smartmix/report';

const EVIL = '<script>alert("x")</script>&';
const tasks = ['alpha', EVIL, 'gamma'];
// Six records, two per task, on 2-D embeddings.
const ids = ['a1', 'a2', 'e1', 'e2', 'g1', 'g2'];
const collection = {
  ids,
  taskOf: [0, 0, 1, 1, 2, 2],
  tasks,
  embeddings: Float32Array.from([1, 0, 0.9, 0.1, 0, 1, 0.1, 0.9, -1, 0.2, -0.8, 0.1]),
  d: 2,
  embeddingSource: 'test vectors',
};

function run(label: string, budgets: Record<string, number>, chosen: string[], smart: boolean): MixtureRun {
  const manifest = {
    formatVersion: 1,
    tool: { name: 'smartmix', version: '0.1.0' },
    spec: null,
    inputs: [{ path: 'c.jsonl', bytes: 1, sha256: 'f'.repeat(64) }],
    parameters: {
      fields: {},
      numTasks: Object.keys(budgets).length,
      budget: chosen.length,
      mixer: { name: smart ? 'smart' : 'equal' },
      taskFunction: { name: 'gc', lambda: 0.4 },
      instanceFunction: { name: 'fl', lambda: null },
      seed: 1,
      note: EVIL,
    },
    collection: { records: 6, tasks: 3 },
    embeddings: smart ? { embedder: 'test' } : null,
    stage1: smart ? { selected: Object.keys(budgets), gains: [2, 1], objective: 3 } : null,
    probabilities: smart ? Object.fromEntries(Object.keys(budgets).map((t) => [t, 0.5])) : null,
    budgets,
    templateBudgets: Object.fromEntries(
      Object.entries(budgets).map(([t, b]) => [t, { zs_opt: b, zs_noopt: 0, fs_opt: 0, fs_noopt: 0 }]),
    ),
    stage2: {
      groups: Object.entries(budgets).map(([task, budget]) => ({
        task,
        templateType: 'zs_opt',
        size: 2,
        budget,
        objective: smart ? 1 : null,
        curve: smart
          ? [
              [1, 1],
              [2, 1.5],
            ]
          : null,
      })),
    },
    output: { rows: chosen.length, sha256: '0'.repeat(64) },
  } as unknown as MixtureManifest;
  return { dir: `/runs/${label}`, label, manifest, ids: chosen };
}

describe('report model and page', async () => {
  const runs = [
    run('smart', { [EVIL]: 2, alpha: 1 }, ['e1', 'e2', 'a1'], true),
    run('equal', { alpha: 1, gamma: 1 }, ['a1', 'g1'], false),
  ];
  const model = await buildReportModel(runs, collection);

  it('computes the comparison numbers', () => {
    const [smart, equal] = model.runs;
    assert.equal(smart!.tasksCovered, 2);
    assert.deepEqual(smart!.budgets, [
      { task: EVIL, budget: 2 },
      { task: 'alpha', budget: 1 },
    ]);
    assert.ok(Math.abs(smart!.gini - 1 / 6) < 1e-12);
    assert.equal(equal!.gini, 0);
    assert.deepEqual(model.overlap.instances, [
      [1, 0.25],
      [0.25, 1],
    ]);
    assert.deepEqual(model.overlap.tasks, [
      [1, 1 / 3],
      [1 / 3, 1],
    ]);
    assert.ok(smart!.coverage > 0 && smart!.coverage <= 1);
    assert.equal(model.projection.points.length, 3);
  });

  it('escapes every text from the data and needs nothing from outside the file', () => {
    const html = renderReportHtml(model, `report ${EVIL}`);
    assert.equal(html.includes('<script'), false, 'no script, and the task name is escaped');
    assert.ok(html.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;'));
    assert.equal(/\b(src|href)=/.test(html), false, 'no external resources');
    assert.deepEqual([...new Set(html.match(/https?:\/\/[^"' )]+/g))], ['http://www.w3.org/2000/svg']);
    assert.equal(
      (html.match(/<svg /g) ?? []).length,
      6,
      'budget, templates, gains, probabilities, stage 2, projection',
    );
  });

  it('rejects a mixture id the collection does not hold', async () => {
    await assert.rejects(
      buildReportModel([run('x', { alpha: 1 }, ['zz'], false)], collection),
      /'zz' is not in the collection/,
    );
  });
});
