// Original file: ../../protos/smartmix/v1/worker.proto


export interface TopKChunk {
  'first'?: (number);
  'count'?: (number);
  'width'?: (number);
  'indices'?: (Buffer | Uint8Array | string);
  'values'?: (Buffer | Uint8Array | string);
}

export interface TopKChunk__Output {
  'first': (number);
  'count': (number);
  'width': (number);
  'indices': (Buffer);
  'values': (Buffer);
}
