import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { DropRowsResponse as _smartmix_v1_DropRowsResponse, DropRowsResponse__Output as _smartmix_v1_DropRowsResponse__Output } from './smartmix/v1/DropRowsResponse.js';
import type { FloatRows as _smartmix_v1_FloatRows, FloatRows__Output as _smartmix_v1_FloatRows__Output } from './smartmix/v1/FloatRows.js';
import type { HealthRequest as _smartmix_v1_HealthRequest, HealthRequest__Output as _smartmix_v1_HealthRequest__Output } from './smartmix/v1/HealthRequest.js';
import type { HealthResponse as _smartmix_v1_HealthResponse, HealthResponse__Output as _smartmix_v1_HealthResponse__Output } from './smartmix/v1/HealthResponse.js';
import type { RowsChunk as _smartmix_v1_RowsChunk, RowsChunk__Output as _smartmix_v1_RowsChunk__Output } from './smartmix/v1/RowsChunk.js';
import type { RowsHandle as _smartmix_v1_RowsHandle, RowsHandle__Output as _smartmix_v1_RowsHandle__Output } from './smartmix/v1/RowsHandle.js';
import type { SimilarityRowsRequest as _smartmix_v1_SimilarityRowsRequest, SimilarityRowsRequest__Output as _smartmix_v1_SimilarityRowsRequest__Output } from './smartmix/v1/SimilarityRowsRequest.js';
import type { WorkerClient as _smartmix_v1_WorkerClient, WorkerDefinition as _smartmix_v1_WorkerDefinition } from './smartmix/v1/Worker.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  smartmix: {
    v1: {
      DropRowsResponse: MessageTypeDefinition<_smartmix_v1_DropRowsResponse, _smartmix_v1_DropRowsResponse__Output>
      FloatRows: MessageTypeDefinition<_smartmix_v1_FloatRows, _smartmix_v1_FloatRows__Output>
      HealthRequest: MessageTypeDefinition<_smartmix_v1_HealthRequest, _smartmix_v1_HealthRequest__Output>
      HealthResponse: MessageTypeDefinition<_smartmix_v1_HealthResponse, _smartmix_v1_HealthResponse__Output>
      RowsChunk: MessageTypeDefinition<_smartmix_v1_RowsChunk, _smartmix_v1_RowsChunk__Output>
      RowsHandle: MessageTypeDefinition<_smartmix_v1_RowsHandle, _smartmix_v1_RowsHandle__Output>
      SimilarityRowsRequest: MessageTypeDefinition<_smartmix_v1_SimilarityRowsRequest, _smartmix_v1_SimilarityRowsRequest__Output>
      Worker: SubtypeConstructor<typeof grpc.Client, _smartmix_v1_WorkerClient> & { service: _smartmix_v1_WorkerDefinition }
    }
  }
}

