// Original file: ../../protos/smartmix/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

export interface OpenShardRequest {
  'rowsId'?: (string);
  'function'?: (string);
  'firstBlock'?: (number);
  'endBlock'?: (number);
  'openBudgetBytes'?: (number | string | Long);
}

export interface OpenShardRequest__Output {
  'rowsId': (string);
  'function': (string);
  'firstBlock': (number);
  'endBlock': (number);
  'openBudgetBytes': (number);
}
