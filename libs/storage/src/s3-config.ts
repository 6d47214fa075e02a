import { StoreError } from './errors.js';
import { keyProblem } from './keys.js';

export interface S3StoreOptions {
  /** e.g. "http://minio.minio.svc:9000"; default $AWS_ENDPOINT_URL, else AWS S3. */
  endpoint?: string;
  /** Default $AWS_ACCESS_KEY_ID; with neither, requests are anonymous. */
  accessKey?: string;
  /** Default $AWS_SECRET_ACCESS_KEY. */
  secretKey?: string;
  /** Default $AWS_REGION, else us-east-1. */
  region?: string;
  /** Objects larger than this are uploaded multipart (minio client default 64 MiB; allowed 5 MiB–5 GiB). */
  partSize?: number;
  /** A request fails once its connection has been idle this long (default 15000 ms). */
  timeoutMs?: number;
  /** Where the AWS_* variables are read from (default process.env). */
  env?: Record<string, string | undefined>;
}

export interface S3Target {
  bucket: string;
  /** '' or a valid key, without a trailing '/'. */
  prefix: string;
  /** Canonical "s3://bucket[/prefix]". */
  location: string;
}

/** How to reach the endpoint, resolved from options first and the AWS_* environment second. */
export interface S3Connection {
  /** protocol://host[:port], safe to print: the URL is rejected if it embeds credentials. */
  endpoint: string;
  host: string;
  port: number | undefined;
  useSSL: boolean;
  region: string;
  accessKey: string | undefined;
  secretKey: string | undefined;
}

const DEFAULT_ENDPOINT = 'https://s3.amazonaws.com';
const DEFAULT_REGION = 'us-east-1';
// S3's naming rules (3–63 characters); checked here so a bad name gets a clear message, not minio's.
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const CREDENTIALS_HINT = 'use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY';

export function parseS3Url(url: string): S3Target {
  const [, bucket = '', rest = ''] = /^s3:\/\/([^/]*)\/?(.*)$/.exec(url) ?? [];
  // Refuse before anything echoes the URL: "s3://key:secret@bucket" must never reach a log.
  if (bucket.includes('@')) {
    throw new StoreError('s3://…', `credentials must not be embedded in the URL; ${CREDENTIALS_HINT}`);
  }
  if (!BUCKET.test(bucket)) {
    throw new StoreError(url, `invalid bucket name '${bucket}' (3-63 characters: a-z 0-9 . -)`);
  }
  const prefix = rest.replace(/\/$/, '');
  const location = prefix === '' ? `s3://${bucket}` : `s3://${bucket}/${prefix}`;
  const problem = prefix === '' ? undefined : keyProblem(prefix);
  if (problem !== undefined) throw new StoreError(location, `invalid prefix: ${problem}`);
  return { bucket, prefix, location };
}

export function resolveS3Connection(location: string, options: S3StoreOptions): S3Connection {
  const env = options.env ?? process.env;
  // An empty variable (common with templated Kubernetes secrets) counts as unset.
  const fromEnv = (name: string) => env[name] || undefined;
  const source = options.endpoint === undefined ? 'AWS_ENDPOINT_URL' : 'the endpoint option';
  const url = parseEndpoint(
    location,
    source,
    options.endpoint ?? fromEnv('AWS_ENDPOINT_URL') ?? DEFAULT_ENDPOINT,
  );
  const accessKey = options.accessKey ?? fromEnv('AWS_ACCESS_KEY_ID');
  const secretKey = options.secretKey ?? fromEnv('AWS_SECRET_ACCESS_KEY');
  if ((accessKey === undefined) !== (secretKey === undefined)) {
    throw new StoreError(
      location,
      `an access key was given without its secret key or vice versa; ${CREDENTIALS_HINT}`,
    );
  }
  return {
    endpoint: url.origin,
    host: url.hostname,
    port: url.port === '' ? undefined : Number(url.port),
    useSSL: url.protocol === 'https:',
    region: options.region ?? fromEnv('AWS_REGION') ?? DEFAULT_REGION,
    accessKey,
    secretKey,
  };
}

// Messages name where the endpoint came from rather than echoing it, since a malformed one may hold secrets.
function parseEndpoint(location: string, source: string, text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new StoreError(location, `${source} is not a valid URL`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new StoreError(location, `${source} must start with http:// or https://`);
  }
  if (url.username !== '' || url.password !== '') {
    throw new StoreError(location, `${source} must not embed credentials; ${CREDENTIALS_HINT}`);
  }
  if (url.pathname !== '/' || url.search !== '' || url.hash !== '') {
    throw new StoreError(location, `${source} must be just protocol://host[:port] (no path or query)`);
  }
  return url;
}
