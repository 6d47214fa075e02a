// Original file: ../../protos/smartmix/v1/worker.proto


export interface CommitRequest {
  'shardId'?: (string);
  'elements'?: (Buffer | Uint8Array | string);
}

export interface CommitRequest__Output {
  'shardId': (string);
  'elements': (Buffer);
}
