// Original file: ../../protos/smartmix/v1/worker.proto

import type { Long } from '@grpc/proto-loader';

export interface HealthResponse {
  'version'?: (string);
  'device'?: (string);
  'threads'?: (number);
  'rssBytes'?: (number | string | Long);
  'storedMatrices'?: (number);
  'pid'?: (number);
  'instanceId'?: (string);
}

export interface HealthResponse__Output {
  'version': (string);
  'device': (string);
  'threads': (number);
  'rssBytes': (number);
  'storedMatrices': (number);
  'pid': (number);
  'instanceId': (string);
}
