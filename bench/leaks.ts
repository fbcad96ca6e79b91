// npm run bench, second part: leak detection's development mode against production mode, in
// this one process, interleaved, in paired rounds (bench/paired.ts: each round times every mode
// back to back, the ratio is taken within the round, the median over rounds is reported with its
// interquartile range). Targets (issue 14): emit with 0, 1 and 10 slots in development within 10%
// of production (it is the same code); create, connect and dispose in development without stacks
// within 3x of production. Creating and connecting objects that are kept, and everything with
// stacks, is measured and reported.
import { printPaired, runPaired, type PairedCase, type PairedResult, type PairedSubject } from './paired.js';
import { configureLeakDetection, type LeakDetectionOptions } from '../src/index.js';
import { Widget } from './widget.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 31);
const WARM_UP = 5;
const PROD = 'production';
const DEV = 'development';
const STACKS = 'development + stacks';

const ignore = (): void => {};
const modes: Record<string, LeakDetectionOptions> = {
  [PROD]: { enabled: false },
  [DEV]: { enabled: true, captureStacks: false, onLeak: ignore },
  [STACKS]: { enabled: true, captureStacks: true, onLeak: ignore },
};

/** Stacks cost about 100x: fewer operations per sample keep its samples as long as the others'. */
const STACKS_SHARE = 1 / 20;

/** A subject that runs with leak detection configured as `mode`. */
function inMode(mode: string, iterations: number | undefined, run: (n: number) => unknown): PairedSubject {
  const options = modes[mode] ?? {};
  const subject: PairedSubject = {
    name: mode,
    run: (n) => {
      configureLeakDetection(options);
      return run(n);
    },
  };
  return iterations === undefined ? subject : { ...subject, iterations };
}

let total = 0;
const slot = (n: number): void => {
  total += n;
};

/** A widget made in `mode` with `slots` slots on `clicked` (emission must not depend on where it was made). */
function connectedWidget(mode: string, slots: number): Widget {
  configureLeakDetection(modes[mode] ?? {});
  const widget = new Widget();
  for (let k = 0; k < slots; k++) widget.clicked.connect((n: number) => slot(n + k));
  return widget;
}

/** One loop for every subject, so that both modes run the same optimised code (only the signal differs). */
function emitMany(signal: Widget['clicked'], n: number): number {
  for (let i = 0; i < n; i++) signal.emit(i);
  return total;
}

/**
 * V8 gives the first instances of a class room to grow and settles its shape after a few
 * (slack tracking): make those before the measured objects, so that no subject gets an object
 * of a shape the others do not have.
 */
function settleShapes(): void {
  configureLeakDetection(modes[PROD] ?? {});
  for (let i = 0; i < 100; i++) new Widget().clicked.connect(slot).disconnect();
}

/** Samples of about 10 ms each: an emit to no slot takes a few nanoseconds, so a sample needs millions. */
const emitIterations: Record<number, number> = { 0: 4_000_000, 1: 1_000_000, 10: 100_000 };

function emitCase(slots: number): PairedCase {
  settleShapes();
  const emitIn = (mode: string): PairedSubject => {
    const signal = connectedWidget(mode, slots).clicked;
    return inMode(mode, undefined, (n) => emitMany(signal, n));
  };
  return { title: `emit to ${slots} slot${slots === 1 ? '' : 's'}`, iterations: emitIterations[slots] ?? 100_000, subjects: [emitIn(PROD), emitIn(DEV)] };
}

const OBJECTS = 10_000;

function createCase(): PairedCase {
  const createIn = (mode: string, iterations?: number): PairedSubject => {
    const made: Widget[] = [];
    return {
      ...inMode(mode, iterations, (n) => {
        for (let i = 0; i < n; i++) {
          const widget = new Widget();
          widget.clicked.connect(slot);
          made.push(widget);
        }
        return made.length;
      }),
      untilEndOfJob: true,
      cleanUp: () => {
        for (const widget of made.splice(0)) widget.dispose();
      },
    };
  };
  return {
    title: 'create an object with 5 signals and connect one slot, kept past the end of the job (its records and probe are made then, and timed)',
    iterations: OBJECTS,
    subjects: [createIn(PROD), createIn(DEV), createIn(STACKS, OBJECTS * STACKS_SHARE)],
  };
}

function lifecycleCase(): PairedCase {
  const lifecycleIn = (mode: string, iterations?: number): PairedSubject =>
    inMode(mode, iterations, (n) => {
      for (let i = 0; i < n; i++) {
        const widget = new Widget();
        widget.clicked.connect(slot);
        widget.dispose();
      }
      return n;
    });
  return { title: 'create, connect one slot, dispose', iterations: OBJECTS, subjects: [lifecycleIn(PROD), lifecycleIn(DEV), lifecycleIn(STACKS, OBJECTS * STACKS_SHARE)] };
}

/** "development costs 1.04x production (IQR 1.01–1.07; target: at most 1.10x: met)". */
function costLine(result: PairedResult, subject: string, target: number | undefined): string {
  const r = result.ratios.get(subject);
  if (r === undefined) throw new Error(`costLine: no subject named ${subject} in "${result.title}".`);
  const verdict = target === undefined ? 'reported' : `target: at most ${target.toFixed(2)}x: ${r.median <= target ? 'met' : 'NOT met'}`;
  return `${subject} costs ${r.median.toFixed(2)}x ${PROD} (IQR ${r.low.toFixed(2)}–${r.high.toFixed(2)}; ${verdict})`;
}

console.log(`# slotguard leak detection: development vs production mode (${ROUNDS} paired rounds after ${WARM_UP} warm-up rounds; CPU ns/op and ratios are medians)`);
const summary: string[] = [];
for (const slots of [0, 1, 10]) {
  const result = await runPaired(emitCase(slots), ROUNDS, WARM_UP);
  printPaired(result);
  summary.push(`emit to ${slots}: ${costLine(result, DEV, 1.1)}`);
  console.log(summary.at(-1));
}
const lifecycle = await runPaired(lifecycleCase(), ROUNDS, WARM_UP);
printPaired(lifecycle);
summary.push(`create, connect, dispose: ${costLine(lifecycle, DEV, 3)}`);
console.log(summary.at(-1));
console.log(costLine(lifecycle, STACKS, undefined));
const created = await runPaired(createCase(), ROUNDS, WARM_UP);
printPaired(created);
console.log(costLine(created, DEV, undefined));
console.log(costLine(created, STACKS, undefined));
console.log(`\n## summary (development / production, this run)\n${summary.join('\n')}`);
