import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import { METRIC_DEFINITIONS, type MetricDefinition } from './definitions.js';

type Defs = typeof METRIC_DEFINITIONS;
type Labels<D extends MetricDefinition> = D['labelNames'][number];
type Built<D extends MetricDefinition> = D['type'] extends 'counter'
  ? Counter<Labels<D>>
  : D['type'] extends 'gauge'
    ? Gauge<Labels<D>>
    : Histogram<Labels<D>>;

/** Every smartmix metric, registered in `registry` (a process's own registry, never prom-client's global one). */
export type SmartmixMetrics = { readonly [K in keyof Defs]: Built<Defs[K]> } & {
  readonly registry: Registry;
};

export type Role = 'coordinator' | 'worker';

function build(definition: MetricDefinition, registry: Registry): Counter | Gauge | Histogram {
  const config = {
    name: definition.name,
    help: definition.help,
    labelNames: [...definition.labelNames],
    registers: [registry],
  };
  switch (definition.type) {
    case 'counter':
      return new Counter(config);
    case 'gauge':
      return new Gauge(config);
    case 'histogram':
      return new Histogram({ ...config, buckets: [...definition.buckets!] });
  }
}

/**
 * A fresh registry holding every definition plus prom-client's process defaults (CPU, memory, event-loop lag, GC,
 * handles), with `smartmix_build_info` set. One per process; tests may create several.
 */
export function createMetrics(role: Role, version: string): SmartmixMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics: Record<string, unknown> = { registry };
  for (const [key, definition] of Object.entries(METRIC_DEFINITIONS)) {
    metrics[key] = build(definition, registry);
  }
  const built = metrics as SmartmixMetrics;
  built.buildInfo.set({ version, role }, 1);
  return built;
}

const SUFFIXES: Record<string, string[]> = {
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

/**
 * Every series name a smartmix process can expose (histograms with their _bucket/_sum/_count series), process
 * defaults included: what dashboards and alert rules may name.
 */
export async function exportedSeriesNames(): Promise<Set<string>> {
  const { registry } = createMetrics('coordinator', 'names');
  const names = new Set<string>();
  for (const metric of await registry.getMetricsAsJSON()) {
    for (const suffix of SUFFIXES[String(metric.type)] ?? ['']) names.add(metric.name + suffix);
  }
  return names;
}
