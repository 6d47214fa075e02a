// Original file: ../../protos/smartmix/v1/worker.proto


export interface PartialGainsRequest {
  'shardId'?: (string);
  'candidates'?: (Buffer | Uint8Array | string);
  'commitFirst'?: (Buffer | Uint8Array | string);
}

export interface PartialGainsRequest__Output {
  'shardId': (string);
  'candidates': (Buffer);
  'commitFirst': (Buffer);
}
