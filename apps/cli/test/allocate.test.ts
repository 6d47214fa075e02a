import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { runCli } from './run-cli.js';

const FIXTURE = fileURLToPath(new URL('../../../../shared/fixtures/smart_stage1/', import.meta.url));
const present = existsSync(FIXTURE);

describe('smartmix allocate reproduces the SMART stage-1 reference', {
  skip: !present && 'no ../shared',
}, () => {
  const runs = present ? JSON.parse(readFileSync(`${FIXTURE}expected.json`, 'utf8')) : [];
  for (const run of runs) {
    it(`${run.function} M'=${run.numTasks} N'=${run.budget}`, async () => {
      const args = [
        'allocate',
        '--task-embeddings',
        `${FIXTURE}task_embeddings.npy`,
        '--tasks',
        `${FIXTURE}tasks.json`,
        '--function',
        run.function,
        '--num-tasks',
        String(run.numTasks),
        '--budget',
        String(run.budget),
      ];
      if (run.lambda !== null) args.push('--lambda', String(run.lambda));
      const cli = await runCli(args);
      assert.equal(cli.code, 0, cli.stderr);
      const out = JSON.parse(cli.stdout);
      assert.deepEqual(out.selected, run.selected);
      assert.deepEqual(out.budgets, run.budgets);
      assert.deepEqual(out.templateBudgets, run.templateBudgets);
      assert.equal(out.redistributed, run.redistributed);
      out.gains.forEach((g: number, i: number) =>
        assert.ok(Math.abs(g - run.gains[i]) <= 1e-5 * Math.abs(run.gains[i])),
      );
      // Probabilities: 1e-7 here because our float32 kernel is not OpenBLAS's bit for bit (see libs/mixture tests).
      for (const [task, p] of Object.entries(run.probabilities))
        assert.ok(Math.abs(out.probabilities[task] - (p as number)) <= 1e-7);
    });
  }

  it("rejects an M' above the task count and mismatched rows with exit code 2", async () => {
    const base = [
      'allocate',
      '--task-embeddings',
      `${FIXTURE}task_embeddings.npy`,
      '--tasks',
      `${FIXTURE}tasks.json`,
      '--budget',
      '10',
    ];
    const tooMany = await runCli([...base, '--num-tasks', '201']);
    assert.equal(tooMany.code, 2);
    assert.match(tooMany.stderr, /M' must be in \[1, 200\], got 201/);
    const tooMuch = await runCli([...base.slice(0, -1), '10000000', '--num-tasks', '2']);
    assert.equal(tooMuch.code, 2);
    assert.match(tooMuch.stderr, /fewer than the budget 10000000/);
  });
});
