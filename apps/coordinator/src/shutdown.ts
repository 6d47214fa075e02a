/**
 * Clean shutdown on SIGTERM/SIGINT (a Kubernetes Job being deleted, Ctrl-C): whatever a job holds that must not
 * outlive it — worker processes, a half-written output directory — registers a cleanup here; the signal runs them
 * all, then the process exits with 128 + the signal number. Signals are per process, so this registry is too.
 */
const cleanups = new Set<() => Promise<void>>();

/** Registers a cleanup for a signal; returns the function that unregisters it once the resource is released. */
export function onShutdown(cleanup: () => Promise<void>): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

let stopping = false;

/** True once a signal has started the shutdown: failures from then on are its consequence, not news. */
export function shuttingDown(): boolean {
  return stopping;
}

const SIGNAL_NUMBERS = { SIGINT: 2, SIGTERM: 15 } as const;

/** Installs the handlers (once per process): announce, clean up, exit. */
export function exitCleanlyOnSignals(log: (line: string) => void): void {
  for (const [signal, number] of Object.entries(SIGNAL_NUMBERS)) {
    process.once(signal, async () => {
      stopping = true;
      log(`received ${signal}: stopping`);
      await Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
      process.exit(128 + number);
    });
  }
}
