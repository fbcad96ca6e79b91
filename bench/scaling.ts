// npm run bench: how the runtime's bookkeeping scales. Each case runs at two sizes, interleaved in
// this process, and reports the median cost per item at each size and their ratio: about 1.0 means
// linear in total (O(1) per item), about 10 means quadratic (O(n) per item, n ten times larger).
// Times are CPU time of this process, each after a full collection (node --expose-gc).
import { median } from './harness.js';

process.env.NODE_ENV ??= 'production';
const { Signal, SignalObject } = await import('../src/index.js');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const SMALL = 4_000;
const LARGE = 40_000;

interface ScalingCase {
  readonly title: string;
  /** Runs the case with `n` items; returns the nanoseconds it took. */
  run(n: number): number;
}

declare const gc: (() => void) | undefined;

/**
 * CPU nanoseconds `body` takes (process.cpuUsage(): time spent preempted on a busy machine does
 * not count), after a full collection, so that no sample pays for the garbage of the one before.
 */
function timed(body: () => void): number {
  if (typeof gc === 'function') gc();
  const before = process.cpuUsage();
  body();
  const { user, system } = process.cpuUsage(before);
  return (user + system) * 1000;
}

const cases: ScalingCase[] = [
  {
    title: 'dispose a parent of n children',
    run: (n) => {
      const parent = new SignalObject();
      for (let i = 0; i < n; i++) new SignalObject(parent);
      return timed(() => parent.dispose());
    },
  },
  {
    title: 'dispose n children one by one, from the first',
    run: (n) => {
      const parent = new SignalObject();
      const kids = Array.from({ length: n }, () => new SignalObject(parent));
      return timed(() => {
        for (const kid of kids) kid.dispose();
      });
    },
  },
  {
    title: 'connect n slots with one AbortSignal, then abort',
    run: (n) => {
      const signal = new Signal<[number]>();
      const controller = new AbortController();
      const slot = (): void => {};
      return timed(() => {
        for (let i = 0; i < n; i++) signal.connect(slot, { signal: controller.signal });
        controller.abort();
      });
    },
  },
];

console.log(`slotguard scaling benchmark: node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${ROUNDS} rounds, sizes ${SMALL} and ${LARGE}`);
for (const c of cases) {
  const perItem = new Map<number, number[]>([[SMALL, []], [LARGE, []]]);
  c.run(SMALL); // warm-up
  for (let round = 0; round < ROUNDS; round++) {
    for (const n of round % 2 === 0 ? [SMALL, LARGE] : [LARGE, SMALL]) perItem.get(n)?.push(c.run(n) / n);
  }
  const small = median(perItem.get(SMALL) ?? []);
  const large = median(perItem.get(LARGE) ?? []);
  console.log(`${c.title.padEnd(52)} ${small.toFixed(0).padStart(7)} ns/item at ${SMALL}, ${large.toFixed(0).padStart(7)} at ${LARGE}: ${(large / small).toFixed(2)}x per item (1.0 = linear)`);
}
