// Original file: ../../protos/smartmix/v1/worker.proto


export interface SimilarityRowsRequest {
  'rowsId'?: (string);
  'rowStart'?: (number);
  'rowEnd'?: (number);
  'upper'?: (boolean);
}

export interface SimilarityRowsRequest__Output {
  'rowsId': (string);
  'rowStart': (number);
  'rowEnd': (number);
  'upper': (boolean);
}
