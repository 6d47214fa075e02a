/**
 * A bad job spec, in one line naming the file and the path of the field: `job.yaml: stage1.lambda: must be a
 * number`. The CLI prints it as is and exits with code 2.
 */
export class SpecError extends Error {
  override name = 'SpecError';
}
