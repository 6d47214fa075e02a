// Original file: ../../protos/smartmix/v1/worker.proto


export interface RowsHandle {
  'id'?: (string);
  'rows'?: (number);
  'dim'?: (number);
}

export interface RowsHandle__Output {
  'id': (string);
  'rows': (number);
  'dim': (number);
}
