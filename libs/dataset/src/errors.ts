/**
 * Bad collection input, located as precisely as the format allows: `<file>:<line>: <field>: <problem>` for JSONL,
 * `<file>:row <n>: …` for Parquet, `<file>: …` for whole-file problems.
 */
export class DatasetError extends Error {
  override name = 'DatasetError';

  constructor(
    readonly file: string,
    readonly location: string | null,
    readonly field: string | null,
    problem: string,
  ) {
    super(
      `${file}${location === null ? '' : `:${location}`}: ${field === null ? '' : `${field}: `}${problem}`,
    );
  }
}
