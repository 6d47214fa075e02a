// Original file: ../../protos/smartmix/v1/worker.proto


export interface CloseShardResponse {
}

export interface CloseShardResponse__Output {
}
