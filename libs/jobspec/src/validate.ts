import { Ajv, type ErrorObject } from 'ajv';
import { SpecError } from './errors.js';
import { JOB_SPEC_SCHEMA } from './schema.js';

const validator = new Ajv({
  allErrors: false,
  strict: true,
  strictRequired: false,
  allowUnionTypes: true,
}).compile(JOB_SPEC_SCHEMA);

/** `/stage1/numTasks/2` → `stage1.numTasks[2]`. */
function fieldPath(instancePath: string, child?: string): string {
  const parts = instancePath.split('/').slice(1);
  if (child !== undefined) parts.push(child);
  return parts
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path === '' ? p : `${path}.${p}`), '');
}

const TYPE_NAMES: Record<string, string> = {
  integer: 'an integer',
  number: 'a number',
  string: 'a string',
  array: 'a list',
  object: 'a mapping',
  boolean: 'true or false',
  null: 'null',
};

/** One ajv error as `path: problem`, in words a person writing YAML reads without knowing JSON Schema. */
function describe(error: ErrorObject): string {
  const params = error.params as Record<string, unknown>;
  const at = (child?: string) => fieldPath(error.instancePath, child) || '(top level)';
  switch (error.keyword) {
    case 'required':
      return `${at(params.missingProperty as string)}: missing`;
    case 'additionalProperties':
      return `${at(params.additionalProperty as string)}: unknown field`;
    case 'type': {
      const types = String(params.type).split(',');
      return `${at()}: must be ${types.map((t) => TYPE_NAMES[t] ?? t).join(' or ')}`;
    }
    case 'enum':
      return `${at()}: must be one of ${(params.allowedValues as unknown[]).join(', ')}`;
    case 'const':
      return `${at()}: must be ${JSON.stringify(params.allowedValue)}`;
    case 'minimum':
      return `${at()}: must be ≥ ${params.limit}`;
    case 'exclusiveMinimum':
      return `${at()}: must be > ${params.limit}`;
    case 'minItems':
    case 'minLength':
      return `${at()}: must not be empty`;
    case 'uniqueItems':
      return `${at()}: items ${params.i} and ${params.j} repeat a value`;
    case 'pattern':
      return `${at()}: must match ${params.pattern}`;
    case 'not':
      // The schema's two `not`s: file and ids belong to precomputed embeddings, onnx settings to the ONNX model.
      return error.schemaPath.startsWith('#/properties/embedding/allOf/1/')
        ? `${at()}: onnx settings need model: onnx`
        : `${at()}: file and ids need model: precomputed`;
    default:
      return `${at()}: ${error.message}`;
  }
}

/** Checks a spec document against the published schema; the first problem is thrown as `source: path: problem`. */
export function validateSpec(document: unknown, source: string): void {
  if (validator(document)) return;
  // An if/then failure is reported twice: by the keyword that failed inside `then`, and by `if`; keep the first.
  const error = validator.errors!.find((e) => e.keyword !== 'if')!;
  throw new SpecError(`${source}: ${describe(error)}`);
}
