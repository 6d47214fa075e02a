import { type ChildProcess, spawn } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free loopback port (bound then released; the caller binds it next). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface QueryResult {
  metric: Record<string, string>;
  value: [number, string];
}

/** A real Prometheus server (Debian's `prometheus`) on loopback, scraping the given targets every second. */
export class PrometheusServer {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly log: () => string,
  ) {}

  static async start(dir: string, targets: Record<string, string[]>): Promise<PrometheusServer> {
    const config = {
      global: { scrape_interval: '1s', scrape_timeout: '900ms', evaluation_interval: '1s' },
      scrape_configs: Object.entries(targets).map(([job, addresses]) => ({
        job_name: job,
        static_configs: [{ targets: addresses }],
      })),
    };
    // JSON is YAML: no YAML library needed to write the configuration.
    await writeFile(join(dir, 'prometheus.yml'), JSON.stringify(config));
    const port = await freePort();
    const child = spawn(
      'prometheus',
      [
        `--config.file=${join(dir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(dir, 'tsdb')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'ignore', 'pipe'] },
    );
    let log = '';
    child.stderr!.on('data', (b) => (log += b));
    const server = new PrometheusServer(child, `http://127.0.0.1:${port}`, () => log);
    await server.until(
      async () => (await fetch(`${server.url}/-/ready`).catch(() => undefined))?.ok === true,
      'Prometheus ready',
    );
    return server;
  }

  /** Polls `check` every 250 ms until it holds, failing after `timeoutMs` (bounded, no timed assertions). */
  async until(check: () => Promise<boolean>, what: string, timeoutMs = 60_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (this.child.exitCode !== null) throw new Error(`prometheus exited:\n${this.log()}`);
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}\n${this.log().slice(-2000)}`);
      await sleep(250);
    }
  }

  /** An instant query through the HTTP API (/api/v1/query). */
  async query(promql: string): Promise<QueryResult[]> {
    const response = await fetch(`${this.url}/api/v1/query?query=${encodeURIComponent(promql)}`);
    const body = (await response.json()) as {
      status: string;
      error?: string;
      data: { result: QueryResult[] };
    };
    if (body.status !== 'success') throw new Error(`query ${promql}: ${body.error}`);
    return body.data.result;
  }

  /** The single value of a query, or undefined while it has none. */
  async value(promql: string): Promise<number | undefined> {
    const result = await this.query(promql);
    return result.length === 1 ? Number(result[0]!.value[1]) : undefined;
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null) return;
    const exited = new Promise((resolve) => this.child.once('close', resolve));
    this.child.kill('SIGTERM');
    await exited;
  }
}
