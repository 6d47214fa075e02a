import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The published JSON Schema of version 1 specs (the one source of truth: validation runs on this very file). */
export const JOB_SPEC_SCHEMA_FILE = fileURLToPath(new URL('../schemas/job-spec.v1.json', import.meta.url));

export const JOB_SPEC_SCHEMA: Record<string, unknown> = JSON.parse(
  readFileSync(JOB_SPEC_SCHEMA_FILE, 'utf8'),
);
