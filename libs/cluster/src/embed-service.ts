import * as grpc from '@grpc/grpc-js';
import { OnnxEmbedder, type Pooling } from '@smartmix/embedding';
import type { DeviceOptions } from '@smartmix/onnx';
import type { EmbedderSpec__Output } from './generated/smartmix/v1/EmbedderSpec.js';
import type { EmbedReply } from './generated/smartmix/v1/EmbedReply.js';
import type { EmbedRequest__Output } from './generated/smartmix/v1/EmbedRequest.js';
import type { WorkerHandlers } from './generated/smartmix/v1/Worker.js';
import { IdleMap } from './idle-map.js';
import { bytesOf, rowsPerChunk } from './protocol.js';
import { failStream } from './shard-service.js';

/** Embedders a worker keeps open at once (each holds a model session); the least recently used goes first. */
const MAX_OPEN_EMBEDDERS = 4;

const POOLINGS: readonly string[] = ['mean', 'cls'] satisfies Pooling[];

/** An opened embedder and its model runs, one at a time: two callers' batches do not fight over the cores. */
interface OpenEmbedder {
  embedder: Promise<OnnxEmbedder>;
  queue: Promise<unknown>;
}

/**
 * The worker's side of Embed: embedders opened on this worker's device and kept per settings (bounded, dropped when
 * idle like matrices and shards), and per stream the batches of texts, run in the order they arrive.
 */
export function embedHandler(device: DeviceOptions, idleTtlMs: number): Pick<WorkerHandlers, 'Embed'> {
  const open = new IdleMap<OpenEmbedder>(idleTtlMs, (_key, entry) => {
    // Released once the runs already queued on it are done.
    void entry.queue
      .then(() => entry.embedder)
      .then(
        (embedder) => embedder.release(),
        () => {},
      );
  });
  const embedderFor = (spec: EmbedderSpec__Output): OpenEmbedder => {
    const key = JSON.stringify(spec);
    let entry = open.get(key);
    if (!entry) {
      if (open.size >= MAX_OPEN_EMBEDDERS) open.dropLeastRecentlyUsed();
      const embedder = OnnxEmbedder.open({
        ...device,
        model: spec.modelFile || undefined,
        tokenizer: spec.tokenizerFile || undefined,
        pooling: spec.pooling as Pooling,
        normalize: spec.normalize,
        maxLength: spec.maxLength || undefined,
      });
      // A failed open is retried by the next caller rather than remembered.
      embedder.catch(() => open.delete(key));
      entry = { embedder, queue: embedder };
      open.set(key, entry);
    }
    return entry;
  };
  const runOn = (entry: OpenEmbedder, texts: string[]): Promise<Float32Array> => {
    const run = entry.queue.then(async () => {
      const embedder = await entry.embedder;
      const out = new Float32Array(texts.length * embedder.dim);
      await embedder.embed(
        texts.map((text) => embedder.encode(text)),
        out,
      );
      return out;
    });
    entry.queue = run.catch(() => {});
    return run;
  };

  return {
    Embed(call) {
      let spec: EmbedderSpec__Output | undefined;
      let failed = false;
      // This stream's work, in arrival order: the opened reply first, then each batch's vectors.
      let work: Promise<void> = Promise.resolve();
      const texts = new Map<number, string[]>();
      const fail = (code: grpc.status, message: string) => {
        if (failed) return;
        failed = true;
        // The caller's error names the worker and the method.
        failStream(call, code, message);
      };
      const send = async (reply: EmbedReply) => {
        if (!call.write(reply)) await new Promise((resolve) => call.once('drain', resolve));
      };
      const then = (step: () => Promise<void>) => {
        work = work.then(async () => {
          if (failed || call.cancelled) return;
          try {
            await step();
          } catch (err) {
            const e = err as Error & { code?: grpc.status };
            fail(e.code ?? grpc.status.INVALID_ARGUMENT, e.message);
          }
        });
      };

      call.on('data', (request: EmbedRequest__Output) => {
        if (request.open) {
          if (spec) return fail(grpc.status.INVALID_ARGUMENT, 'the embedder is named once, first');
          if (!POOLINGS.includes(request.open.pooling))
            return fail(grpc.status.INVALID_ARGUMENT, `unknown pooling '${request.open.pooling}'`);
          spec = request.open;
          const opened = embedderFor(spec);
          then(async () => {
            const embedder = await opened.embedder;
            await send({ opened: { embedderId: embedder.id, dim: embedder.dim, device: embedder.device } });
          });
          return;
        }
        if (!spec || !request.texts)
          return fail(grpc.status.INVALID_ARGUMENT, 'the first request must name the embedder');
        const { batch, last } = request.texts;
        const batchTexts = [...(texts.get(batch) ?? []), ...request.texts.texts];
        if (!last) return void texts.set(batch, batchTexts);
        texts.delete(batch);
        if (batchTexts.length === 0) return fail(grpc.status.INVALID_ARGUMENT, `batch ${batch} has no texts`);
        const entry = embedderFor(spec);
        then(async () => {
          const vectors = await runOn(entry, batchTexts);
          const dim = vectors.length / batchTexts.length;
          const step = rowsPerChunk(4 * dim);
          for (let first = 0; first < batchTexts.length; first += step) {
            const rows = Math.min(step, batchTexts.length - first);
            const values = bytesOf(vectors.subarray(first * dim, (first + rows) * dim));
            await send({ vectors: { batch, first, rows, values } });
          }
        });
      });
      call.on('end', () => {
        then(async () => {
          call.end();
        });
      });
    },
  };
}
