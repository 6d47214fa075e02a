// Original file: ../../protos/smartmix/v1/worker.proto

import type * as grpc from '@grpc/grpc-js'
import type { MethodDefinition } from '@grpc/proto-loader'
import type { DropRowsResponse as _smartmix_v1_DropRowsResponse, DropRowsResponse__Output as _smartmix_v1_DropRowsResponse__Output } from '../../smartmix/v1/DropRowsResponse.js';
import type { FloatRows as _smartmix_v1_FloatRows, FloatRows__Output as _smartmix_v1_FloatRows__Output } from '../../smartmix/v1/FloatRows.js';
import type { HealthRequest as _smartmix_v1_HealthRequest, HealthRequest__Output as _smartmix_v1_HealthRequest__Output } from '../../smartmix/v1/HealthRequest.js';
import type { HealthResponse as _smartmix_v1_HealthResponse, HealthResponse__Output as _smartmix_v1_HealthResponse__Output } from '../../smartmix/v1/HealthResponse.js';
import type { RowsChunk as _smartmix_v1_RowsChunk, RowsChunk__Output as _smartmix_v1_RowsChunk__Output } from '../../smartmix/v1/RowsChunk.js';
import type { RowsHandle as _smartmix_v1_RowsHandle, RowsHandle__Output as _smartmix_v1_RowsHandle__Output } from '../../smartmix/v1/RowsHandle.js';
import type { SimilarityRowsRequest as _smartmix_v1_SimilarityRowsRequest, SimilarityRowsRequest__Output as _smartmix_v1_SimilarityRowsRequest__Output } from '../../smartmix/v1/SimilarityRowsRequest.js';

export interface WorkerClient extends grpc.Client {
  DropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  DropRows(argument: _smartmix_v1_RowsHandle, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  dropRows(argument: _smartmix_v1_RowsHandle, callback: grpc.requestCallback<_smartmix_v1_DropRowsResponse__Output>): grpc.ClientUnaryCall;
  
  Health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  Health(argument: _smartmix_v1_HealthRequest, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  health(argument: _smartmix_v1_HealthRequest, callback: grpc.requestCallback<_smartmix_v1_HealthResponse__Output>): grpc.ClientUnaryCall;
  
  PutRows(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  PutRows(callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(metadata: grpc.Metadata, options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(metadata: grpc.Metadata, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(options: grpc.CallOptions, callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  putRows(callback: grpc.requestCallback<_smartmix_v1_RowsHandle__Output>): grpc.ClientWritableStream<_smartmix_v1_RowsChunk>;
  
  SimilarityRows(argument: _smartmix_v1_SimilarityRowsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  SimilarityRows(argument: _smartmix_v1_SimilarityRowsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  similarityRows(argument: _smartmix_v1_SimilarityRowsRequest, metadata: grpc.Metadata, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  similarityRows(argument: _smartmix_v1_SimilarityRowsRequest, options?: grpc.CallOptions): grpc.ClientReadableStream<_smartmix_v1_FloatRows__Output>;
  
}

export interface WorkerHandlers extends grpc.UntypedServiceImplementation {
  DropRows: grpc.handleUnaryCall<_smartmix_v1_RowsHandle__Output, _smartmix_v1_DropRowsResponse>;
  
  Health: grpc.handleUnaryCall<_smartmix_v1_HealthRequest__Output, _smartmix_v1_HealthResponse>;
  
  PutRows: grpc.handleClientStreamingCall<_smartmix_v1_RowsChunk__Output, _smartmix_v1_RowsHandle>;
  
  SimilarityRows: grpc.handleServerStreamingCall<_smartmix_v1_SimilarityRowsRequest__Output, _smartmix_v1_FloatRows>;
  
}

export interface WorkerDefinition extends grpc.ServiceDefinition {
  DropRows: MethodDefinition<_smartmix_v1_RowsHandle, _smartmix_v1_DropRowsResponse, _smartmix_v1_RowsHandle__Output, _smartmix_v1_DropRowsResponse__Output>
  Health: MethodDefinition<_smartmix_v1_HealthRequest, _smartmix_v1_HealthResponse, _smartmix_v1_HealthRequest__Output, _smartmix_v1_HealthResponse__Output>
  PutRows: MethodDefinition<_smartmix_v1_RowsChunk, _smartmix_v1_RowsHandle, _smartmix_v1_RowsChunk__Output, _smartmix_v1_RowsHandle__Output>
  SimilarityRows: MethodDefinition<_smartmix_v1_SimilarityRowsRequest, _smartmix_v1_FloatRows, _smartmix_v1_SimilarityRowsRequest__Output, _smartmix_v1_FloatRows__Output>
}
