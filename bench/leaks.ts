// npm run bench, second part: leak detection's development mode against production mode, in
// this one process, interleaved, medians of several rounds. Targets (issue 3): emit in
// development within 10% of production; creating an object and its first connection in
// development without stacks within 3x of production; with stacks, measured and reported.
//
// Development mode makes WeakRefs, and V8 keeps every object a WeakRef was made for alive until
// the current job ends. A benchmark that ran all its rounds in one synchronous job would keep
// every object it made and measure that instead; so samples are separated by a turn of the event
// loop, as an application's work is.
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
  [DEV]: { enabled: true, onLeak: ignore },
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

function emitCase(slots: number): BenchCase {
  const emitIn = (mode: string): Subject => {
    const signal = connectedWidget(mode, slots).clicked;
    return inMode(mode, (n) => {
      for (let i = 0; i < n; i++) signal.emit(i);
      return total;
    });
  };
  return { title: `emit to ${slots} slot${slots === 1 ? '' : 's'}`, iterations: 200_000, subjects: [emitIn(PROD), emitIn(DEV)] };
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
  return { title: 'create an object with 5 signals and connect one slot', iterations: 2_000, subjects: [createIn(PROD), createIn(DEV), createIn(STACKS)] };
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
for (const slots of [1, 10]) {
  const result = await runCaseInTurns(emitCase(slots), ROUNDS);
  printCase(result, [PROD]);
  console.log(costLine(result, DEV, 1.1));
}
const created = await runCaseInTurns(createCase(), ROUNDS);
printCase(created, [PROD]);
console.log(costLine(created, DEV, 3));
console.log(costLine(created, STACKS, undefined));
const lifecycle = await runCaseInTurns(lifecycleCase(), ROUNDS);
printCase(lifecycle, [PROD]);
console.log(costLine(lifecycle, DEV, undefined));
console.log(costLine(lifecycle, STACKS, undefined));
