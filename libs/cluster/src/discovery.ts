import { lookup } from 'node:dns/promises';
import type * as grpc from '@grpc/grpc-js';
import type { RpcObserver } from './rpc-observer.js';
import { WorkerConnection, WorkerError } from './worker-client.js';

export interface WorkerDiscovery {
  /** host:port of running workers. */
  addresses?: readonly string[];
  /** NAME:PORT whose every address is a worker (a Kubernetes headless Service). */
  dns?: string;
  token?: string;
  credentials?: grpc.ChannelCredentials;
  deadlineMs?: number;
  /** Told of every call (metrics). */
  observer?: RpcObserver;
  /** Told of resolved addresses that did not answer (DNS only). */
  onSkipped?: (address: string, cause: WorkerError) => void;
}

function splitHostPort(text: string, flag: string): { host: string; port: string } {
  const at = text.lastIndexOf(':');
  const host = text.slice(0, at).replace(/^\[(.*)\]$/, '$1');
  const port = text.slice(at + 1);
  if (at <= 0 || !/^\d{1,5}$/.test(port) || host.length === 0)
    throw new WorkerError(`${flag}: '${text}' is not NAME:PORT`);
  return { host, port };
}

/** Every address a name resolves to, as host:port (IPv6 in brackets), in a stable order. */
async function resolve(dns: string): Promise<{ addresses: string[]; host: string }> {
  const { host, port } = splitHostPort(dns, '--worker-dns');
  let found: { address: string; family: number }[];
  try {
    found = await lookup(host, { all: true, order: 'ipv4first' });
  } catch (err) {
    throw new WorkerError(`--worker-dns: cannot resolve '${host}' (${(err as NodeJS.ErrnoException).code})`);
  }
  const addresses = [
    ...new Set(found.map((a) => (a.family === 6 ? `[${a.address}]:${port}` : `${a.address}:${port}`))),
  ];
  return { addresses: addresses.sort(), host };
}

/**
 * Connects to the job's workers and checks that each answers. Listed addresses must all answer; of a DNS name's
 * addresses, those that do not are reported and skipped (a Service may list a pod that is going away) as long as
 * one answers. One worker reached through several addresses is used once (workers report a per-process id).
 */
export async function connectWorkers(discovery: WorkerDiscovery): Promise<WorkerConnection[]> {
  const options = {
    credentials: discovery.credentials,
    deadlineMs: discovery.deadlineMs,
    observer: discovery.observer,
  };
  const listed = (discovery.addresses ?? []).map((address) => ({
    address,
    required: true,
    serverName: undefined,
  }));
  const resolved = discovery.dns ? await resolve(discovery.dns) : { addresses: [], host: undefined };
  const candidates = [
    ...listed,
    ...resolved.addresses.map((address) => ({ address, required: false, serverName: resolved.host })),
  ];
  if (candidates.length === 0)
    throw new WorkerError(`--worker-dns: '${discovery.dns}' resolves to no address`);
  const checked = await Promise.all(
    candidates.map(async ({ address, required, serverName }) => {
      const connection = new WorkerConnection(address, discovery.token, { ...options, serverName });
      try {
        return { connection, id: (await connection.health()).instanceId };
      } catch (err) {
        connection.close();
        if (required || !(err instanceof WorkerError)) throw err;
        discovery.onSkipped?.(address, err);
        return undefined;
      }
    }),
  );
  const seen = new Set<string>();
  const connections: WorkerConnection[] = [];
  for (const entry of checked) {
    if (!entry) continue;
    if (seen.has(entry.id)) entry.connection.close();
    else {
      seen.add(entry.id);
      connections.push(entry.connection);
    }
  }
  if (connections.length === 0) throw new WorkerError(`--worker-dns: no worker answers at ${discovery.dns}`);
  return connections;
}
