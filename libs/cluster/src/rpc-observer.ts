import * as grpc from '@grpc/grpc-js';

/**
 * Told of every worker RPC on one side of the connection: its duration and final status, and the serialized bytes
 * of every message. libs/cluster stays free of any metrics library; the apps hand in an adapter (libs/metrics'
 * rpcObserver) that turns these calls into Prometheus series.
 */
export interface RpcObserver {
  /** A finished call: method name (e.g. 'PartialGains'), seconds from start to status, status name ('OK', …). */
  call(method: string, seconds: number, code: string): void;
  /** One serialized message of `bytes` bytes, sent or received. */
  bytes(method: string, direction: 'sent' | 'received', bytes: number): void;
}

/** '/smartmix.v1.Worker/PartialGains' → 'PartialGains'. */
function methodName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

function statusName(code: grpc.status): string {
  return grpc.status[code] ?? String(code);
}

/**
 * The service definition with every (de)serializer wrapped to report message sizes: the exact bytes on the wire
 * (before HTTP/2 framing), without touching the handlers or the call sites. The client uses the request serializer
 * and response deserializer, the server the other two, so one wrapping serves both sides.
 */
export function countingDefinition(
  definition: grpc.ServiceDefinition,
  observer: RpcObserver,
): grpc.ServiceDefinition {
  const counted: Record<string, grpc.MethodDefinition<unknown, unknown>> = {};
  for (const [key, method] of Object.entries(definition)) {
    const name = methodName(method.path);
    const sent =
      <T>(serialize: (value: T) => Buffer) =>
      (value: T) => {
        const bytes = serialize(value);
        observer.bytes(name, 'sent', bytes.length);
        return bytes;
      };
    const received =
      <T>(deserialize: (bytes: Buffer) => T) =>
      (bytes: Buffer) => {
        observer.bytes(name, 'received', bytes.length);
        return deserialize(bytes);
      };
    counted[key] = {
      ...method,
      requestSerialize: sent(method.requestSerialize),
      responseSerialize: sent(method.responseSerialize),
      requestDeserialize: received(method.requestDeserialize),
      responseDeserialize: received(method.responseDeserialize),
    };
  }
  return counted as grpc.ServiceDefinition;
}

/** Client side: times every call from start to the status it ends with. */
export function clientTimingInterceptor(observer: RpcObserver): grpc.Interceptor {
  return (options, nextCall) => {
    const method = methodName(options.method_definition.path);
    const start = performance.now();
    return new grpc.InterceptingCall(nextCall(options), {
      start(metadata, _listener, next) {
        next(metadata, {
          onReceiveStatus(status, nextStatus) {
            observer.call(method, (performance.now() - start) / 1000, statusName(status.code));
            nextStatus(status);
          },
        });
      },
    });
  };
}

/** Server side: times every call from arrival to the status the worker sends. */
export function serverTimingInterceptor(observer: RpcObserver): grpc.ServerInterceptor {
  return (descriptor, call) => {
    const method = methodName(descriptor.path);
    const start = performance.now();
    return new grpc.ServerInterceptingCall(call, {
      sendStatus(status, next) {
        observer.call(method, (performance.now() - start) / 1000, statusName(status.code));
        next(status);
      },
    });
  };
}
