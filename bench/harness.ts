// The benchmark harness: every subject of a case runs in this one process, interleaved (the order
// rotates each round), for several rounds; we report the median time per operation and ratios of
// throughput to named peers. Leak detection's dev-mode subjects plug in as more `Subject`s.

export interface Subject {
  readonly name: string;
  /** Runs the operation `iterations` times; returns something so the work cannot be optimised away. */
  run(iterations: number): unknown;
}

export interface BenchCase {
  readonly title: string;
  readonly subjects: readonly Subject[];
  /** Operations per timed sample (each sample should take a few milliseconds). */
  readonly iterations: number;
}

export interface CaseResult {
  readonly title: string;
  /** Median nanoseconds per operation, by subject name. */
  readonly medians: ReadonlyMap<string, number>;
}

/** Where results go so the JIT cannot drop the work that made them. */
export const sink: { value: unknown } = { value: undefined };

export function consume(value: unknown): void {
  sink.value = value;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/**
 * The clock: the process's CPU time (user + system), so that on a busy machine the time the
 * process waited for a core is not charged to whichever subject was running (measured with
 * seven jobs on two cores: wall time came out 5-8x the CPU time and moved ratios by up to 2x
 * between processes). It counts every thread, the collector's and the JIT's helpers too (a
 * thread's own CPU time is not precise enough here: Linux updates it once per scheduler tick).
 * BENCH_CLOCK=wall uses the wall clock instead, for an idle machine.
 */
const WALL = process.env.BENCH_CLOCK === 'wall';

/** Which clock the samples are on (for the report's header). */
export const clockName = WALL ? 'wall time' : 'process CPU time';

/** Nanoseconds on the benchmark's clock since an arbitrary start. */
export function now(): number {
  if (WALL) return Number(process.hrtime.bigint());
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

function elapsed(start: number): number {
  return now() - start;
}

function timeOnce(subject: Subject, iterations: number): number {
  const start = now();
  consume(subject.run(iterations));
  return elapsed(start) / iterations;
}

/** Runs a case: one untimed warm-up round, then `rounds` interleaved timed rounds. */
export function runCase(bench: BenchCase, rounds: number): CaseResult {
  const samples = new Map<string, number[]>(bench.subjects.map((s) => [s.name, []]));
  for (const subject of bench.subjects) timeOnce(subject, bench.iterations);
  for (let round = 0; round < rounds; round++) {
    const n = bench.subjects.length;
    for (let k = 0; k < n; k++) {
      const subject = bench.subjects[(round + k) % n] as Subject;
      samples.get(subject.name)?.push(timeOnce(subject, bench.iterations));
    }
  }
  const medians = new Map([...samples].map(([name, values]) => [name, median(values)] as const));
  return { title: bench.title, medians };
}

/** A subject whose objects are released after each sample, untimed: `run` measures only what it is named for. */
export interface CleanSubject extends Subject {
  cleanUp(): void;
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function sample(subject: Subject & Partial<CleanSubject>, iterations: number): number {
  const start = now();
  consume(subject.run(iterations));
  const ns = elapsed(start) / iterations;
  subject.cleanUp?.();
  return ns;
}

/**
 * `runCase` with a turn of the event loop after every sample. Development mode makes WeakRefs,
 * and V8 keeps every object a WeakRef was made for alive until the current job ends: a case that
 * ran all its rounds in one job would measure that instead.
 */
export async function runCaseInTurns(bench: BenchCase, rounds: number): Promise<CaseResult> {
  const samples = new Map<string, number[]>(bench.subjects.map((s) => [s.name, []]));
  for (const subject of bench.subjects) {
    sample(subject, bench.iterations);
    await nextTurn();
  }
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < bench.subjects.length; k++) {
      const subject = bench.subjects[(round + k) % bench.subjects.length] as Subject;
      samples.get(subject.name)?.push(sample(subject, bench.iterations));
      await nextTurn();
    }
  }
  return { title: bench.title, medians: new Map([...samples].map(([name, values]) => [name, median(values)] as const)) };
}

function formatNs(ns: number): string {
  return ns < 10 ? ns.toFixed(2) : ns < 100 ? ns.toFixed(1) : ns.toFixed(0);
}

/**
 * Prints a case as a table: median ns/op, and throughput relative to each peer in `ratiosTo`
 * (a ratio above 1.0 means the subject is faster than that peer).
 */
export function printCase(result: CaseResult, ratiosTo: readonly string[]): string {
  const lines = [`\n## ${result.title}`];
  const header = ['subject'.padEnd(28), 'ns/op'.padStart(9), ...ratiosTo.map((peer) => `vs ${peer}`.padStart(18))];
  lines.push(header.join(' '));
  for (const [name, ns] of result.medians) {
    const ratios = ratiosTo.map((peer) => {
      const peerNs = result.medians.get(peer);
      return (peerNs === undefined ? '-' : `${(peerNs / ns).toFixed(2)}x`).padStart(18);
    });
    lines.push([name.padEnd(28), formatNs(ns).padStart(9), ...ratios].join(' '));
  }
  const text = lines.join('\n');
  console.log(text);
  return text;
}

/** Throughput ratio of `subject` to `peer` (> 1 means faster). */
export function ratio(result: CaseResult, subject: string, peer: string): number {
  const a = result.medians.get(subject);
  const b = result.medians.get(peer);
  if (a === undefined || b === undefined) throw new Error(`ratio: no subject named ${a === undefined ? subject : peer} in "${result.title}".`);
  return b / a;
}

declare const gc: (() => void) | undefined;

/** Bytes retained per object made by `make`, over `count` objects (needs node --expose-gc). */
export function retainedBytes(make: (i: number) => unknown, count = 100_000): number {
  if (typeof gc !== 'function') throw new Error('retainedBytes needs node --expose-gc.');
  const kept: unknown[] = new Array<unknown>(count).fill(0);
  gc();
  gc();
  const before = process.memoryUsage().heapUsed;
  for (let i = 0; i < count; i++) kept[i] = make(i);
  gc();
  gc();
  const after = process.memoryUsage().heapUsed;
  consume(kept);
  return (after - before) / count;
}
