import { DatasetError } from './errors.js';

export const TEMPLATE_TYPES = ['zs_opt', 'zs_noopt', 'fs_opt', 'fs_noopt'] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

/** Which field of the collection's records holds what. `templateType: null`: the collection has none. */
export interface FieldMap {
  id: string;
  task: string;
  templateType: string | null;
  prompt: string;
  response: string;
}

export const DEFAULT_FIELDS: FieldMap = {
  id: 'id',
  task: 'task',
  templateType: 'template_type',
  prompt: 'prompt',
  response: 'response',
};

export interface ReadOptions {
  /** Overrides of DEFAULT_FIELDS. */
  fields?: Partial<FieldMap>;
  /**
   * The template type given to every record when `fields.templateType` is null, so that each task is a single
   * stage-2 group. zs_noopt by default: a prompt without exemplars and without listed options is the plainest
   * format. Ignored when the collection has its own template types.
   */
  defaultTemplateType?: TemplateType;
}

export interface CollectionRecord {
  id: string;
  task: string;
  templateType: TemplateType;
  prompt: string;
  response: string;
  /** Where the record came from, for error messages downstream: the file and its 1-based line (Parquet: row). */
  file: string;
  line: number;
}

export function resolveFields(options: ReadOptions): FieldMap {
  return { ...DEFAULT_FIELDS, ...options.fields };
}

/** The template type records get when the collection has none (see `ReadOptions.defaultTemplateType`). */
export function fallbackTemplateType(options: ReadOptions): TemplateType {
  return options.defaultTemplateType ?? 'zs_noopt';
}

/** The fields a record must have, in the order they are checked (and the columns a Parquet file must have). */
export function requiredFields(fields: FieldMap): string[] {
  const { id, task, templateType, prompt, response } = fields;
  return templateType === null ? [id, task, prompt, response] : [id, task, templateType, prompt, response];
}

const kindOf = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value;

/** A required non-empty string. JSON null and a Parquet null both count as missing: neither holds text. */
function text(object: Record<string, unknown>, field: string, file: string, line: number): string {
  const value = object[field];
  if (value === undefined || value === null) throw new DatasetError(file, line, field, 'missing');
  if (typeof value !== 'string') {
    throw new DatasetError(file, line, field, `expected a string, got ${kindOf(value)}`);
  }
  // Whitespace alone is no more an id, task, prompt or response than the empty string.
  if (value.trim().length === 0) throw new DatasetError(file, line, field, 'empty');
  return value;
}

function templateTypeOf(value: string, field: string, file: string, line: number): TemplateType {
  if ((TEMPLATE_TYPES as readonly string[]).includes(value)) return value as TemplateType;
  throw new DatasetError(
    file,
    line,
    field,
    `unknown template type '${value}' (expected ${TEMPLATE_TYPES.join(', ')})`,
  );
}

/** Validates one raw value against the field map, fields in record order, and returns the normalised record. */
export function toRecord(
  raw: unknown,
  fields: FieldMap,
  fallback: TemplateType,
  file: string,
  line: number,
): CollectionRecord {
  if (kindOf(raw) !== 'object') {
    throw new DatasetError(file, line, null, `not a JSON object (got ${kindOf(raw)})`);
  }
  const object = raw as Record<string, unknown>;
  const id = text(object, fields.id, file, line);
  const task = text(object, fields.task, file, line);
  const templateType =
    fields.templateType === null
      ? fallback
      : templateTypeOf(text(object, fields.templateType, file, line), fields.templateType, file, line);
  return {
    id,
    task,
    templateType,
    prompt: text(object, fields.prompt, file, line),
    response: text(object, fields.response, file, line),
    file,
    line,
  };
}
