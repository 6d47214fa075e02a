export { type InputFile, type ReadContext, readCollection, resolveFields } from './collection.js';
export { DatasetError } from './errors.js';
export { listInputFiles } from './input-files.js';
export {
  type CollectionRecord,
  DEFAULT_FIELDS,
  type FieldMap,
  type ReadOptions,
  TEMPLATE_TYPES,
  type TemplateType,
} from './record.js';
