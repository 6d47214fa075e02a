import { readFileSync } from 'node:fs';
import * as grpc from '@grpc/grpc-js';

/** A missing, unreadable or incomplete certificate setting: bad input, one line. */
export class TlsError extends Error {
  override name = 'TlsError';
}

/** Coordinator side: `ca` verifies the workers' certificates (system roots when absent); cert + key for mutual TLS. */
export interface ClientTlsFiles {
  ca?: string;
  cert?: string;
  key?: string;
}

/** Worker side: its certificate and key; `clientCa` makes it require client certificates signed by that CA. */
export interface ServerTlsFiles {
  cert?: string;
  key?: string;
  clientCa?: string;
}

function read(file: string | undefined, what: string): Buffer | null {
  if (file === undefined) return null;
  try {
    const bytes = readFileSync(file);
    if (bytes.length === 0) throw new TlsError(`${file}: the ${what} file is empty`);
    return bytes;
  } catch (err) {
    if (err instanceof TlsError) throw err;
    throw new TlsError(`${file}: cannot read the ${what} (${(err as NodeJS.ErrnoException).code})`);
  }
}

function pair(cert: string | undefined, key: string | undefined, flags: string): void {
  if ((cert === undefined) !== (key === undefined))
    throw new TlsError(`${flags} go together: give both or neither`);
}

/** Plain-text credentials when no file is given, TLS (mutual when cert and key are given) otherwise. */
export function clientCredentials(files: ClientTlsFiles = {}): grpc.ChannelCredentials {
  pair(files.cert, files.key, '--tls-cert and --tls-key');
  if (files.ca === undefined && files.cert === undefined) return grpc.credentials.createInsecure();
  return grpc.credentials.createSsl(
    read(files.ca, 'CA certificate'),
    read(files.key, 'client key'),
    read(files.cert, 'client certificate'),
  );
}

/** Plain-text when no file is given; TLS with the worker's certificate, requiring client certificates with clientCa. */
export function serverCredentials(files: ServerTlsFiles = {}): grpc.ServerCredentials {
  pair(files.cert, files.key, '--tls-cert and --tls-key');
  if (files.cert === undefined) {
    if (files.clientCa !== undefined) throw new TlsError('--tls-client-ca needs --tls-cert and --tls-key');
    return grpc.ServerCredentials.createInsecure();
  }
  const clientCa = read(files.clientCa, 'client CA certificate');
  return grpc.ServerCredentials.createSsl(
    clientCa,
    [{ cert_chain: read(files.cert, 'certificate')!, private_key: read(files.key, 'key')! }],
    clientCa !== null,
  );
}

/** Whether any client-side TLS setting is given (then connections are TLS). */
export function usesTls(files: ClientTlsFiles = {}): boolean {
  return files.ca !== undefined || files.cert !== undefined;
}
