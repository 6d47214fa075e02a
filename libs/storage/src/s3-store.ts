import { buffer } from 'node:stream/consumers';
import { Client } from 'minio';
import { ownedBytes } from './bytes.js';
import { StoreError } from './errors.js';
import { checkKey, checkPrefix, isValidKey } from './keys.js';
import { parseS3Url, resolveS3Connection, type S3StoreOptions } from './s3-config.js';
import { errorCode, missingBucket, type S3Context, s3Failure } from './s3-errors.js';
import { timedTransport } from './s3-transport.js';
import type { ArtifactStore } from './store.js';

const DEFAULT_TIMEOUT_MS = 15_000;

/**
 * Artifacts as objects under `s3://bucket/prefix`, through the minio client with path-style addressing (what
 * MinIO and most S3-compatible servers expect). A put is one PutObject, which S3 applies atomically; objects
 * above the part size go multipart, whose completion is atomic too. The minio client's own retry policy is
 * kept: one retry, after at most 400 ms, for 5xx/429 answers only, so connection failures surface at once.
 */
export class S3Store implements ArtifactStore {
  readonly location: string;
  readonly bucket: string;
  readonly prefix: string;
  private readonly client: Client;
  private readonly context: S3Context;
  // HEAD on a missing object answers a bare 404 whether the key or the whole bucket is missing; has() asks
  // about the bucket once to tell the two apart.
  private bucketSeen = false;

  constructor(url: string, options: S3StoreOptions = {}) {
    const target = parseS3Url(url);
    const connection = resolveS3Connection(target.location, options);
    this.location = target.location;
    this.bucket = target.bucket;
    this.prefix = target.prefix;
    this.context = {
      location: target.location,
      bucket: target.bucket,
      endpoint: connection.endpoint,
      anonymous: connection.accessKey === undefined,
    };
    try {
      this.client = new Client({
        endPoint: connection.host,
        port: connection.port,
        useSSL: connection.useSSL,
        region: connection.region,
        accessKey: connection.accessKey,
        secretKey: connection.secretKey,
        pathStyle: true,
        partSize: options.partSize,
        transport: timedTransport(connection.useSSL, options.timeoutMs ?? DEFAULT_TIMEOUT_MS),
      });
    } catch (err) {
      throw new StoreError(this.location, `invalid S3 client settings (${(err as Error).message})`, {
        cause: err,
      });
    }
  }

  async get(key: string): Promise<Uint8Array | undefined> {
    const name = this.objectName(key);
    try {
      return ownedBytes(await buffer(await this.client.getObject(this.bucket, name)));
    } catch (err) {
      if (errorCode(err) === 'NoSuchKey') return undefined;
      throw s3Failure(this.context, 'get', err, key);
    }
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const name = this.objectName(key);
    const body = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    try {
      await this.client.putObject(this.bucket, name, body, body.byteLength);
    } catch (err) {
      throw s3Failure(this.context, 'put', err, key);
    }
  }

  async has(key: string): Promise<boolean> {
    const name = this.objectName(key);
    try {
      await this.client.statObject(this.bucket, name);
      return true;
    } catch (err) {
      if (errorCode(err) !== 'NotFound') throw s3Failure(this.context, 'has', err, key);
    }
    await this.ensureBucket();
    return false;
  }

  async delete(key: string): Promise<void> {
    const name = this.objectName(key);
    try {
      await this.client.removeObject(this.bucket, name);
    } catch (err) {
      throw s3Failure(this.context, 'delete', err, key);
    }
  }

  async list(prefix: string): Promise<string[]> {
    checkPrefix(this.location, prefix);
    const base = this.prefix === '' ? '' : `${this.prefix}/`;
    const under = prefix === '' ? base : `${base}${prefix}/`;
    const keys: string[] = [];
    try {
      // ListObjects V1 (marker pagination) rather than V2: S3 and MinIO serve both, but s3rver's V2
      // continuation tokens fail under OpenSSL 3, which would make listings beyond 1000 keys untestable.
      for await (const item of this.client.listObjects(this.bucket, under, true)) {
        const key = (item.name ?? '').slice(base.length);
        // Objects written by other tools under the prefix may not be valid keys; they are not ours to report.
        if (isValidKey(key)) keys.push(key);
      }
    } catch (err) {
      throw s3Failure(this.context, 'list', err);
    }
    return keys.sort();
  }

  private async ensureBucket(): Promise<void> {
    if (this.bucketSeen) return;
    let exists: boolean;
    try {
      exists = await this.client.bucketExists(this.bucket);
    } catch (err) {
      throw s3Failure(this.context, 'check bucket', err);
    }
    if (!exists) throw missingBucket(this.context);
    this.bucketSeen = true;
  }

  private objectName(key: string): string {
    checkKey(this.location, key);
    return this.prefix === '' ? key : `${this.prefix}/${key}`;
  }
}
