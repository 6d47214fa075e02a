export { JobInputError } from './errors.js';
export { MANIFEST_FORMAT_VERSION } from './manifest.js';
export { type MixJobResult, runMixJob } from './mix-job.js';
export type { MixerName, MixJobOptions } from './mix-options.js';
export { openPlacement, type Placement, type PlacementOptions } from './placement.js';
export { ProgressLog } from './progress.js';
export { exitCleanlyOnSignals } from './shutdown.js';
export { VERSION } from './version.js';
