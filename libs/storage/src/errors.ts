/**
 * A storage failure reported as one line naming the store location (and the key, when the failure concerns
 * one key), so the CLI can print `error: <message>` and exit 2. The original error rides along as `cause`.
 */
export class StoreError extends Error {
  readonly key: string | undefined;

  constructor(
    readonly location: string,
    problem: string,
    options: { key?: string; cause?: unknown } = {},
  ) {
    // Keys are JSON-quoted and problems flattened so that odd keys or multi-line server messages cannot break
    // the one-line promise.
    const subject = options.key === undefined ? location : `${location}: key ${JSON.stringify(options.key)}`;
    super(`${subject}: ${problem.replace(/\s*\n\s*/g, ' ')}`, { cause: options.cause });
    this.name = 'StoreError';
    this.key = options.key;
  }
}
