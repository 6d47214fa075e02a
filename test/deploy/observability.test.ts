import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { exportedSeriesNames, METRIC_DEFINITIONS } from '@smartmix/metrics';
import { parse } from 'yaml';
import { literalTypeErrors } from './literal-type-check.js';
import { metricNames, PROMETHEUS_SERIES } from './promql-names.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DASHBOARD = join(ROOT, 'deploy', 'grafana', 'smartmix.json');
const RULES = join(ROOT, 'deploy', 'prometheus', 'rules.yaml');
const hasPromtool = spawnSync('promtool', ['--version']).status === 0;

interface Panel {
  id: number;
  type: string;
  title: string;
  description?: string;
  gridPos: { x: number; y: number; w: number; h: number };
  targets?: { expr: string }[];
}

const dashboard = JSON.parse(readFileSync(DASHBOARD, 'utf8')) as { panels: Panel[] };
const rules = parse(readFileSync(RULES, 'utf8')) as {
  groups: { rules: { alert: string; expr: string }[] }[];
};
const exported = await exportedSeriesNames();

/** Grafana publishes its dashboard schema to npm as @grafana/schema's generated types (no JSON Schema). */
const dashboardSchemaErrors = (value: unknown) =>
  literalTypeErrors(ROOT, [{ module: '@grafana/schema', type: 'Dashboard', value }]);

function unknownNames(expressions: { where: string; expr: string }[]): string[] {
  return expressions.flatMap(({ where, expr }) =>
    metricNames(expr)
      .filter((name) => !exported.has(name) && !PROMETHEUS_SERIES.has(name))
      .map((name) => `${where}: ${name}`),
  );
}

describe('PromQL metric-name extraction', () => {
  it('finds selected metrics and skips functions, keywords, labels, strings and ranges', () => {
    assert.deepEqual(
      metricNames(
        'histogram_quantile(0.99, sum by (le, method) (rate(smartmix_rpc_duration_seconds_bucket{side="client"}[5m]))) ' +
          '/ on (instance) group_left (role) smartmix_build_info unless up offset 5m',
      ),
      ['smartmix_build_info', 'smartmix_rpc_duration_seconds_bucket', 'up'],
    );
  });

  it('catches a misspelt metric', () => {
    assert.deepEqual(unknownNames([{ where: 'x', expr: 'rate(smartmix_greedy_step_total[1m])' }]), [
      'x: smartmix_greedy_step_total',
    ]);
  });
});

describe('Grafana dashboard deploy/grafana/smartmix.json', () => {
  it("satisfies Grafana's dashboard schema (@grafana/schema's Dashboard type)", () => {
    assert.deepEqual(dashboardSchemaErrors(dashboard), []);
  });

  it('the schema check rejects a field Grafana does not know and a wrongly typed one', () => {
    const [unknown] = dashboardSchemaErrors({ ...dashboard, refreshh: '30s' });
    assert.match(unknown!, /'"refreshh"' does not exist in type 'Dashboard'/);
    const panels = dashboard.panels.map((p, i) =>
      i === 1 ? { ...p, gridPos: { ...p.gridPos, w: '6' } } : p,
    );
    const [wrong] = dashboardSchemaErrors({ ...dashboard, panels });
    assert.match(wrong!, /not assignable to type 'number'/);
  });

  it('names only metrics the code exports', () => {
    const expressions = dashboard.panels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({ where: `panel '${p.title}'`, expr: t.expr })),
    );
    assert.ok(expressions.length > 20);
    assert.deepEqual(unknownNames(expressions), []);
  });

  it('covers job progress, throughput, gain curves, worker health, shard skew and errors', () => {
    const used = new Set(
      dashboard.panels.flatMap((p) => (p.targets ?? []).flatMap((t) => metricNames(t.expr))),
    );
    for (const name of [
      'smartmix_job_state',
      'smartmix_stage2_groups_done_total',
      'smartmix_prompts_embedded_total',
      'smartmix_greedy_current_gain',
      'smartmix_greedy_objective',
      'smartmix_worker_up',
      'smartmix_shard_skew_ratio',
      'smartmix_rpc_errors_total',
      'smartmix_store_errors_total',
    ]) {
      assert.ok(used.has(name), name);
    }
  });

  it('filters every selector by the namespace variable', () => {
    for (const p of dashboard.panels) {
      for (const { expr } of p.targets ?? []) {
        const selectors = expr.match(/\b(smartmix|process|nodejs)_[a-z0-9_]+\b(\{[^}]*\})?/g) ?? [];
        for (const selector of selectors) assert.match(selector, /\{namespace=~"\$namespace"/, p.title);
      }
    }
  });

  it('has unique panel ids, a description on every panel and a layout inside 24 columns', () => {
    const ids = dashboard.panels.map((p) => p.id);
    assert.equal(new Set(ids).size, ids.length);
    for (const p of dashboard.panels) {
      assert.ok(p.gridPos.x + p.gridPos.w <= 24, p.title);
      if (p.type !== 'row') assert.ok(p.description, p.title);
    }
  });
});

describe('Prometheus alert rules deploy/prometheus/rules.yaml', {
  skip: !hasPromtool && 'no promtool',
}, () => {
  it('pass promtool check rules', () => {
    const check = spawnSync('promtool', ['check', 'rules', RULES], { encoding: 'utf8' });
    assert.equal(check.status, 0, check.stdout + check.stderr);
    assert.match(check.stdout, /SUCCESS: \d+ rules found/);
  });

  it('fire as their promtool unit tests expect', () => {
    const test = spawnSync(
      'promtool',
      ['test', 'rules', join(ROOT, 'deploy', 'prometheus', 'rules.test.yaml')],
      {
        encoding: 'utf8',
      },
    );
    assert.equal(test.status, 0, test.stdout + test.stderr);
  });
});

describe('alert rules name only exported metrics', () => {
  it('every expression', () => {
    const expressions = rules.groups.flatMap((g) => g.rules.map((r) => ({ where: r.alert, expr: r.expr })));
    assert.ok(expressions.length >= 8);
    assert.deepEqual(unknownNames(expressions), []);
  });
});

describe('README metrics table', () => {
  it('lists every metric the code defines', () => {
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const missing = Object.values(METRIC_DEFINITIONS)
      .map((d) => d.name)
      .filter((name) => !new RegExp(`^\\| \`${name}\` +\\|`, 'm').test(readme));
    assert.deepEqual(missing, []);
  });
});
