// Paired rounds, for ratios that hold on a busy machine: each round times every subject once, back
// to back (the order rotates each round), and the ratio of each subject to the baseline is taken
// within the round. A burst of load from another process then skews one round's pair, not the
// ratio of two medians taken minutes apart; the reported ratio is the median over rounds, with
// its interquartile range as the spread. A sample is timed in CPU time of this process
// (process.cpuUsage(), microseconds), not wall time: on a machine shared with other jobs, a sample
// that the scheduler preempts then does not count the time it waited (the collector's helper
// threads are counted, as the work the subject caused). Samples are separated by a turn of the
// event loop, as an application's work is (what a job leaves to the collector is collected after it).
import { consume, median, type Subject } from './harness.js';

export interface PairedSubject extends Subject {
  /** Operations per timed sample, when this subject needs another count than the case's (a slow one). */
  readonly iterations?: number;
  /**
   * Whether the sample's time includes the end of its job (the microtasks its work queued): what
   * development mode does for objects that outlive the job is done then.
   */
  readonly untilEndOfJob?: boolean;
  /** Untimed work after each sample (releasing what it made). */
  cleanUp?(): void;
}

export interface PairedCase {
  readonly title: string;
  /** The first subject is the baseline of the ratios. */
  readonly subjects: readonly PairedSubject[];
  /** Operations per timed sample (each sample should take a few milliseconds). */
  readonly iterations: number;
}

export interface Spread {
  readonly median: number;
  /** The 25th and 75th percentiles. */
  readonly low: number;
  readonly high: number;
}

export interface PairedResult {
  readonly title: string;
  readonly baseline: string;
  /** Median CPU ns per operation, by subject. */
  readonly ns: ReadonlyMap<string, number>;
  /** Per-round time ratio subject / baseline (above 1: slower than the baseline), by subject. */
  readonly ratios: ReadonlyMap<string, Spread>;
  readonly rounds: number;
}

function quantile(sorted: readonly number[], q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return (sorted[lo] as number) + ((sorted[hi] as number) - (sorted[lo] as number)) * (at - lo);
}

export function spreadOf(values: readonly number[]): Spread {
  const sorted = [...values].sort((a, b) => a - b);
  return { median: median(sorted), low: quantile(sorted, 0.25), high: quantile(sorted, 0.75) };
}

function nextTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** CPU nanoseconds used by this process so far. */
function cpuNs(): number {
  const { user, system } = process.cpuUsage();
  return (user + system) * 1000;
}

async function sample(subject: PairedSubject, iterations: number): Promise<number> {
  const n = subject.iterations ?? iterations;
  const start = cpuNs();
  consume(subject.run(n));
  // Microtasks run in order: those the work queued run before this await returns.
  if (subject.untilEndOfJob === true) await Promise.resolve();
  const ns = (cpuNs() - start) / n;
  subject.cleanUp?.();
  return ns;
}

/** `warmUp` untimed rounds, then `rounds` timed ones. */
export async function runPaired(bench: PairedCase, rounds: number, warmUp: number): Promise<PairedResult> {
  const subjects = bench.subjects;
  const baseline = subjects[0];
  if (baseline === undefined) throw new Error(`runPaired: "${bench.title}" has no subjects.`);
  const times = subjects.map((): number[] => []);
  const ratios = subjects.map((): number[] => []);
  for (let round = -warmUp; round < rounds; round++) {
    const roundTimes = new Array<number>(subjects.length);
    for (let k = 0; k < subjects.length; k++) {
      const index = (Math.abs(round) + k) % subjects.length;
      roundTimes[index] = await sample(subjects[index] as PairedSubject, bench.iterations);
      await nextTurn();
    }
    if (round < 0) continue;
    roundTimes.forEach((ns, index) => {
      times[index]?.push(ns);
      ratios[index]?.push(ns / (roundTimes[0] as number));
    });
  }
  return {
    title: bench.title,
    baseline: baseline.name,
    ns: new Map(subjects.map((s, i) => [s.name, median(times[i] ?? [])] as const)),
    ratios: new Map(subjects.map((s, i) => [s.name, spreadOf(ratios[i] ?? [])] as const)),
    rounds,
  };
}

function formatNs(ns: number): string {
  return ns < 10 ? ns.toFixed(2) : ns < 100 ? ns.toFixed(1) : ns.toFixed(0);
}

/** A table: median CPU ns/op, and the median per-round ratio to the baseline with its interquartile range. */
export function printPaired(result: PairedResult): void {
  const lines = [`\n## ${result.title}`, `${'subject'.padEnd(24)} ${'cpu ns/op'.padStart(9)}   ${`/ ${result.baseline} (median of ${result.rounds} rounds, IQR)`}`];
  for (const [name, ns] of result.ns) {
    const r = result.ratios.get(name);
    const ratio = r === undefined ? '-' : `${r.median.toFixed(2)}x (${r.low.toFixed(2)}–${r.high.toFixed(2)})`;
    lines.push(`${name.padEnd(24)} ${formatNs(ns).padStart(9)}   ${ratio}`);
  }
  console.log(lines.join('\n'));
}
