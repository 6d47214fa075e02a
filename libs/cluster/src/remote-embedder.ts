import type * as grpc from '@grpc/grpc-js';
import type { EmbedderOpened__Output } from './generated/smartmix/v1/EmbedderOpened.js';
import type { EmbedderSpec } from './generated/smartmix/v1/EmbedderSpec.js';
import type { EmbedReply__Output } from './generated/smartmix/v1/EmbedReply.js';
import type { EmbedRequest } from './generated/smartmix/v1/EmbedRequest.js';
import type { EmbedVectors__Output } from './generated/smartmix/v1/EmbedVectors.js';
import { textChunks, toFloat32 } from './protocol.js';
import { rpcError, WorkerError } from './worker-error.js';

interface PendingBatch {
  out: Float32Array;
  received: number;
  resolve(vectors: Float32Array): void;
  reject(err: WorkerError): void;
  timer: NodeJS.Timeout;
}

/**
 * One Embed stream to one worker: the embedder it opened there, and the batches sent to it and not yet answered.
 * The stream lasts as long as the embedding, so instead of a deadline on the call every answer (the opened embedder,
 * each batch) has its own; a stream that fails or goes quiet fails every batch still on it, as lost.
 */
export class RemoteEmbedder {
  readonly opened: Promise<EmbedderOpened__Output>;
  private readonly pending = new Map<number, PendingBatch>();
  private failure: WorkerError | undefined;
  private dim = 0;

  constructor(
    readonly address: string,
    private readonly call: grpc.ClientDuplexStream<EmbedRequest, EmbedReply__Output>,
    spec: EmbedderSpec,
    private readonly deadlineMs: number,
  ) {
    let answered: (opened: EmbedderOpened__Output) => void = () => {};
    let refused: (err: WorkerError) => void = () => {};
    this.opened = new Promise((resolve, reject) => {
      answered = resolve;
      refused = reject;
    });
    this.opened.catch(() => {});
    const timer = this.deadline();
    const fail = (err: WorkerError) => {
      clearTimeout(timer);
      refused(err);
      this.fail(err);
    };
    call.on('data', (reply: EmbedReply__Output) => {
      if (reply.opened) {
        clearTimeout(timer);
        this.dim = reply.opened.dim;
        answered(reply.opened);
      } else if (reply.vectors) this.receive(reply.vectors);
    });
    call.on('error', (err: grpc.ServiceError) => fail(rpcError(address, 'Embed', err)));
    call.on('end', () => fail(new WorkerError(`worker ${address}: Embed: stream ended`, true)));
    call.write({ open: spec });
  }

  /** The vectors of one batch (texts.length × dim); `batch` numbers it on this stream. */
  async run(batch: number, texts: readonly string[]): Promise<Float32Array> {
    await this.opened;
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const out = new Float32Array(texts.length * this.dim);
      this.pending.set(batch, { out, received: 0, resolve, reject, timer: this.deadline() });
      const chunks = textChunks(texts);
      chunks.forEach((chunk, i) =>
        this.call.write({ texts: { batch, texts: chunk, last: i === chunks.length - 1 } }),
      );
    });
  }

  /** Ends the stream (the worker keeps the embedder open for the next caller). */
  close(): void {
    this.failure ??= new WorkerError(`worker ${this.address}: Embed: closed`);
    this.call.end();
  }

  private deadline(): NodeJS.Timeout {
    const timer = setTimeout(
      () => this.fail(new WorkerError(`worker ${this.address}: Embed: no answer before the deadline`, true)),
      this.deadlineMs,
    );
    timer.unref();
    return timer;
  }

  private receive(vectors: EmbedVectors__Output): void {
    const batch = this.pending.get(vectors.batch);
    const values = toFloat32(vectors.values);
    if (
      !batch ||
      values.length !== vectors.rows * this.dim ||
      (vectors.first + vectors.rows) * this.dim > batch.out.length
    ) {
      this.fail(new WorkerError(`worker ${this.address}: Embed: answer does not fit the request`));
      return;
    }
    batch.out.set(values, vectors.first * this.dim);
    batch.received += vectors.rows;
    if (batch.received * this.dim === batch.out.length) {
      clearTimeout(batch.timer);
      this.pending.delete(vectors.batch);
      batch.resolve(batch.out);
    }
  }

  /** Fails every batch still waiting (once) and cancels the stream. */
  private fail(err: WorkerError): void {
    if (this.failure) return;
    this.failure = err;
    for (const batch of this.pending.values()) {
      clearTimeout(batch.timer);
      batch.reject(err);
    }
    this.pending.clear();
    this.call.cancel();
  }
}
