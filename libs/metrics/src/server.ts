import { createServer } from 'node:http';
import type { Registry } from 'prom-client';
import { MetricsError } from './errors.js';

export interface MetricsServer {
  /** host:port actually bound (port 0 picks a free one). */
  address: string;
  close(): Promise<void>;
}

const HOST_PORT = /^(\[[0-9a-fA-F:]+\]|[A-Za-z0-9.-]+):(\d{1,5})$/;

/** Splits `--metrics-listen` host:port, refusing anything else with a one-line error. */
export function parseListen(listen: string): { host: string; port: number } {
  const match = HOST_PORT.exec(listen);
  const port = Number(match?.[2]);
  if (!match || port > 65535) throw new MetricsError(`--metrics-listen: '${listen}' is not host:port`);
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port };
}

/**
 * Serves the registry at GET /metrics (Prometheus text format) and a bare 200 at /healthz; everything else is 404.
 * Scrapes never block the job: prom-client renders from memory.
 */
export function startMetricsServer(listen: string, registry: Registry): Promise<MetricsServer> {
  const { host, port } = parseListen(listen);
  const server = createServer((request, response) => {
    const path = (request.url ?? '/').split('?')[0];
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405, { allow: 'GET, HEAD' }).end();
    } else if (path === '/metrics') {
      registry.metrics().then(
        (text) => response.writeHead(200, { 'content-type': registry.contentType }).end(text),
        (err: Error) => response.writeHead(500, { 'content-type': 'text/plain' }).end(`${err.message}\n`),
      );
    } else if (path === '/healthz') {
      response.writeHead(200, { 'content-type': 'text/plain' }).end('ok\n');
    } else {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('not found: try /metrics\n');
    }
  });
  return new Promise((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) =>
      reject(new MetricsError(`--metrics-listen: cannot listen on ${listen} (${err.code ?? err.message})`)),
    );
    server.listen(port, host, () => {
      const bound = server.address();
      const boundPort = typeof bound === 'object' && bound ? bound.port : port;
      resolve({
        address: `${host.includes(':') ? `[${host}]` : host}:${boundPort}`,
        close: () =>
          new Promise<void>((done) => {
            server.closeAllConnections();
            server.close(() => done());
          }),
      });
    });
  });
}
