import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

function imports(file: string): string[] {
  return [...readFileSync(file, 'utf8').matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map((m) => m[1]!);
}

const libs = readdirSync(join(ROOT, 'libs'));

describe('architecture rules (shared/ARCHITECTURE.md)', () => {
  it('no library imports an app', () => {
    for (const lib of libs) {
      for (const file of sources(join(ROOT, 'libs', lib, 'src'))) {
        for (const spec of imports(file)) {
          assert.ok(
            !['@smartmix/cli', '@smartmix/coordinator', '@smartmix/worker'].includes(spec),
            `${file} imports ${spec}`,
          );
        }
      }
    }
  });

  it('libs/submodular knows nothing of networks or storage', () => {
    const forbidden = /^(@grpc\/|@smartmix\/(storage|cluster|dataset)|minio|node:(net|http|https|dgram|fs))/;
    for (const file of sources(join(ROOT, 'libs', 'submodular', 'src'))) {
      for (const spec of imports(file)) assert.ok(!forbidden.test(spec), `${file} imports ${spec}`);
    }
  });

  it('only libs/metrics knows Prometheus: the other libraries report through plain observer callbacks', () => {
    for (const lib of libs.filter((l) => l !== 'metrics')) {
      for (const file of sources(join(ROOT, 'libs', lib, 'src'))) {
        for (const spec of imports(file)) {
          assert.ok(!['prom-client', '@smartmix/metrics'].includes(spec), `${file} imports ${spec}`);
        }
      }
    }
    for (const file of sources(join(ROOT, 'libs', 'metrics', 'src'))) {
      for (const spec of imports(file)) assert.ok(!spec.startsWith('@smartmix/'), `${file} imports ${spec}`);
    }
  });

  it('every workspace package is referenced by the root TypeScript build', () => {
    const references = JSON.parse(readFileSync(join(ROOT, 'tsconfig.json'), 'utf8')).references.map(
      (r: { path: string }) => r.path,
    );
    const packages = [
      ...libs.map((l) => `libs/${l}`),
      ...readdirSync(join(ROOT, 'apps')).map((a) => `apps/${a}`),
    ];
    assert.deepEqual([...references].sort(), packages.sort());
  });
});
