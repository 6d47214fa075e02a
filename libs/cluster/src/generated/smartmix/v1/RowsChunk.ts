// Original file: ../../protos/smartmix/v1/worker.proto


export interface RowsChunk {
  'dim'?: (number);
  'values'?: (Buffer | Uint8Array | string);
}

export interface RowsChunk__Output {
  'dim': (number);
  'values': (Buffer);
}
