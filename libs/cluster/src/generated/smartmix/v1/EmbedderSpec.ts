// Original file: ../../protos/smartmix/v1/worker.proto


export interface EmbedderSpec {
  'modelFile'?: (string);
  'tokenizerFile'?: (string);
  'pooling'?: (string);
  'normalize'?: (boolean);
  'maxLength'?: (number);
}

export interface EmbedderSpec__Output {
  'modelFile': (string);
  'tokenizerFile': (string);
  'pooling': (string);
  'normalize': (boolean);
  'maxLength': (number);
}
