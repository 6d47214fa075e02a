// Original file: ../../protos/smartmix/v1/worker.proto


export interface ShardHandle {
  'id'?: (string);
}

export interface ShardHandle__Output {
  'id': (string);
}
