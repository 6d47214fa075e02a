import { readFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { parse as parseYaml, YAMLParseError } from 'yaml';
import { SpecError } from './errors.js';

export interface SpecSource {
  /** The file as the user named it (used in error messages). */
  file: string;
  /** Directory that the spec's relative paths are relative to: the file's own. */
  baseDir: string;
  /** The parsed document, not yet validated. */
  raw: Record<string, unknown>;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A mixture's manifest.json holds the resolved spec it was made from: reading it as a spec takes that section. */
function isManifest(document: Record<string, unknown>): boolean {
  return 'formatVersion' in document && 'tool' in document;
}

/**
 * Reads a job spec: YAML (.yaml, .yml) or JSON (anything else), or a mixture's manifest.json (its `spec` section),
 * so that a finished mixture's recipe can be run again as is.
 */
export async function readSpecFile(file: string): Promise<SpecSource> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (err) {
    throw new SpecError(`${file}: cannot read the spec (${(err as NodeJS.ErrnoException).code ?? err})`);
  }
  let document: unknown;
  if (/\.ya?ml$/i.test(file)) {
    try {
      document = parseYaml(text);
    } catch (err) {
      if (!(err instanceof YAMLParseError)) throw err;
      const line = err.linePos?.[0].line;
      const reason = err.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
      throw new SpecError(`${file}${line === undefined ? '' : `:${line}`}: malformed YAML (${reason})`);
    }
  } else {
    try {
      document = JSON.parse(text);
    } catch (err) {
      throw new SpecError(`${file}: malformed JSON (${(err as Error).message})`);
    }
  }
  if (!isObject(document)) throw new SpecError(`${file}: a job spec must be a mapping of fields`);
  if (isManifest(document)) {
    if (!isObject(document.spec)) {
      throw new SpecError(`${file}: spec: missing (the manifest predates job specs; run it from its flags)`);
    }
    return { file, baseDir: dirname(file), raw: document.spec };
  }
  return { file, baseDir: dirname(file), raw: document };
}
