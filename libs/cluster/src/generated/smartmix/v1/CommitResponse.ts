// Original file: ../../protos/smartmix/v1/worker.proto


export interface CommitResponse {
}

export interface CommitResponse__Output {
}
