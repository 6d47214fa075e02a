export { METRIC_DEFINITIONS, type MetricDefinition, type MetricKey, type MetricType } from './definitions.js';
export { MetricsError } from './errors.js';
export { JobTracker, type StepObserver } from './job-tracker.js';
export { rpcObserver, storeObserver } from './observers.js';
export { createMetrics, exportedSeriesNames, type Role, type SmartmixMetrics } from './registry.js';
export { type MetricsServer, parseListen, startMetricsServer } from './server.js';
