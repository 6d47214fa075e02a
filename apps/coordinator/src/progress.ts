/**
 * Progress lines for long stages: at most one line per interval for the same subject, plus the lines the caller
 * always wants (a group finished). Users of a long job see it move without drowning the log.
 */
export class ProgressLog {
  private readonly lastLine = new Map<string, number>();

  constructor(
    private readonly log: (line: string) => void,
    private readonly intervalMs = 10_000,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /**
   * Writes the line once the interval has passed since the subject's previous line (or its first report): short
   * work stays silent until done, long work reports every interval.
   */
  throttled(subject: string, line: () => string): void {
    const at = this.now();
    const last = this.lastLine.get(subject);
    if (last === undefined) this.lastLine.set(subject, at);
    if (last === undefined || at - last < this.intervalMs) return;
    this.lastLine.set(subject, at);
    this.log(line());
  }

  /** Writes the line and forgets the subject's throttle. */
  done(subject: string, line: string): void {
    this.lastLine.delete(subject);
    this.log(line);
  }
}
