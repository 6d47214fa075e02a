// Original file: ../../protos/smartmix/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

export interface EmbedVectors {
  'batch'?: (number | string | Long);
  'first'?: (number);
  'rows'?: (number);
  'values'?: (Buffer | Uint8Array | string);
}

export interface EmbedVectors__Output {
  'batch': (number);
  'first': (number);
  'rows': (number);
  'values': (Buffer);
}
