import { createRequire } from 'node:module';

/** The tool version recorded in every output and manifest, read from this package so there is one place to bump it. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string })
  .version;
