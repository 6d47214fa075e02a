export {
  type EmbedderSettings,
  type EmbedJobOptions,
  type EmbedJobResult,
  type EmbedRunInfo,
  runEmbedJob,
} from './embed-job.js';
export { JobInputError } from './errors.js';
export { MANIFEST_FORMAT_VERSION } from './manifest.js';
export {
  type MixJobResult,
  type MixtureRequest,
  runMixJob,
  runMixSweep,
  type SweepEntry,
} from './mix-job.js';
export type { MixerName, MixJobOptions } from './mix-options.js';
export { openPlacement, type PlacedEmbedder, type Placement, type PlacementOptions } from './placement.js';
export { ProgressLog } from './progress.js';
export { type ReportJobOptions, runReportJob } from './report-job.js';
export { exitCleanlyOnSignals } from './shutdown.js';
export { mixOptionsFromSpec, runJobSpec, type SpecRun } from './spec-job.js';
export { VERSION } from './version.js';
