export {
  buildModel,
  type GraphSpec,
  type InitializerSpec,
  type NodeSpec,
  type TensorSpec,
} from './graph.js';
export {
  type DeviceOptions,
  loadRuntime,
  type OpenedSession,
  openSession,
  type ParsedDevice,
  parseDevice,
} from './session.js';
export {
  createSimilarityBlockRunner,
  MIN_ROWS_A,
  MIN_ROWS_B,
  type SimilarityBlockRunner,
} from './similarity-block.js';
