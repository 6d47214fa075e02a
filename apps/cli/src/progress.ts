import type { EmbedStats } from '@smartmix/embedding';

/** How often a progress report is written: a terminal redraws smoothly, a log file gets a line now and then. */
const TTY_INTERVAL_MS = 200;
const LOG_INTERVAL_MS = 10_000;
const BAR_WIDTH = 30;

export interface ProgressReporter {
  start(fields: Record<string, unknown>): void;
  update(stats: Readonly<EmbedStats>): void;
  warn(message: string): void;
  done(fields: Record<string, unknown>): void;
}

/**
 * Progress of an embedding run on stderr: a bar redrawn in place on a terminal, otherwise structured JSON lines
 * (`{"event": "start" | "progress" | "warning" | "done", ...}`) that log collectors can parse.
 */
export function progressReporter(stream: NodeJS.WriteStream = process.stderr): ProgressReporter {
  const tty = stream.isTTY === true;
  const started = performance.now();
  let total = 0;
  let last = Number.NEGATIVE_INFINITY;
  let barShown = false;
  const json = (event: string, fields: Record<string, unknown>) =>
    stream.write(`${JSON.stringify({ event, time: new Date().toISOString(), ...fields })}\n`);
  const rate = (texts: number) => Math.round(texts / Math.max((performance.now() - started) / 1000, 1e-3));
  const clearBar = () => {
    if (barShown) stream.write('\r\x1b[K');
    barShown = false;
  };
  return {
    start(fields) {
      total = Number(fields.records) || 0;
      if (tty)
        stream.write(`embedding ${total} texts (${fields.placement}, ${fields.device}, dim ${fields.dim})\n`);
      else json('start', fields);
    },
    update(stats) {
      const now = performance.now();
      if (now - last < (tty ? TTY_INTERVAL_MS : LOG_INTERVAL_MS) && stats.texts < total) return;
      last = now;
      if (!tty) {
        json('progress', { ...stats, total, textsPerSecond: rate(stats.texts) });
        return;
      }
      const fraction = total === 0 ? 1 : stats.texts / total;
      const filled = Math.round(fraction * BAR_WIDTH);
      stream.write(
        `\r\x1b[K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${(fraction * 100).toFixed(1)}% ` +
          `${stats.texts}/${total} texts, ${rate(stats.texts)}/s, ${stats.cached} cached`,
      );
      barShown = true;
    },
    warn(message) {
      if (!tty) return void json('warning', { message });
      clearBar();
      stream.write(`warning: ${message}\n`);
    },
    done(fields) {
      if (!tty) return void json('done', fields);
      clearBar();
      stream.write(
        `${Object.entries(fields)
          .map(([k, v]) => `${k} ${typeof v === 'object' ? JSON.stringify(v) : v}`)
          .join(', ')}\n`,
      );
    },
  };
}
