// Original file: ../../protos/smartmix/v1/worker.proto


export interface EmbedderOpened {
  'embedderId'?: (string);
  'dim'?: (number);
  'device'?: (string);
}

export interface EmbedderOpened__Output {
  'embedderId': (string);
  'dim': (number);
  'device': (string);
}
