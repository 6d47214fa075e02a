import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export interface TfjsWeight {
  shape: number[];
  data: Float32Array | Int32Array;
}

interface WeightsManifest {
  paths: string[];
  weights: { name: string; shape: number[]; dtype: string; quantization?: unknown }[];
}

/**
 * The weights of a TF.js graph model directory (`model.json` and its binary shards), by name. Weights are stored
 * one after another across the concatenated shards, in manifest order, little-endian.
 */
export async function readTfjsWeights(dir: string): Promise<Map<string, TfjsWeight>> {
  const model = JSON.parse(await readFile(join(dir, 'model.json'), 'utf8')) as {
    weightsManifest: WeightsManifest[];
  };
  const weights = new Map<string, TfjsWeight>();
  for (const group of model.weightsManifest) {
    const bytes = Buffer.concat(await Promise.all(group.paths.map((p) => readFile(join(dir, p)))));
    let offset = 0;
    for (const spec of group.weights) {
      if (spec.quantization !== undefined || (spec.dtype !== 'float32' && spec.dtype !== 'int32')) {
        throw new Error(`${dir}: weight ${spec.name}: unsupported ${spec.dtype} / quantized storage`);
      }
      const count = spec.shape.reduce((a, b) => a * b, 1);
      // Copied out of the shard buffer: typed arrays need 4-byte alignment, which a Buffer slice may lack.
      const slice = new Uint8Array(bytes.subarray(offset, offset + count * 4)).buffer;
      weights.set(spec.name, {
        shape: spec.shape,
        data: spec.dtype === 'float32' ? new Float32Array(slice) : new Int32Array(slice),
      });
      offset += count * 4;
    }
    if (offset !== bytes.length)
      throw new Error(`${dir}: shards hold ${bytes.length} bytes, manifest ${offset}`);
  }
  return weights;
}
