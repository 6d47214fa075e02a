import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DEFAULT_STORE, LocalDirectoryStore, openStore, S3Store, StoreError } from '@smartmix/storage';

describe('openStore', () => {
  it('opens the default location as a local directory relative to the working directory', () => {
    assert.equal(DEFAULT_STORE, './.smartmix');
    const store = openStore(DEFAULT_STORE);
    assert.ok(store instanceof LocalDirectoryStore);
    assert.equal(store.location, pathToFileURL(resolve('.smartmix')).href);
  });

  it('opens file:// URLs and plain paths as the same local store', () => {
    const dir = resolve('/tmp/smartmix store');
    const fromUrl = openStore(pathToFileURL(dir).href);
    assert.ok(fromUrl instanceof LocalDirectoryStore);
    assert.equal(fromUrl.location, openStore(dir).location);
    assert.equal(fromUrl.location, 'file:///tmp/smartmix%20store');
  });

  it('opens s3:// URLs as S3 stores, passing the options through', () => {
    const store = openStore('s3://bucket/runs/', { endpoint: 'http://127.0.0.1:9000', env: {} });
    assert.ok(store instanceof S3Store);
    assert.equal(store.location, 's3://bucket/runs');
  });

  it('rejects empty locations and unknown schemes without echoing the rest of the URL', () => {
    assert.throws(
      () => openStore(''),
      (err: unknown) => err instanceof StoreError && /no store location given/.test(err.message),
    );
    assert.throws(
      () => openStore('https://user:secret@host/x'),
      (err: unknown) =>
        err instanceof StoreError &&
        err.message === 'https://…: unsupported store URL scheme (use s3://, file:// or a directory path)',
    );
    assert.throws(
      () => openStore('file://remote-host/x'),
      /^StoreError: file:\/\/remote-host\/x: not a usable file URL/,
    );
  });
});
