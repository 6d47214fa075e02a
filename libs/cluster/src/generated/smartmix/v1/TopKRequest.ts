// Original file: ../../protos/smartmix/v1/worker.proto


export interface TopKRequest {
  'rowsId'?: (string);
  'firstBlock'?: (number);
  'endBlock'?: (number);
  'k'?: (number);
  'queries'?: (Buffer | Uint8Array | string);
}

export interface TopKRequest__Output {
  'rowsId': (string);
  'firstBlock': (number);
  'endBlock': (number);
  'k': (number);
  'queries': (Buffer);
}
