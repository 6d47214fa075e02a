import { createHash } from 'node:crypto';
import { type DeviceOptions, loadRuntime, openSession } from '@smartmix/onnx';
import type * as Ort from 'onnxruntime-node';
import { EmbeddingError } from './errors.js';
import { fileSha256 } from './file-hash.js';
import { l2Normalize, type Pooling, poolRow } from './pooling.js';
import type { Encoding, Tokenizer } from './tokenizer/tokenizer.js';
import { loadTokenizer, parseTokenizer } from './tokenizer/tokenizer-json.js';
import { bundledModel, type InMemoryModel, type InMemoryTokenizer } from './use-lite/bundled-model.js';

/** Bumped whenever the way vectors are computed changes, so cached vectors of the old way are not reused. */
const EMBEDDER_VERSION = 'onnx-embedder-v1';

export interface OnnxEmbedderOptions extends DeviceOptions {
  /**
   * ONNX model (a file, or bytes) with inputs input_ids, attention_mask and optionally token_type_ids; with
   * `tokenizer`, or neither: the bundled default model.
   */
  model?: string | InMemoryModel;
  /** HF tokenizers `tokenizer.json` (WordPiece or Unigram; a file, or its parsed JSON). */
  tokenizer?: string | InMemoryTokenizer;
  pooling?: Pooling;
  normalize?: boolean;
  /**
   * Longest token sequence, special tokens included (default: the tokenizer file's `truncation.max_length`, else
   * 512, the size of BERT's position table).
   */
  maxLength?: number;
}

const TOKEN_OUTPUTS = ['last_hidden_state', 'token_embeddings'];
const KNOWN_INPUTS = new Set(['input_ids', 'attention_mask', 'token_type_ids']);

export const DEFAULT_MAX_LENGTH = 512;

/** A sentence encoder: a tokenizer and an onnxruntime session, pooling and normalisation. */
export class OnnxEmbedder {
  /** Model runs so far (one per batch). */
  runs = 0;

  private constructor(
    private readonly ort: typeof Ort,
    private readonly session: Ort.InferenceSession,
    readonly tokenizer: Tokenizer,
    private readonly output: string,
    private readonly intInputs: 'int64' | 'int32',
    readonly options: Required<Pick<OnnxEmbedderOptions, 'pooling' | 'normalize' | 'maxLength'>>,
    /** What the vectors depend on: model and tokenizer bytes, pooling, normalisation, max length. */
    readonly id: string,
    readonly device: 'cpu' | 'cuda',
    public dim = 0,
  ) {}

  static async open(options: OnnxEmbedderOptions): Promise<OnnxEmbedder> {
    if ((options.model === undefined) !== (options.tokenizer === undefined)) {
      throw new EmbeddingError(
        String(options.model ?? options.tokenizer),
        'a model needs its tokenizer, and the other way round',
      );
    }
    if (options.model === undefined || options.tokenizer === undefined) {
      return OnnxEmbedder.open({ ...options, ...(await bundledModel()) });
    }
    const modelName = typeof options.model === 'string' ? options.model : options.model.name;
    const tokenizerName = typeof options.tokenizer === 'string' ? options.tokenizer : options.tokenizer.name;
    const tokenizer =
      typeof options.tokenizer === 'string'
        ? await loadTokenizer(options.tokenizer)
        : parseTokenizer(options.tokenizer.name, options.tokenizer.json);
    const settings = {
      pooling: options.pooling ?? 'mean',
      normalize: options.normalize ?? true,
      maxLength: options.maxLength ?? tokenizer.parts.maxLength ?? DEFAULT_MAX_LENGTH,
    };
    if (settings.maxLength < tokenizer.parts.prefixIds.length + tokenizer.parts.suffixIds.length + 1) {
      throw new EmbeddingError(tokenizerName, `max length ${settings.maxLength} leaves no room for text`);
    }
    const [modelHash, tokenizerHash] = await Promise.all([
      typeof options.model === 'string'
        ? fileSha256(options.model).catch((err: NodeJS.ErrnoException) => {
            throw new EmbeddingError(modelName, `cannot read model (${err.code ?? err.message})`);
          })
        : sha256(options.model.bytes),
      typeof options.tokenizer === 'string'
        ? fileSha256(options.tokenizer)
        : sha256(JSON.stringify(options.tokenizer.json)),
    ]);
    const ort = await loadRuntime();
    let opened: Awaited<ReturnType<typeof openSession>>;
    try {
      opened = await openSession(
        typeof options.model === 'string' ? options.model : options.model.bytes,
        options,
      );
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      if (/CUDA device/.test(reason)) throw new EmbeddingError(modelName, reason);
      throw new EmbeddingError(modelName, `not a loadable ONNX model (${reason})`);
    }
    const { session, device } = opened;
    const fail = async (problem: string): Promise<never> => {
      await session.release();
      throw new EmbeddingError(modelName, problem);
    };
    const inputs = session.inputNames;
    for (const name of inputs) {
      if (!KNOWN_INPUTS.has(name)) {
        await fail(`model input '${name}' is not one of input_ids, attention_mask, token_type_ids`);
      }
    }
    for (const name of ['input_ids', 'attention_mask']) {
      if (!inputs.includes(name)) await fail(`model has no '${name}' input (inputs: ${inputs.join(', ')})`);
    }
    const idsMeta = session.inputMetadata.find((m) => m.name === 'input_ids');
    const idsType = idsMeta?.isTensor ? idsMeta.type : 'int64';
    if (idsType !== 'int64' && idsType !== 'int32')
      await fail(`model input 'input_ids' is ${idsType}, not int64`);
    const output = session.outputNames.find((n) => TOKEN_OUTPUTS.includes(n)) ?? session.outputNames[0]!;
    const id = createHash('sha256')
      .update(JSON.stringify({ EMBEDDER_VERSION, modelHash, tokenizerHash, ...settings }))
      .digest('hex');
    const embedder = new OnnxEmbedder(
      ort,
      session,
      tokenizer,
      output,
      idsType as 'int64' | 'int32',
      settings,
      id,
      device,
    );
    await embedder.probe(modelName, tokenizerName);
    return embedder;
  }

  /**
   * Runs the two inputs that reveal a tokenizer that does not belong to the model before any real work: the
   * largest token id (a vocabulary larger than the model's embedding table) and a sequence of the maximum length
   * (longer than the model's position table). Also learns the vector dimension.
   */
  private async probe(modelName: string, tokenizerName: string): Promise<void> {
    const { prefixIds, suffixIds, unkId } = this.tokenizer.parts;
    const sequence = (fill: number, length: number) =>
      Int32Array.from([
        ...prefixIds,
        ...Array(length - prefixIds.length - suffixIds.length).fill(fill),
        ...suffixIds,
      ]);
    try {
      this.dim = (
        await this.hidden([sequence(this.tokenizer.maxId, prefixIds.length + suffixIds.length + 1)])
      ).dim;
    } catch (err) {
      await this.release();
      throw new EmbeddingError(
        tokenizerName,
        `does not match the model: token id ${this.tokenizer.maxId} fails (${firstLine(err)})`,
      );
    }
    try {
      await this.hidden([sequence(unkId, this.options.maxLength)]);
    } catch (err) {
      await this.release();
      throw new EmbeddingError(
        modelName,
        `cannot take ${this.options.maxLength} tokens (lower --max-length): ${firstLine(err)}`,
      );
    }
  }

  encode(text: string): Encoding {
    return this.tokenizer.encode(text, this.options.maxLength);
  }

  /** The model's output for a batch of encodings, right-padded to the longest. */
  private async hidden(
    batch: readonly Int32Array[],
  ): Promise<{ data: Float32Array; length: number; dim: number; pooled: boolean }> {
    const length = Math.max(...batch.map((ids) => ids.length));
    const size = batch.length * length;
    const big = this.intInputs === 'int64';
    const ids = big ? new BigInt64Array(size) : new Int32Array(size);
    const mask = big ? new BigInt64Array(size) : new Int32Array(size);
    const padId = big ? BigInt(this.tokenizer.padId) : this.tokenizer.padId;
    batch.forEach((encoding, b) => {
      for (let t = 0; t < length; t++) {
        const i = b * length + t;
        if (t < encoding.length) {
          ids[i] = big ? BigInt(encoding[t]!) : encoding[t]!;
          mask[i] = big ? 1n : 1;
        } else {
          ids[i] = padId;
        }
      }
    });
    const type = big ? 'int64' : 'int32';
    const shape = [batch.length, length];
    const feeds: Record<string, Ort.Tensor> = {
      input_ids: new this.ort.Tensor(type, ids, shape),
      attention_mask: new this.ort.Tensor(type, mask, shape),
    };
    if (this.session.inputNames.includes('token_type_ids')) {
      feeds.token_type_ids = new this.ort.Tensor(
        type,
        big ? new BigInt64Array(size) : new Int32Array(size),
        shape,
      );
    }
    const result = (await this.session.run(feeds, [this.output]))[this.output]!;
    this.runs++;
    const dims = result.dims;
    if (result.type !== 'float32' || (dims.length !== 3 && dims.length !== 2)) {
      throw new Error(
        `output '${this.output}' is ${result.type} [${dims.join(', ')}], not float32 [batch, (length,) dim]`,
      );
    }
    return {
      data: result.data as Float32Array,
      length: dims.length === 3 ? dims[1]! : 1,
      dim: dims[dims.length - 1]!,
      pooled: dims.length === 2,
    };
  }

  /**
   * Embeds a batch into `out` (batch.length × dim, row-major): pooled over the attention mask (or the first token)
   * unless the model already outputs one vector per text, then L2-normalised unless disabled.
   */
  async embed(batch: readonly Encoding[], out: Float32Array): Promise<void> {
    const { data, length, dim, pooled } = await this.hidden(batch.map((e) => e.ids));
    batch.forEach((encoding, b) => {
      const row = out.subarray(b * dim, (b + 1) * dim);
      if (pooled) row.set(data.subarray(b * dim, (b + 1) * dim));
      else poolRow(data, b, length, dim, encoding.ids.length, this.options.pooling, row);
      if (this.options.normalize) l2Normalize(row);
    });
  }

  release(): Promise<void> {
    return this.session.release();
  }
}

function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}
