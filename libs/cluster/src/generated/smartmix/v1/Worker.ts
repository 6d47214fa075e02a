// Original file: ../../protos/smartmix/v1/worker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { CloseShardResponse as _smartmix_v1_CloseShardResponse, CloseShardResponse__Output as _smartmix_v1_CloseShardResponse__Output } from '../../smartmix/v1/CloseShardResponse.js';
import type { CommitRequest as _smartmix_v1_CommitRequest, CommitRequest__Output as _smartmix_v1_CommitRequest__Output } from '../../smartmix/v1/CommitRequest.js';
import type { CommitResponse as _smartmix_v1_CommitResponse, CommitResponse__Output as _smartmix_v1_CommitResponse__Output } from '../../smartmix/v1/CommitResponse.js';
import type { DropRowsResponse as _smartmix_v1_DropRowsResponse, DropRowsResponse__Output as _smartmix_v1_DropRowsResponse__Output } from '../../smartmix/v1/DropRowsResponse.js';
import type { EmbedReply as _smartmix_v1_EmbedReply, EmbedReply__Output as _smartmix_v1_EmbedReply__Output } from '../../smartmix/v1/EmbedReply.js';
import type { EmbedRequest as _smartmix_v1_EmbedRequest, EmbedRequest__Output as _smartmix_v1_EmbedRequest__Output } from '../../smartmix/v1/EmbedRequest.js';
import type { FloatRows as _smartmix_v1_FloatRows, FloatRows__Output as _smartmix_v1_FloatRows__Output } from '../../smartmix/v1/FloatRows.js';
import type { HealthRequest as _smartmix_v1_HealthRequest, HealthRequest__Output as _smartmix_v1_HealthRequest__Output } from '../../smartmix/v1/HealthRequest.js';
import type { HealthResponse as _smartmix_v1_HealthResponse, HealthResponse__Output as _smartmix_v1_HealthResponse__Output } from '../../smartmix/v1/HealthResponse.js';
import type { OpenShardRequest as _smartmix_v1_OpenShardRequest, OpenShardRequest__Output as _smartmix_v1_OpenShardRequest__Output } from '../../smartmix/v1/OpenShardRequest.js';
import type { PartialGainsRequest as _smartmix_v1_PartialGainsRequest, PartialGainsRequest__Output as _smartmix_v1_PartialGainsRequest__Output } from '../../smartmix/v1/PartialGainsRequest.js';
import type { PartialSums as _smartmix_v1_PartialSums, PartialSums__Output as _smartmix_v1_PartialSums__Output } from '../../smartmix/v1/PartialSums.js';
import type { RowsChunk as _smartmix_v1_RowsChunk, RowsChunk__Output as _smartmix_v1_RowsChunk__Output } from '../../smartmix/v1/RowsChunk.js';
import type { RowsHandle as _smartmix_v1_RowsHandle, RowsHandle__Output as _smartmix_v1_RowsHandle__Output } from '../../smartmix/v1/RowsHandle.js';
import type { ShardHandle as _smartmix_v1_ShardHandle, ShardHandle__Output as _smartmix_v1_ShardHandle__Output } from '../../smartmix/v1/ShardHandle.js';
import type { SimilarityRowsRequest as _smartmix_v1_SimilarityRowsRequest, SimilarityRowsRequest__Output as _smartmix_v1_SimilarityRowsRequest__Output } from '../../smartmix/v1/SimilarityRowsRequest.js';
import type { TopKChunk as _smartmix_v1_TopKChunk, TopKChunk__Output as _smartmix_v1_TopKChunk__Output } from '../../smartmix/v1/TopKChunk.js';
import type { TopKRequest as _smartmix_v1_TopKRequest, TopKRequest__Output as _smartmix_v1_TopKRequest__Output } from '../../smartmix/v1/TopKRequest.js';

export interface WorkerClient extends grpc.Client {
  CloseShard(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  CloseShard(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  CloseShard(argument: _smartmix_v1_ShardHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  CloseShard(argument: _smartmix_v1_ShardHandle, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  closeShard(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  closeShard(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  closeShard(argument: _smartmix_v1_ShardHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  closeShard(argument: _smartmix_v1_ShardHandle, callback: grpc.requestCallback<_smartmix_v1_CloseShardResponse__Output>): grpc.ClientUnaryCall;
  
  ColumnSums(argument: _smartmix_v1_PartialGainsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  ColumnSums(argument: _smartmix_v1_PartialGainsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  columnSums(argument: _smartmix_v1_PartialGainsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  columnSums(argument: _smartmix_v1_PartialGainsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  
  Commit(argument: _smartmix_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _smartmix_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _smartmix_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  Commit(argument: _smartmix_v1_CommitRequest, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _smartmix_v1_CommitRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _smartmix_v1_CommitRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _smartmix_v1_CommitRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  commit(argument: _smartmix_v1_CommitRequest, callback: grpc.requestCallback<_smartmix_v1_CommitResponse__Output>): grpc.ClientUnaryCall;
  
  DropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  
  Embed(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedReply__Output>;
  Embed(options?: grpc.CallOptions): grpc.ClientDuplexStream<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedReply__Output>;
  embed(metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientDuplexStream<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedReply__Output>;
  embed(options?: grpc.CallOptions): grpc.ClientDuplexStream<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedReply__Output>;
  
  Health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  
  OpenShard(argument: _smartmix_v1_OpenShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  OpenShard(argument: _smartmix_v1_OpenShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  OpenShard(argument: _smartmix_v1_OpenShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  OpenShard(argument: _smartmix_v1_OpenShardRequest, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  openShard(argument: _smartmix_v1_OpenShardRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  openShard(argument: _smartmix_v1_OpenShardRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  openShard(argument: _smartmix_v1_OpenShardRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  openShard(argument: _smartmix_v1_OpenShardRequest, callback: grpc.requestCallback<_smartmix_v1_ShardHandle__Output>): grpc.ClientUnaryCall;
  
  PartialGains(argument: _smartmix_v1_PartialGainsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  PartialGains(argument: _smartmix_v1_PartialGainsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  partialGains(argument: _smartmix_v1_PartialGainsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  partialGains(argument: _smartmix_v1_PartialGainsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_PartialSums__Output>;
  
  PutRows(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  
  ShardValue(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  ShardValue(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  ShardValue(argument: _smartmix_v1_ShardHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  ShardValue(argument: _smartmix_v1_ShardHandle, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  shardValue(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  shardValue(argument: _smartmix_v1_ShardHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  shardValue(argument: _smartmix_v1_ShardHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  shardValue(argument: _smartmix_v1_ShardHandle, callback: grpc.requestCallback<_smartmix_v1_PartialSums__Output>): grpc.ClientUnaryCall;
  
  SimilarityRows(argument: _smartmix_v1_SimilarityRowsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  SimilarityRows(argument: _smartmix_v1_SimilarityRowsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  similarityRows(argument: _smartmix_v1_SimilarityRowsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  similarityRows(argument: _smartmix_v1_SimilarityRowsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  
  TopK(argument: _smartmix_v1_TopKRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_TopKChunk__Output>;
  TopK(argument: _smartmix_v1_TopKRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_TopKChunk__Output>;
  topK(argument: _smartmix_v1_TopKRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_TopKChunk__Output>;
  topK(argument: _smartmix_v1_TopKRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_TopKChunk__Output>;
  
}

export interface WorkerHandlers extends grpc.UntypedServiceImplementation {
  CloseShard: grpc.handleUnaryCall<_smartmix_v1_ShardHandle__Output, _smartmix_v1_CloseShardResponse>;
  
  ColumnSums: grpc.handleServerStreamingCall<_smartmix_v1_PartialGainsRequest__Output, _smartmix_v1_PartialSums>;
  
  Commit: grpc.handleUnaryCall<_smartmix_v1_CommitRequest__Output, _smartmix_v1_CommitResponse>;
  
  DropRows: grpc.handleUnaryCall<_smartmix_v1_RowsHandle__Output, _smartmix_v1_DropRowsResponse>;
  
  Embed: grpc.handleBidiStreamingCall<_smartmix_v1_EmbedRequest__Output, _smartmix_v1_EmbedReply>;
  
  Health: grpc.handleUnaryCall<_smartmix_v1_HealthRequest__Output, _smartmix_v1_HealthResponse>;
  
  OpenShard: grpc.handleUnaryCall<_smartmix_v1_OpenShardRequest__Output, _smartmix_v1_ShardHandle>;
  
  PartialGains: grpc.handleServerStreamingCall<_smartmix_v1_PartialGainsRequest__Output, _smartmix_v1_PartialSums>;
  
  PutRows: grpc.handleClientStreamingCall<_smartmix_v1_RowsChunk__Output, _smartmix_v1_RowsHandle>;
  
  ShardValue: grpc.handleUnaryCall<_smartmix_v1_ShardHandle__Output, _smartmix_v1_PartialSums>;
  
  SimilarityRows: grpc.handleServerStreamingCall<_smartmix_v1_SimilarityRowsRequest__Output, _smartmix_v1_FloatRows>;
  
  TopK: grpc.handleServerStreamingCall<_smartmix_v1_TopKRequest__Output, _smartmix_v1_TopKChunk>;
  
}

export interface WorkerDefinition extends grpc.ServiceDefinition {
  CloseShard: MethodDefinition<_smartmix_v1_ShardHandle, _smartmix_v1_CloseShardResponse, _smartmix_v1_ShardHandle__Output, _smartmix_v1_CloseShardResponse__Output>
  ColumnSums: MethodDefinition<_smartmix_v1_PartialGainsRequest, _smartmix_v1_PartialSums, _smartmix_v1_PartialGainsRequest__Output, _smartmix_v1_PartialSums__Output>
  Commit: MethodDefinition<_smartmix_v1_CommitRequest, _smartmix_v1_CommitResponse, _smartmix_v1_CommitRequest__Output, _smartmix_v1_CommitResponse__Output>
  DropRows: MethodDefinition<_smartmix_v1_RowsHandle, _smartmix_v1_DropRowsResponse, _smartmix_v1_RowsHandle__Output, _smartmix_v1_DropRowsResponse__Output>
  Embed: MethodDefinition<_smartmix_v1_EmbedRequest, _smartmix_v1_EmbedReply, _smartmix_v1_EmbedRequest__Output, _smartmix_v1_EmbedReply__Output>
  Health: MethodDefinition<_smartmix_v1_HealthRequest, _smartmix_v1_HealthResponse, _smartmix_v1_HealthRequest__Output, _smartmix_v1_HealthResponse__Output>
  OpenShard: MethodDefinition<_smartmix_v1_OpenShardRequest, _smartmix_v1_ShardHandle, _smartmix_v1_OpenShardRequest__Output, _smartmix_v1_ShardHandle__Output>
  PartialGains: MethodDefinition<_smartmix_v1_PartialGainsRequest, _smartmix_v1_PartialSums, _smartmix_v1_PartialGainsRequest__Output, _smartmix_v1_PartialSums__Output>
  PutRows: MethodDefinition<_smartmix_v1_RowsChunk, _smartmix_v1_RowsHandle, _smartmix_v1_RowsChunk__Output, _smartmix_v1_RowsHandle__Output>
  ShardValue: MethodDefinition<_smartmix_v1_ShardHandle, _smartmix_v1_PartialSums, _smartmix_v1_ShardHandle__Output, _smartmix_v1_PartialSums__Output>
  SimilarityRows: MethodDefinition<_smartmix_v1_SimilarityRowsRequest, _smartmix_v1_FloatRows, _smartmix_v1_SimilarityRowsRequest__Output, _smartmix_v1_FloatRows__Output>
  TopK: MethodDefinition<_smartmix_v1_TopKRequest, _smartmix_v1_TopKChunk, _smartmix_v1_TopKRequest__Output, _smartmix_v1_TopKChunk__Output>
}
