export { buildModel, type GraphSpec, type NodeSpec, type TensorSpec } from './graph.js';
export { type DeviceOptions, type OpenedSession, openSession, type ParsedDevice, parseDevice } from './session.js';
export { createSimilarityBlockRunner, type SimilarityBlockRunner } from './similarity-block.js';
