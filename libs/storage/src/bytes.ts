/**
 * Node hands out Buffers that may be views into a shared pool. Returning one of those would let a caller's
 * `new Float32Array(bytes.buffer)` read unrelated memory (or be misaligned), so the result always owns its
 * whole ArrayBuffer: large reads are already exact allocations and are returned without a copy.
 */
export function ownedBytes(buf: Buffer): Uint8Array {
  if (buf.byteOffset === 0 && buf.byteLength === buf.buffer.byteLength) {
    return new Uint8Array(buf.buffer, 0, buf.byteLength);
  }
  return new Uint8Array(buf);
}
