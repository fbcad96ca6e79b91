// npm run bench, second part: leak detection's development mode against production mode, in
// this one process, interleaved, medians of several rounds. Targets (issue 14): emit with 0, 1
// and 10 slots in development within 10% of production (it is the same code); create, connect
// and dispose in development without stacks within 3x of production. Creating and connecting
// objects that are kept, and everything with stacks, is measured and reported.
//
// Samples are separated by a turn of the event loop, as an application's work is (what a job
// creates and leaves to the collector is collected after it).
import { printCase, runCaseInTurns, type BenchCase, type CaseResult, type CleanSubject, type Subject } from './harness.js';
import { configureLeakDetection, type LeakDetectionOptions } from '../src/index.js';
import { Widget } from './widget.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const PROD = 'production';
const DEV = 'development';
const STACKS = 'development + stacks';

const ignore = (): void => {};
const modes: Record<string, LeakDetectionOptions> = {
  [PROD]: { enabled: false },
  [DEV]: { enabled: true, captureStacks: false, onLeak: ignore },
  [STACKS]: { enabled: true, captureStacks: true, onLeak: ignore },
};

/** A subject that runs with leak detection configured as `mode`. */
function inMode(mode: string, run: (n: number) => unknown): Subject {
  const options = modes[mode] ?? {};
  return {
    name: mode,
    run: (n) => {
      configureLeakDetection(options);
      return run(n);
    },
  };
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

function emitCase(slots: number): BenchCase {
  settleShapes();
  const emitIn = (mode: string): Subject => {
    const signal = connectedWidget(mode, slots).clicked;
    return inMode(mode, (n) => emitMany(signal, n));
  };
  return { title: `emit to ${slots} slot${slots === 1 ? '' : 's'}`, iterations: slots === 0 ? 2_000_000 : 200_000, subjects: [emitIn(PROD), emitIn(DEV)] };
}

function createCase(): BenchCase {
  const createIn = (mode: string): CleanSubject => {
    const made: Widget[] = [];
    return {
      ...inMode(mode, (n) => {
        for (let i = 0; i < n; i++) {
          const widget = new Widget();
          widget.clicked.connect(slot);
          made.push(widget);
        }
        return made.length;
      }),
      cleanUp: () => {
        for (const widget of made.splice(0)) widget.dispose();
      },
    };
  };
  return { title: 'create an object with 5 signals and connect one slot (kept to the end of the sample)', iterations: 2_000, subjects: [createIn(PROD), createIn(DEV), createIn(STACKS)] };
}

function lifecycleCase(): BenchCase {
  const lifecycleIn = (mode: string): Subject =>
    inMode(mode, (n) => {
      for (let i = 0; i < n; i++) {
        const widget = new Widget();
        widget.clicked.connect(slot);
        widget.dispose();
      }
      return n;
    });
  return { title: 'create, connect one slot, dispose', iterations: 2_000, subjects: [lifecycleIn(PROD), lifecycleIn(DEV), lifecycleIn(STACKS)] };
}

/** "development costs 1.04x production (target: at most 1.10x)". */
function costLine(result: CaseResult, subject: string, target: number | undefined): string {
  const cost = (result.medians.get(subject) ?? NaN) / (result.medians.get(PROD) ?? NaN);
  const verdict = target === undefined ? '(reported)' : `(target: at most ${target.toFixed(2)}x: ${cost <= target ? 'met' : 'NOT met'})`;
  return `${subject} costs ${cost.toFixed(2)}x ${PROD} ${verdict}`;
}

console.log(`# slotguard leak detection: development vs production mode (${ROUNDS} rounds, median ns/op)`);
for (const slots of [0, 1, 10]) {
  const result = await runCaseInTurns(emitCase(slots), ROUNDS);
  printCase(result, [PROD]);
  console.log(costLine(result, DEV, 1.1));
}
const lifecycle = await runCaseInTurns(lifecycleCase(), ROUNDS);
printCase(lifecycle, [PROD]);
console.log(costLine(lifecycle, DEV, 3));
console.log(costLine(lifecycle, STACKS, undefined));
const created = await runCaseInTurns(createCase(), ROUNDS);
printCase(created, [PROD]);
console.log(costLine(created, DEV, undefined));
console.log(costLine(created, STACKS, undefined));
