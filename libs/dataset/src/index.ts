export { type ReadContext, readCollection } from './collection.js';
export { DatasetError } from './errors.js';
export type { InputFile } from './file-digest.js';
export { collectionGroups, type Group, groupKey } from './groups.js';
export { listInputFiles } from './input-files.js';
export {
  type CollectionRecord,
  DEFAULT_FIELDS,
  type FieldMap,
  type ReadOptions,
  resolveFields,
  TEMPLATE_TYPES,
  type TemplateType,
} from './record.js';
export { type CollectionScan, scanCollection, type TaskSummary } from './scan.js';
