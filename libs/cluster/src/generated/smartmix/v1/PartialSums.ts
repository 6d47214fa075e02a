// Original file: ../../protos/smartmix/v1/worker.proto


export interface PartialSums {
  'first'?: (number);
  'count'?: (number);
  'width'?: (number);
  'values'?: (Buffer | Uint8Array | string);
}

export interface PartialSums__Output {
  'first': (number);
  'count': (number);
  'width': (number);
  'values': (Buffer);
}
