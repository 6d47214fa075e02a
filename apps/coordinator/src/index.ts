export {
  type EmbedderSettings,
  type EmbedJobOptions,
  type EmbedJobResult,
  type EmbedRunInfo,
  runEmbedJob,
} from './embed-job.js';
export { JobInputError } from './errors.js';
export { MANIFEST_FORMAT_VERSION } from './manifest.js';
export { type MixJobResult, runMixJob } from './mix-job.js';
export type { MixerName, MixJobOptions } from './mix-options.js';
export { openPlacement, type Placement, type PlacementOptions } from './placement.js';
export { VERSION } from './version.js';
