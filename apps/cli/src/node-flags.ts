/**
 * V8 options every smartmix process runs with. V8 reads them only when it starts (v8.setFlagsFromString is too
 * late), so they are on every command line that starts one: the bin's shebang (`npx smartmix`), the container
 * images' entry point (the Helm chart's pods) and the command that starts local workers (workerCommand). A test
 * checks that those places agree with this list.
 *
 * --initial-old-space-size: a scoring process keeps its data in ArrayBuffers and only a few tens of MB of JS heap,
 * so V8 derives a tiny old-generation limit from it. Meanwhile onnxruntime-node copies every GEMM's output into a
 * fresh ArrayBuffer; that external memory forces a scavenge every few runs, which promotes whatever is in flight,
 * and the old generation keeps reaching its limit: a worker at n = 30,000 (budget 3,000) ran ~470 full collections,
 * many of them in the gaps between requests, where they delay the next one. A 256 MiB floor leaves it room: 9 full
 * collections, the 1-worker greedy in 20 s instead of 28 s; at n = 100,000 (budget 10,000) the 1-worker run took
 * 194 s instead of 288–301 s, its worker peaking at 1.64 GB instead of 1.55–1.61 GB (BENCHMARKS.md). 64 MiB was
 * not enough (23 s); 128 MiB did as well as 256 MiB at n = 30,000.
 */
export const NODE_FLAGS: readonly string[] = ['--initial-old-space-size=256'];

/** An option's name as V8 compares it (`--a_b=1` and `--a-b=1` are the same option). */
const optionName = (arg: string) => arg.split('=')[0]!.replaceAll('_', '-');

/** The NODE_FLAGS that `execArgv` does not set (an option set to another value counts as set: the user's choice). */
export function missingNodeFlags(execArgv: readonly string[]): string[] {
  const given = new Set(execArgv.map(optionName));
  return NODE_FLAGS.filter((flag) => !given.has(optionName(flag)));
}

/** Node options for a smartmix process started from one with `execArgv`: NODE_FLAGS first, unless already set there. */
export function withNodeFlags(execArgv: readonly string[]): string[] {
  return [...missingNodeFlags(execArgv), ...execArgv];
}

/**
 * The warning for a process started without NODE_FLAGS — a worker run by a command line of its own (not the bin, the
 * image or a coordinator) — since nothing else would show why it scores slower; undefined when they are all set.
 */
export function missingNodeFlagsWarning(execArgv: readonly string[]): string | undefined {
  const missing = missingNodeFlags(execArgv);
  if (missing.length === 0) return undefined;
  return (
    `node runs without ${missing.join(' ')}: scoring will spend much of its time collecting garbage ` +
    "(see the README's design decisions)"
  );
}
