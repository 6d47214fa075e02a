/** A run directory or its files cannot make a report (missing, malformed, or runs of different collections). */
export class ReportInputError extends Error {
  override name = 'InputError';
}
