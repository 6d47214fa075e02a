/** A metrics endpoint that cannot be served as asked (a malformed or unusable --metrics-listen). */
export class MetricsError extends Error {
  override name = 'MetricsError';
}
