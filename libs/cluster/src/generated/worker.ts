import type * as grpc from '@grpc/grpc-js';
import type { MessageTypeDefinition } from '@grpc/proto-loader';

import type { CloseShardResponse as _smartmix_v1_CloseShardResponse, CloseShardResponse__Output as _smartmix_v1_CloseShardResponse__Output } from './smartmix/v1/CloseShardResponse.js';
import type { CommitRequest as _smartmix_v1_CommitRequest, CommitRequest__Output as _smartmix_v1_CommitRequest__Output } from './smartmix/v1/CommitRequest.js';
import type { CommitResponse as _smartmix_v1_CommitResponse, CommitResponse__Output as _smartmix_v1_CommitResponse__Output } from './smartmix/v1/CommitResponse.js';
import type { DropRowsResponse as _smartmix_v1_DropRowsResponse, DropRowsResponse__Output as _smartmix_v1_DropRowsResponse__Output } from './smartmix/v1/DropRowsResponse.js';
import type { EmbedReply as _smartmix_v1_EmbedReply, EmbedReply__Output as _smartmix_v1_EmbedReply__Output } from './smartmix/v1/EmbedReply.js';
import type { EmbedRequest as _smartmix_v1_EmbedRequest, EmbedRequest__Output as _smartmix_v1_EmbedRequest__Output } from './smartmix/v1/EmbedRequest.js';
import type { EmbedTexts as _smartmix_v1_EmbedTexts, EmbedTexts__Output as _smartmix_v1_EmbedTexts__Output } from './smartmix/v1/EmbedTexts.js';
import type { EmbedVectors as _smartmix_v1_EmbedVectors, EmbedVectors__Output as _smartmix_v1_EmbedVectors__Output } from './smartmix/v1/EmbedVectors.js';
import type { EmbedderOpened as _smartmix_v1_EmbedderOpened, EmbedderOpened__Output as _smartmix_v1_EmbedderOpened__Output } from './smartmix/v1/EmbedderOpened.js';
import type { EmbedderSpec as _smartmix_v1_EmbedderSpec, EmbedderSpec__Output as _smartmix_v1_EmbedderSpec__Output } from './smartmix/v1/EmbedderSpec.js';
import type { FloatRows as _smartmix_v1_FloatRows, FloatRows__Output as _smartmix_v1_FloatRows__Output } from './smartmix/v1/FloatRows.js';
import type { HealthRequest as _smartmix_v1_HealthRequest, HealthRequest__Output as _smartmix_v1_HealthRequest__Output } from './smartmix/v1/HealthRequest.js';
import type { HealthResponse as _smartmix_v1_HealthResponse, HealthResponse__Output as _smartmix_v1_HealthResponse__Output } from './smartmix/v1/HealthResponse.js';
import type { OpenShardRequest as _smartmix_v1_OpenShardRequest, OpenShardRequest__Output as _smartmix_v1_OpenShardRequest__Output } from './smartmix/v1/OpenShardRequest.js';
import type { PartialGainsRequest as _smartmix_v1_PartialGainsRequest, PartialGainsRequest__Output as _smartmix_v1_PartialGainsRequest__Output } from './smartmix/v1/PartialGainsRequest.js';
import type { PartialSums as _smartmix_v1_PartialSums, PartialSums__Output as _smartmix_v1_PartialSums__Output } from './smartmix/v1/PartialSums.js';
import type { RowsChunk as _smartmix_v1_RowsChunk, RowsChunk__Output as _smartmix_v1_RowsChunk__Output } from './smartmix/v1/RowsChunk.js';
import type { RowsHandle as _smartmix_v1_RowsHandle, RowsHandle__Output as _smartmix_v1_RowsHandle__Output } from './smartmix/v1/RowsHandle.js';
import type { ShardHandle as _smartmix_v1_ShardHandle, ShardHandle__Output as _smartmix_v1_ShardHandle__Output } from './smartmix/v1/ShardHandle.js';
import type { SimilarityRowsRequest as _smartmix_v1_SimilarityRowsRequest, SimilarityRowsRequest__Output as _smartmix_v1_SimilarityRowsRequest__Output } from './smartmix/v1/SimilarityRowsRequest.js';
import type { TopKChunk as _smartmix_v1_TopKChunk, TopKChunk__Output as _smartmix_v1_TopKChunk__Output } from './smartmix/v1/TopKChunk.js';
import type { TopKRequest as _smartmix_v1_TopKRequest, TopKRequest__Output as _smartmix_v1_TopKRequest__Output } from './smartmix/v1/TopKRequest.js';
import type { WorkerClient as _smartmix_v1_WorkerClient, WorkerDefinition as _smartmix_v1_WorkerDefinition } from './smartmix/v1/Worker.js';

type SubtypeConstructor<Constructor extends new (...args: any) => any, Subtype> = {
  new(...args: ConstructorParameters<Constructor>): Subtype;
};

export interface ProtoGrpcType {
  smartmix: {
    v1: {
      CloseShardResponse: MessageTypeDefinition<_smartmix_v1_CloseShardResponse, _smartmix_v1_CloseShardResponse__Output>
      CommitRequest: MessageTypeDefinition<_smartmix_v1_CommitRequest, _smartmix_v1_CommitRequest__Output>
      CommitResponse: MessageTypeDefinition<_smartmix_v1_CommitResponse, _smartmix_v1_CommitResponse__Output>
      DropRowsResponse: MessageTypeDefinition<_smartmix_v1_DropRowsResponse, _smartmix_v1_DropRowsResponse__Output>
      EmbedReply: MessageTypeDefinition<_smartmix_v1_EmbedReply, _smartmix_v1_EmbedReply__Output>
      EmbedRequest: MessageTypeDefinition<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedRequest__Output>
      EmbedTexts: MessageTypeDefinition<_smartmix_v1_EmbedTexts, _smartmix_v1_EmbedTexts__Output>
      EmbedVectors: MessageTypeDefinition<_smartmix_v1_EmbedVectors, _smartmix_v1_EmbedVectors__Output>
      EmbedderOpened: MessageTypeDefinition<_smartmix_v1_EmbedderOpened, _smartmix_v1_EmbedderOpened__Output>
      EmbedderSpec: MessageTypeDefinition<_smartmix_v1_EmbedderSpec, _smartmix_v1_EmbedderSpec__Output>
      FloatRows: MessageTypeDefinition<_smartmix_v1_FloatRows, _smartmix_v1_FloatRows__Output>
      HealthRequest: MessageTypeDefinition<_smartmix_v1_HealthRequest, _smartmix_v1_HealthRequest__Output>
      HealthResponse: MessageTypeDefinition<_smartmix_v1_HealthResponse, _smartmix_v1_HealthResponse__Output>
      OpenShardRequest: MessageTypeDefinition<_smartmix_v1_OpenShardRequest, _smartmix_v1_OpenShardRequest__Output>
      PartialGainsRequest: MessageTypeDefinition<_smartmix_v1_PartialGainsRequest, _smartmix_v1_PartialGainsRequest__Output>
      PartialSums: MessageTypeDefinition<_smartmix_v1_PartialSums, _smartmix_v1_PartialSums__Output>
      RowsChunk: MessageTypeDefinition<_smartmix_v1_RowsChunk, _smartmix_v1_RowsChunk__Output>
      RowsHandle: MessageTypeDefinition<_smartmix_v1_RowsHandle, _smartmix_v1_RowsHandle__Output>
      ShardHandle: MessageTypeDefinition<_smartmix_v1_ShardHandle, _smartmix_v1_ShardHandle__Output>
      SimilarityRowsRequest: MessageTypeDefinition<_smartmix_v1_SimilarityRowsRequest, _smartmix_v1_SimilarityRowsRequest__Output>
      TopKChunk: MessageTypeDefinition<_smartmix_v1_TopKChunk, _smartmix_v1_TopKChunk__Output>
      TopKRequest: MessageTypeDefinition<_smartmix_v1_TopKRequest, _smartmix_v1_TopKRequest__Output>
      Worker: SubtypeConstructor<typeof grpc.Client, _smartmix_v1_WorkerClient> & { service: _smartmix_v1_WorkerDefinition }
    }
  }
}

