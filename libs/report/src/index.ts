export { ReportInputError } from './errors.js';
export { escapeHtml } from './html/escape.js';
export { renderReportHtml } from './html/page.js';
export { facilityLocationCoverage } from './metrics/coverage.js';
export { gini } from './metrics/gini.js';
export { jaccard } from './metrics/jaccard.js';
export { pca2 } from './metrics/pca.js';
export {
  buildReportModel,
  type GroupCurve,
  type ReportCollection,
  type ReportModel,
  type RunAnalysis,
} from './model.js';
export { type MixtureManifest, type MixtureRun, readMixtureRun, readMixtureRuns, runLabels } from './run.js';
