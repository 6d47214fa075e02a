import type { SmartmixMetrics } from './registry.js';

/**
 * Adapters from the libraries' plain observer callbacks to metrics. libs/cluster and libs/storage define their
 * observers structurally and know nothing of Prometheus; these functions have the same shapes.
 */

/** For libs/cluster's RpcObserver, on one side of the connection. */
export function rpcObserver(metrics: SmartmixMetrics, side: 'client' | 'server') {
  return {
    call(method: string, seconds: number, code: string): void {
      metrics.rpcDuration.observe({ side, method, code }, seconds);
      if (code !== 'OK') metrics.rpcErrors.inc({ side, method, code });
    },
    bytes(method: string, direction: 'sent' | 'received', bytes: number): void {
      metrics.rpcBytes.inc({ side, method, direction }, bytes);
    },
  };
}

/** For libs/storage's StoreObserver. */
export function storeObserver(metrics: SmartmixMetrics) {
  return (operation: string, seconds: number, failed: boolean): void => {
    metrics.storeOperations.inc({ operation, outcome: failed ? 'error' : 'ok' });
    metrics.storeDuration.observe({ operation }, seconds);
    if (failed) metrics.storeErrors.inc({ operation });
  };
}
