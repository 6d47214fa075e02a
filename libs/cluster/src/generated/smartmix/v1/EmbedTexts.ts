// Original file: ../../protos/smartmix/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

export interface EmbedTexts {
  'batch'?: (number | string | Long);
  'texts'?: (string)[];
  'last'?: (boolean);
}

export interface EmbedTexts__Output {
  'batch': (number);
  'texts': (string)[];
  'last': (boolean);
}
