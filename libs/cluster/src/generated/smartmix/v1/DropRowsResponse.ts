// Original file: ../../protos/smartmix/v1/worker.proto


export interface DropRowsResponse {
}

export interface DropRowsResponse__Output {
}
