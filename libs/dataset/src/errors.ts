import { isParquet } from './formats.js';

/**
 * Bad collection input, located as precisely as the format allows, in one line: `<file>:<line>: <field>: <problem>`
 * for JSONL, `<file>:row <n>: <field>: <problem>` for Parquet (which has rows, not lines); the location and field
 * are left out when the problem is not theirs (`<file>: <problem>`). The CLI prints the message as is.
 */
export class DatasetError extends Error {
  override name = 'DatasetError';

  constructor(
    readonly file: string,
    /** 1-based line (JSONL) or row (Parquet); null for whole-file problems. */
    readonly line: number | null,
    /** The collection's own field name (after mapping); null when the problem is not one field's. */
    readonly field: string | null,
    problem: string,
  ) {
    const where = line === null ? '' : `:${isParquet(file) ? 'row ' : ''}${line}`;
    super(`${file}${where}: ${field === null ? '' : `${field}: `}${problem}`);
  }
}
