#!/usr/bin/env node
// Regenerates src/generated/ (TypeScript types of protos/smartmix/v1/*.proto) with proto-loader-gen-types, then
// adds the '.js' extensions NodeNext ESM needs to its relative imports. Run: npm run generate -w @smartmix/cluster
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const OUT = 'src/generated';
rmSync(OUT, { recursive: true, force: true });
const gen = spawnSync(
  'npx',
  [
    'proto-loader-gen-types',
    '--grpcLib=@grpc/grpc-js',
    `--outDir=${OUT}`,
    '--longs=Number',
    '--enums=String',
    '--defaults',
    '--oneofs',
    '../../protos/smartmix/v1/worker.proto',
  ],
  { stdio: 'inherit' },
);
if (gen.status !== 0) process.exit(gen.status ?? 1);
const walk = (dir) =>
  readdirSync(dir).flatMap((n) =>
    statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)],
  );
for (const file of walk(OUT)) {
  const text = readFileSync(file, 'utf8').replace(/from '(\.{1,2}\/[^']+?)(?<!\.js)'/g, "from '$1.js'");
  writeFileSync(file, text);
}
