/** A rendered Kubernetes object: at least its type and name. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string> };
  // biome-ignore lint/suspicious/noExplicitAny: rendered manifests are read field by field in the tests
  spec?: any;
  [field: string]: unknown;
}

interface Validatable {
  validate(): void;
}

/**
 * The module of an apiVersion/kind's model and TypeScript type (`I<Kind>`), and its model class from kubernetes-models (the Kubernetes OpenAPI schemas compiled to
 * validators) or, for the Prometheus Operator's CRDs, @kubernetes-models/prometheus-operator.
 */
export function modelModule(apiVersion: string, kind: string): string {
  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  return group === 'monitoring.coreos.com'
    ? `@kubernetes-models/prometheus-operator/${group}/${version}/${kind}`
    : `kubernetes-models/${group ? `${group}/` : ''}${version}/${kind}`;
}

async function modelOf(apiVersion: string, kind: string): Promise<new (data: unknown) => Validatable> {
  const module = (await import(modelModule(apiVersion, kind))) as Record<
    string,
    new (
      data: unknown,
    ) => Validatable
  >;
  const model = module[kind];
  if (!model) throw new Error(`no schema for ${apiVersion} ${kind}`);
  return model;
}

/** Schema violations of one manifest, as one line (none: undefined). Unknown kinds are violations too. */
export async function schemaViolation(manifest: Manifest): Promise<string | undefined> {
  const where = `${manifest.kind} ${manifest.metadata?.name}`;
  try {
    const Model = await modelOf(manifest.apiVersion, manifest.kind);
    new Model(manifest).validate();
    return undefined;
  } catch (err) {
    return `${where}: ${(err as Error).message}`;
  }
}
