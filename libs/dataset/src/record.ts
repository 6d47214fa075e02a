import { DatasetError } from './errors.js';

export const TEMPLATE_TYPES = ['zs_opt', 'zs_noopt', 'fs_opt', 'fs_noopt'] as const;
export type TemplateType = (typeof TEMPLATE_TYPES)[number];

/** Which record fields hold what. `templateType: null` = the collection has none (see `defaultTemplateType`). */
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
  fields?: Partial<FieldMap>;
  /**
   * The template type given to every record of a collection without one (`fields.templateType: null`): each task
   * is then a single stage-2 group. zs_noopt by default (recorded in the manifest).
   */
  defaultTemplateType?: TemplateType;
}

export interface CollectionRecord {
  id: string;
  task: string;
  templateType: TemplateType;
  prompt: string;
  response: string;
  /** Where the record came from, for error messages downstream. */
  file: string;
  location: string;
}

function text(raw: Record<string, unknown>, field: string, file: string, location: string): string {
  const value = raw[field];
  if (value === undefined || value === null) throw new DatasetError(file, location, field, 'missing');
  if (typeof value !== 'string')
    throw new DatasetError(file, location, field, `expected a string, got ${typeof value}`);
  if (value.trim().length === 0) throw new DatasetError(file, location, field, 'empty');
  return value;
}

/** Validates one raw object against the field map and returns the normalised record. */
export function toRecord(
  raw: unknown,
  fields: FieldMap,
  fallback: TemplateType,
  file: string,
  location: string,
): CollectionRecord {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    throw new DatasetError(file, location, null, 'record is not a JSON object');
  }
  const object = raw as Record<string, unknown>;
  let templateType: TemplateType = fallback;
  if (fields.templateType !== null) {
    const value = text(object, fields.templateType, file, location);
    if (!(TEMPLATE_TYPES as readonly string[]).includes(value)) {
      throw new DatasetError(
        file,
        location,
        fields.templateType,
        `unknown template type '${value}' (expected ${TEMPLATE_TYPES.join(', ')})`,
      );
    }
    templateType = value as TemplateType;
  }
  return {
    id: text(object, fields.id, file, location),
    task: text(object, fields.task, file, location),
    templateType,
    prompt: text(object, fields.prompt, file, location),
    response: text(object, fields.response, file, location),
    file,
    location,
  };
}
