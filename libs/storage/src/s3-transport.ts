import http from 'node:http';
import https from 'node:https';
import type { ClientOptions } from 'minio';

type Transport = NonNullable<ClientOptions['transport']>;

export class RequestTimeoutError extends Error {
  constructor(readonly timeoutMs: number) {
    super(`no response within ${timeoutMs} ms`);
    this.name = 'RequestTimeoutError';
  }
}

/**
 * http(s).request with an inactivity limit. The minio client sets none, so an endpoint that accepts the
 * connection but never answers, or an address that drops packets, would hang a run forever. The `timeout`
 * request option (unlike req.setTimeout) already counts while the socket is still connecting.
 */
export function timedTransport(useSSL: boolean, timeoutMs: number): Transport {
  const base = useSSL ? https : http;
  const request = (options: http.RequestOptions, callback?: (res: http.IncomingMessage) => void) => {
    const req = base.request({ ...options, timeout: timeoutMs }, callback);
    req.on('timeout', () => req.destroy(new RequestTimeoutError(timeoutMs)));
    return req;
  };
  // minio only ever calls request(options, callback); the cast spares re-declaring Node's overloads.
  return { request: request as typeof http.request };
}
