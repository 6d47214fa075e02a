import { fileURLToPath } from 'node:url';
import * as grpc from '@grpc/grpc-js';
import * as protoLoader from '@grpc/proto-loader';
import type { ProtoGrpcType } from './generated/worker.js';

/** protos/ at the repository root (three levels above this file in src/ and in dist/). */
const PROTO = fileURLToPath(new URL('../../../protos/smartmix/v1/worker.proto', import.meta.url));

/**
 * Messages are kept below 4 MiB (grpc's default receive limit) by chunking; the limits are raised anyway so a peer
 * with larger chunks is not refused.
 */
export const CHUNK_BYTES = 4 * 1024 * 1024 - 64 * 1024;
export const MAX_MESSAGE_BYTES = 64 * 1024 * 1024;
export const CHANNEL_OPTIONS: grpc.ChannelOptions = {
  'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
  'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
};

let loaded: ProtoGrpcType | undefined;

export function workerProto(): ProtoGrpcType {
  loaded ??= grpc.loadPackageDefinition(
    protoLoader.loadSync(PROTO, { longs: Number, enums: String, defaults: true, oneofs: true }),
  ) as unknown as ProtoGrpcType;
  return loaded;
}

/** Views received bytes as float32. gRPC hands out Buffers at arbitrary offsets, so the bytes are copied first. */
export function toFloat32(bytes: Uint8Array): Float32Array {
  return new Float32Array(Uint8Array.prototype.slice.call(bytes).buffer);
}

/** Received bytes as float64 (copied, as toFloat32). */
export function toFloat64(bytes: Uint8Array): Float64Array {
  return new Float64Array(Uint8Array.prototype.slice.call(bytes).buffer);
}

/** Received bytes as int32 (copied, as toFloat32). */
export function toInt32(bytes: Uint8Array): Int32Array {
  return new Int32Array(Uint8Array.prototype.slice.call(bytes).buffer);
}

/** Bytes of a typed array, without copying, for sending. */
export function bytesOf(values: Float32Array | Float64Array | Int32Array): Buffer {
  return Buffer.from(values.buffer, values.byteOffset, values.byteLength);
}

/** Whole rows per chunk so one chunk stays within CHUNK_BYTES. */
export function rowsPerChunk(rowBytes: number): number {
  return Math.max(1, Math.floor(CHUNK_BYTES / rowBytes));
}

/**
 * Consecutive runs of `texts` whose UTF-8 bytes stay within CHUNK_BYTES (a longer text travels alone; the raised
 * message limit still takes it).
 */
export function textChunks(texts: readonly string[]): string[][] {
  const chunks: string[][] = [[]];
  let bytes = 0;
  for (const text of texts) {
    // Each repeated string field costs its length prefix and tag too: a few bytes, counted generously.
    const size = Buffer.byteLength(text) + 8;
    if (bytes + size > CHUNK_BYTES && chunks.at(-1)!.length > 0) {
      chunks.push([]);
      bytes = 0;
    }
    chunks.at(-1)!.push(text);
    bytes += size;
  }
  return chunks;
}
