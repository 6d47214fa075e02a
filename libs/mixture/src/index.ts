export {
  type BaselineMixer,
  type BaselineParameters,
  baselineAllocation,
  largestTasks,
} from './baselines/baselines.js';
export { shuffleInPlace } from './shuffle.js';
export {
  type Allocation,
  allocateBudgets,
  allocateByWeights,
  type SmartAllocation,
} from './stage1/allocate.js';
export { capAndRedistribute } from './stage1/cap.js';
export { selectTasks, type TaskSelection, type TaskSelectionRequest } from './stage1/select-tasks.js';
export { splitByFloorAndRemainder } from './stage1/split.js';
export { taylorSoftmax } from './stage1/taylor-softmax.js';
export { splitTemplateTypes } from './stage1/template-split.js';
export { CURVE_POINTS, objectiveCurve } from './stage2/objective-curve.js';
export {
  type GroupOrder,
  type InstanceFunction,
  type OrderOptions,
  orderGroup,
} from './stage2/order-group.js';
export { halvedParts, orderGroupSplit } from './stage2/split-above.js';
export { meanTaskEmbeddings } from './task-embeddings.js';
export {
  AllocationError,
  checkCounts,
  type TaskCounts,
  TEMPLATE_TYPES,
  type TemplateCounts,
  type TemplateType,
  taskSize,
} from './template-counts.js';
