import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { S3Store, StoreError } from '@smartmix/storage';
import { parseS3Url, resolveS3Connection } from '../src/s3-config.js';

const LOCATION = 's3://bucket';

function rejects(action: () => unknown, message: string) {
  assert.throws(action, (err: unknown) => {
    assert.ok(err instanceof StoreError);
    assert.equal(err.message, message);
    return true;
  });
}

describe('S3 location', () => {
  it('splits bucket and prefix, dropping one trailing slash', () => {
    assert.deepEqual(parseS3Url('s3://my-bucket'), {
      bucket: 'my-bucket',
      prefix: '',
      location: 's3://my-bucket',
    });
    assert.deepEqual(parseS3Url('s3://my-bucket/'), {
      bucket: 'my-bucket',
      prefix: '',
      location: 's3://my-bucket',
    });
    assert.deepEqual(parseS3Url('s3://b.1/runs/v=2/'), {
      bucket: 'b.1',
      prefix: 'runs/v=2',
      location: 's3://b.1/runs/v=2',
    });
  });

  it('rejects bad bucket names and prefixes in one line', () => {
    rejects(() => parseS3Url('s3://x'), "s3://x: invalid bucket name 'x' (3-63 characters: a-z 0-9 . -)");
    rejects(
      () => parseS3Url('s3://Upper'),
      "s3://Upper: invalid bucket name 'Upper' (3-63 characters: a-z 0-9 . -)",
    );
    rejects(
      () => parseS3Url('s3://bucket/a/../b'),
      "s3://bucket/a/../b: invalid prefix: segment '..' is not allowed",
    );
  });

  it('refuses credentials embedded in the URL without echoing them', () => {
    rejects(
      () => new S3Store('s3://AKIA:topsecret@bucket/p', { env: {} }),
      's3://…: credentials must not be embedded in the URL; use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
    );
  });
});

describe('S3 connection settings', () => {
  const env = {
    AWS_ENDPOINT_URL: 'http://minio.minio.svc:9000',
    AWS_ACCESS_KEY_ID: 'env-key',
    AWS_SECRET_ACCESS_KEY: 'env-secret',
    AWS_REGION: 'eu-west-1',
  };

  it('reads endpoint, credentials and region from the environment', () => {
    assert.deepEqual(resolveS3Connection(LOCATION, { env }), {
      endpoint: 'http://minio.minio.svc:9000',
      host: 'minio.minio.svc',
      port: 9000,
      useSSL: false,
      region: 'eu-west-1',
      accessKey: 'env-key',
      secretKey: 'env-secret',
    });
  });

  it('lets explicit options win over the environment', () => {
    const options = { endpoint: 'https://s3.example.org', accessKey: 'k', secretKey: 's', region: 'r', env };
    assert.deepEqual(resolveS3Connection(LOCATION, options), {
      endpoint: 'https://s3.example.org',
      host: 's3.example.org',
      port: undefined,
      useSSL: true,
      region: 'r',
      accessKey: 'k',
      secretKey: 's',
    });
  });

  it('defaults to AWS S3 in us-east-1, anonymous, treating empty variables as unset', () => {
    const blank = { AWS_ENDPOINT_URL: '', AWS_ACCESS_KEY_ID: '', AWS_SECRET_ACCESS_KEY: '', AWS_REGION: '' };
    assert.deepEqual(resolveS3Connection(LOCATION, { env: blank }), {
      endpoint: 'https://s3.amazonaws.com',
      host: 's3.amazonaws.com',
      port: undefined,
      useSSL: true,
      region: 'us-east-1',
      accessKey: undefined,
      secretKey: undefined,
    });
  });

  it('rejects half a key pair and malformed endpoints without echoing secrets', () => {
    rejects(
      () => resolveS3Connection(LOCATION, { env: { AWS_ACCESS_KEY_ID: 'only-the-id' } }),
      's3://bucket: an access key was given without its secret key or vice versa; use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
    );
    rejects(
      () => resolveS3Connection(LOCATION, { env: { AWS_ENDPOINT_URL: 'http://user:hunter2@minio:9000' } }),
      's3://bucket: AWS_ENDPOINT_URL must not embed credentials; use AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY',
    );
    rejects(
      () => resolveS3Connection(LOCATION, { endpoint: 'minio:9000', env: {} }),
      's3://bucket: the endpoint option must start with http:// or https://',
    );
    rejects(
      () => resolveS3Connection(LOCATION, { endpoint: 'not a url', env: {} }),
      's3://bucket: the endpoint option is not a valid URL',
    );
    rejects(
      () => resolveS3Connection(LOCATION, { endpoint: 'http://minio:9000/bucket', env: {} }),
      's3://bucket: the endpoint option must be just protocol://host[:port] (no path or query)',
    );
  });

  it('turns client setting errors into a StoreError', () => {
    rejects(
      () => new S3Store('s3://bucket', { endpoint: 'http://127.0.0.1:9', partSize: 1024, env: {} }),
      's3://bucket: invalid S3 client settings (Part size should be greater than 5MB)',
    );
  });
});
