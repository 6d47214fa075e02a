// Original file: ../../protos/smartmix/v1/worker.proto


export interface HealthRequest {
}

export interface HealthRequest__Output {
}
