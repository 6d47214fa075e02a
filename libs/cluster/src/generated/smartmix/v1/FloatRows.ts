// Original file: ../../protos/smartmix/v1/worker.proto


export interface FloatRows {
  'rowStart'?: (number);
  'rows'?: (number);
  'cols'?: (number);
  'values'?: (Buffer | Uint8Array | string);
  'colStart'?: (number);
}

export interface FloatRows__Output {
  'rowStart': (number);
  'rows': (number);
  'cols': (number);
  'values': (Buffer);
  'colStart': (number);
}
