import { availableParallelism } from 'node:os';
import type * as Ort from 'onnxruntime-node';

export interface DeviceOptions {
  /** 'cpu', 'cuda' or 'cuda:N'. */
  device?: string;
  /** Fail instead of falling back to CPU when the requested accelerator is unavailable. */
  strictDevice?: boolean;
  /** Intra-op threads; defaults to the machine's available parallelism. */
  threads?: number;
  /** Called once per process with a human-readable warning (CUDA fallback). */
  warn?: (message: string) => void;
}

export interface ParsedDevice {
  kind: 'cpu' | 'cuda';
  index: number;
}

export function parseDevice(device: string): ParsedDevice {
  const match = /^(cpu|cuda)(?::(\d+))?$/.exec(device);
  if (!match || (match[1] === 'cpu' && match[2] !== undefined)) {
    throw new Error(`invalid device '${device}' (expected cpu, cuda or cuda:N)`);
  }
  return { kind: match[1] as ParsedDevice['kind'], index: match[2] === undefined ? 0 : Number(match[2]) };
}

let runtime: Promise<typeof Ort> | undefined;

/**
 * onnxruntime, loaded on first use: processes that only coordinate (and never run a graph) do not pay for its
 * native library, threads and memory.
 */
export function loadRuntime(): Promise<typeof Ort> {
  runtime ??= import('onnxruntime-node').then((ort) => {
    // onnxruntime's default logger writes multi-line error logs to stderr (e.g. for the missing CUDA libraries);
    // every failure it reports also surfaces as an exception, which smartmix turns into its own one-line message.
    ort.env.logLevel = 'fatal';
    return ort;
  });
  return runtime;
}

let fallbackWarned = false;

export interface OpenedSession {
  session: Ort.InferenceSession;
  /** The execution provider actually in use. */
  device: 'cpu' | 'cuda';
}

/**
 * Opens an inference session on the requested device. onnxruntime throws when the CUDA provider's libraries
 * are absent (the CPU-only install), so a CUDA request falls back to CPU with one warning per process unless
 * strictDevice is set.
 */
export async function openSession(
  model: Uint8Array | string,
  options: DeviceOptions = {},
): Promise<OpenedSession> {
  const device = parseDevice(options.device ?? 'cpu');
  const ort = await loadRuntime();
  const threads = options.threads ?? availableParallelism();
  const base: Ort.InferenceSession.SessionOptions = {
    intraOpNumThreads: threads,
    interOpNumThreads: 1,
    graphOptimizationLevel: 'all',
    // The arena keeps peak-sized buffers forever; scoring blocks vary in size, so plain allocations keep RSS low.
    enableCpuMemArena: false,
    // Idle intra-op threads would otherwise spin between runs. Every run here is followed by JS work (sums, gRPC),
    // so spinning only burns a core that the JS thread, another worker or the coordinator needs: at n = 30,000 it
    // cost a third of the CPU time of a blockwise greedy and made it no faster.
    extra: { session: { intra_op: { allow_spinning: '0' } } },
  };
  const create = (opts: Ort.InferenceSession.SessionOptions) =>
    typeof model === 'string'
      ? ort.InferenceSession.create(model, opts)
      : ort.InferenceSession.create(model, opts);
  if (device.kind === 'cuda') {
    try {
      const session = await create({
        ...base,
        executionProviders: [
          { name: 'cuda', deviceId: device.index } as Ort.InferenceSession.ExecutionProviderConfig,
        ],
      });
      return { session, device: 'cuda' };
    } catch (err) {
      const reason = err instanceof Error ? err.message.split('\n')[0] : String(err);
      if (options.strictDevice) throw new Error(`CUDA device ${device.index} unavailable: ${reason}`);
      if (!fallbackWarned) {
        fallbackWarned = true;
        (options.warn ?? ((m: string) => process.stderr.write(`warning: ${m}\n`)))(
          `CUDA execution provider unavailable (${reason}); falling back to CPU`,
        );
      }
    }
  }
  return { session: await create({ ...base, executionProviders: ['cpu'] }), device: 'cpu' };
}
