// npm run bench: slotguard's runtime against its peers (node:events, EventTarget, eventemitter3,
// tseep, mitt, mini-signals, typed-signals) and the limits (a plain loop over an array of
// functions; the same allocations written by hand), all in this process, interleaved, medians
// of several rounds. BENCH_MODE=development runs it with leak detection on (the default outside
// production); otherwise NODE_ENV=production. `npm run bench` runs both modes.
import { EventEmitter as NodeEmitter } from 'node:events';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import { MiniSignal } from 'mini-signals';
import mittModule from 'mitt';
import { EventEmitter as Tseep } from 'tseep';
import { Signal as TypedSignal } from 'typed-signals';
import { HandClassWidget, HandWidget, handSignal } from './floor.js';
import { median, printCase, ratio, retainedBytes, runCaseInTurns, type BenchCase, type CaseResult, type CleanSubject, type Subject } from './harness.js';

// mitt's types describe its CommonJS build; Node loads its ES module, whose default export is the factory.
const mitt = mittModule as unknown as typeof mittModule.default;

const MODE = process.env.BENCH_MODE === 'development' ? 'development' : 'production';
if (MODE === 'production') process.env.NODE_ENV = 'production';
else if (process.env.NODE_ENV === 'production') delete process.env.NODE_ENV;
const { Signal, SignalObject, configureLeakDetection } = await import('../src/index.js');
const { Widget, ClassWidget } = await import('./widget.js');
if (MODE === 'development') configureLeakDetection({ enabled: true, onLeak: () => {} });

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const SG = 'slotguard';
const SG_CLASS = 'slotguard class-level';
const NODE = 'node:events';
const TARGET = 'EventTarget';
const EE3 = 'eventemitter3';
const TSEEP = 'tseep';
const MITT = 'mitt';
const MINI = 'mini-signals';
const TYPED = 'typed-signals';
const LOOP = 'plain loop (limit)';
const FLOOR = 'by hand (floor)';
const LIST_FLOOR = 'linked list by hand (floor)';
const CLASS_FLOOR = 'by hand, class-level (floor)';

type Slot = (n: number) => void;
let total = 0;
/** Distinct slot closures with the same code, like the listeners of a real application. */
function makeSlots(count: number): Slot[] {
  return Array.from({ length: count }, (_, k) => (n: number) => {
    total += n + k;
  });
}

const state = { a: 0, b: 0, c: 0, d: 0, e: 0, f: 0, g: 0, h: 0, i: 0, j: 0, log: [] as number[] };
/** Ten listeners with different code each: their call site sees ten targets, so none is inlined. */
const distinctListeners: Slot[] = [
  (n) => { state.a += n; },
  (n) => { state.b ^= n; },
  (n) => { state.c = (state.c + n * 3) | 0; },
  (n) => { if (n % 7 === 0) state.d++; },
  (n) => { state.e = Math.max(state.e, n & 1023); },
  (n) => { state.f = (state.f * 31 + n) >>> 0; },
  (n) => { state.g += n > 100 ? 1 : -1; },
  (n) => { state.h = n.toString(16).length + state.h; },
  (n) => { if (state.log.length < 64) state.log.push(n); else state.log[n & 63] = n; },
  (n) => { state.j = (state.j + (n << 2)) & 0xffff; },
];

/** Five signals in fields, for the signal-per-field peers. */
class MiniWidget {
  readonly clicked = new MiniSignal<[number]>();
  readonly changed = new MiniSignal<[number]>();
  readonly moved = new MiniSignal<[number]>();
  readonly resized = new MiniSignal<[number]>();
  readonly closed = new MiniSignal<[number]>();
}
class TypedWidget {
  readonly clicked = new TypedSignal<Slot>();
  readonly changed = new TypedSignal<Slot>();
  readonly moved = new TypedSignal<Slot>();
  readonly resized = new TypedSignal<Slot>();
  readonly closed = new TypedSignal<Slot>();
}

type Events = { x: (n: number) => void };

/** One emitter per peer with `slots` (each peer gets its own copies), and a subject that emits `count` times. */
function emitSubjects(slots: () => Slot[]): Subject[] {
  const widget = new Widget();
  const classWidget = new ClassWidget();
  const node = new NodeEmitter();
  const target = new EventTarget();
  const ee3 = new EventEmitter3();
  const tseep = new Tseep<Events>();
  const m = mitt<{ x: number }>();
  const mini = new MiniSignal<[number]>();
  const typed = new TypedSignal<Slot>();
  const loop = slots();
  const hand = handSignal();
  for (const slot of slots()) hand.connect(slot);
  for (const slot of slots()) widget.clicked.connect(slot);
  for (const slot of slots()) classWidget.clicked.connect(slot);
  for (const slot of slots()) node.on('x', slot);
  let detail = 0;
  for (const slot of slots()) target.addEventListener('x', () => slot(detail));
  for (const slot of slots()) ee3.on('x', slot);
  for (const slot of slots()) tseep.on('x', slot);
  for (const slot of slots()) m.on('x', slot);
  for (const slot of slots()) mini.add(slot);
  for (const slot of slots()) typed.connect(slot);
  const event = new Event('x'); // reused: the peer is not charged for an Event per emission
  return [
    { name: SG, run: (n) => { const s = widget.clicked; for (let i = 0; i < n; i++) s.emit(i); return total; } },
    { name: SG_CLASS, run: (n) => { for (let i = 0; i < n; i++) classWidget.clicked.emit(i); return total; } },
    { name: NODE, run: (n) => { for (let i = 0; i < n; i++) node.emit('x', i); return total; } },
    { name: TARGET, run: (n) => { for (let i = 0; i < n; i++) { detail = i; target.dispatchEvent(event); } return total; } },
    { name: EE3, run: (n) => { for (let i = 0; i < n; i++) ee3.emit('x', i); return total; } },
    { name: TSEEP, run: (n) => { for (let i = 0; i < n; i++) tseep.emit('x', i); return total; } },
    { name: MITT, run: (n) => { for (let i = 0; i < n; i++) m.emit('x', i); return total; } },
    { name: MINI, run: (n) => { for (let i = 0; i < n; i++) mini.dispatch(i); return total; } },
    { name: TYPED, run: (n) => { for (let i = 0; i < n; i++) typed.emit(i); return total; } },
    { name: LOOP, run: (n) => { for (let i = 0; i < n; i++) for (let k = 0; k < loop.length; k++) (loop[k] as Slot)(i); return total; } },
    { name: LIST_FLOOR, run: (n) => { for (let i = 0; i < n; i++) hand.emit(i); return total; } },
  ];
}

function emitCase(slotCount: number): BenchCase {
  return {
    title: `emit to ${slotCount} slot${slotCount === 1 ? '' : 's'}`,
    subjects: emitSubjects(() => makeSlots(slotCount)),
    iterations: slotCount >= 10 ? 100_000 : 500_000,
  };
}

function distinctCase(): BenchCase {
  return { title: 'emit to 10 distinct, non-inlinable listeners', subjects: emitSubjects(() => [...distinctListeners]), iterations: 100_000 };
}

function connectDisconnectCase(): BenchCase {
  const [slot, ...others] = makeSlots(6) as [Slot, ...Slot[]];
  const widget = new Widget();
  const classWidget = new ClassWidget();
  const node = new NodeEmitter();
  const target = new EventTarget();
  const ee3 = new EventEmitter3();
  const tseep = new Tseep<Events>();
  const m = mitt<{ x: number }>();
  const mini = new MiniSignal<[number]>();
  const typed = new TypedSignal<Slot>();
  for (const other of others) {
    widget.clicked.connect(other);
    classWidget.clicked.connect(other);
    node.on('x', other);
    target.addEventListener('x', other as unknown as EventListener);
    ee3.on('x', other);
    tseep.on('x', other);
    m.on('x', other);
    mini.add(other);
    typed.connect(other);
  }
  const listener = slot as unknown as EventListener;
  return {
    title: 'connect + disconnect one slot on a signal that has 5',
    iterations: 200_000,
    subjects: [
      { name: SG, run: (n) => { for (let i = 0; i < n; i++) widget.clicked.connect(slot).disconnect(); return widget.clicked.connectionCount; } },
      { name: SG_CLASS, run: (n) => { for (let i = 0; i < n; i++) classWidget.clicked.connect(slot).disconnect(); return classWidget.clicked.connectionCount; } },
      { name: NODE, run: (n) => { for (let i = 0; i < n; i++) { node.on('x', slot); node.off('x', slot); } return node; } },
      { name: TARGET, run: (n) => { for (let i = 0; i < n; i++) { target.addEventListener('x', listener); target.removeEventListener('x', listener); } return target; } },
      { name: EE3, run: (n) => { for (let i = 0; i < n; i++) { ee3.on('x', slot); ee3.off('x', slot); } return ee3; } },
      { name: TSEEP, run: (n) => { for (let i = 0; i < n; i++) { tseep.on('x', slot); tseep.off('x', slot); } return tseep; } },
      { name: MITT, run: (n) => { for (let i = 0; i < n; i++) { m.on('x', slot); m.off('x', slot); } return m; } },
      { name: MINI, run: (n) => { for (let i = 0; i < n; i++) mini.detach(mini.add(slot)); return mini; } },
      { name: TYPED, run: (n) => { for (let i = 0; i < n; i++) typed.connect(slot).disconnect(); return typed; } },
    ],
  };
}

/** A creating subject: what it makes is kept for the sample and released afterwards, untimed (disposed, for slotguard). */
function creating(name: string, make: (slot: Slot) => unknown, release?: (made: unknown) => void): CleanSubject {
  const [slot] = makeSlots(1) as [Slot];
  const made: unknown[] = [];
  return {
    name,
    run: (n) => {
      for (let i = 0; i < n; i++) made.push(make(slot));
      return made.length;
    },
    cleanUp: () => {
      const all = made.splice(0);
      if (release !== undefined) for (const object of all) release(object);
    },
  };
}

function createCase(): BenchCase {
  const dispose = (object: unknown): void => {
    (object as { dispose(): void }).dispose();
  };
  return {
    title: 'create an object with 5 signals + connect one slot',
    iterations: 5_000,
    subjects: [
      creating(SG, (slot) => { const w = new Widget(); w.clicked.connect(slot); return w; }, dispose),
      creating(SG_CLASS, (slot) => { const w = new ClassWidget(); w.clicked.connect(slot); return w; }, dispose),
      creating(FLOOR, (slot) => { const w = new HandWidget(); w.clicked.connect(slot); return w; }),
      creating(CLASS_FLOOR, (slot) => { const w = new HandClassWidget(); w.clicked.connect(slot); return w; }),
      creating(NODE, (slot) => new NodeEmitter().on('x', slot)),
      creating(TARGET, (slot) => { const t = new EventTarget(); t.addEventListener('x', slot as unknown as EventListener); return t; }),
      creating(EE3, (slot) => new EventEmitter3().on('x', slot)),
      creating(TSEEP, (slot) => new Tseep<Events>().on('x', slot)),
      creating(MITT, (slot) => { const e = mitt<{ x: number }>(); e.on('x', slot); return e; }),
      creating(MINI, (slot) => { const w = new MiniWidget(); w.clicked.add(slot); return w; }),
      creating(TYPED, (slot) => { const w = new TypedWidget(); w.clicked.connect(slot); return w; }),
    ],
  };
}

function memory(): string[] {
  const [slot] = makeSlots(1) as [Slot];
  const bytes = (make: () => unknown): number => median([1, 2, 3].map(() => retainedBytes(make)));
  const field = bytes(() => new Widget());
  const fieldOne = bytes(() => { const w = new Widget(); w.clicked.connect(slot); return w; });
  const fieldTwo = bytes(() => { const w = new Widget(); w.clicked.connect(slot); w.changed.connect(slot); return w; });
  const klass = bytes(() => new ClassWidget());
  const klassOne = bytes(() => { const w = new ClassWidget(); w.clicked.connect(slot); return w; });
  const node = bytes(() => new NodeEmitter());
  const nodeOne = bytes(() => new NodeEmitter().on('x', slot));
  const target = bytes(() => new EventTarget());
  const ee3 = bytes(() => new EventEmitter3());
  const ee3One = bytes(() => new EventEmitter3().on('x', slot));
  const tseep = bytes(() => new Tseep<Events>());
  const m = bytes(() => mitt<{ x: number }>());
  const mini = bytes(() => new MiniWidget());
  const miniOne = bytes(() => { const w = new MiniWidget(); w.clicked.add(slot); return w; });
  const typed = bytes(() => new TypedWidget());
  const typedOne = bytes(() => { const w = new TypedWidget(); w.clicked.connect(slot); return w; });
  const rows: [string, number, string][] = [
    ['slotguard, 5 signals as fields, unconnected', field, `target <= ${node.toFixed(0)} B (node:events)`],
    ['slotguard, 5 class-level signals, unconnected', klass, 'target <= 100 B'],
    ['node:events EventEmitter', node, ''],
    ['EventTarget', target, ''],
    ['eventemitter3', ee3, ''],
    ['tseep', tseep, ''],
    ['mitt', m, ''],
    ['mini-signals, 5 signals in fields', mini, ''],
    ['typed-signals, 5 signals in fields', typed, ''],
    ['slotguard fields: first connection', fieldOne - field, ''],
    ['slotguard fields: connection on a second signal', fieldTwo - fieldOne, ''],
    ['slotguard class-level: first connection (makes the signal)', klassOne - klass, ''],
    ['node:events: first listener', nodeOne - node, ''],
    ['eventemitter3: first listener', ee3One - ee3, ''],
    ['mini-signals: first listener', miniOne - mini, ''],
    ['typed-signals: first listener', typedOne - typed, ''],
  ];
  const lines = ['\n## memory (bytes retained per object, 100,000 objects, median of 3)'];
  for (const [what, value, note] of rows) lines.push(`${what.padEnd(58)} ${value.toFixed(1).padStart(7)} B  ${note}`);
  console.log(lines.join('\n'));
  return [
    `memory, fields: ${field.toFixed(0)} B (target <= ${node.toFixed(0)} B)`,
    `memory, class-level: ${klass.toFixed(0)} B (target <= 100 B)`,
  ];
}

function fmt(x: number): string {
  return `${x.toFixed(2)}x`;
}

function verdict(value: number, target: number): string {
  return value >= target ? 'met' : 'NOT met';
}

/** Throughput in millions of operations per second. */
function mops(result: CaseResult, subject: string): string {
  return `${(1000 / (result.medians.get(subject) ?? NaN)).toFixed(1)} M/s`;
}

console.log(`slotguard runtime benchmark: node ${process.version}, ${MODE} mode, ${ROUNDS} rounds, median ns/op, ratios = throughput vs that subject (> 1 is faster)`);
const summary = memory();
for (const slots of [0, 1, 10]) {
  const result = await runCaseInTurns(emitCase(slots), ROUNDS);
  printCase(result, [EE3, NODE, TSEEP, LOOP]);
  for (const subject of [SG, SG_CLASS]) {
    const e3 = ratio(result, subject, EE3);
    const nd = ratio(result, subject, NODE);
    summary.push(`emit ${slots}, ${subject}: ${mops(result, subject)}, ${fmt(e3)} eventemitter3, ${fmt(nd)} node:events (target >= 1.0: ${verdict(Math.min(e3, nd), 1)}), ${fmt(ratio(result, subject, TSEEP))} tseep, ${fmt(ratio(result, subject, LOOP))} plain loop`);
  }
}
const distinct = await runCaseInTurns(distinctCase(), ROUNDS);
printCase(distinct, [LOOP, LIST_FLOOR, EE3, NODE]);
for (const subject of [SG, SG_CLASS]) {
  const loop = ratio(distinct, subject, LOOP);
  summary.push(`emit to 10 distinct listeners, ${subject}: ${distinct.medians.get(subject)?.toFixed(1)} ns, ${fmt(loop)} plain loop (target >= 0.9: ${verdict(loop, 0.9)}), ${fmt(ratio(distinct, subject, LIST_FLOOR))} its floor (a linked list by hand), ${fmt(ratio(distinct, subject, EE3))} eventemitter3, ${fmt(ratio(distinct, subject, NODE))} node:events`);
}
const churn = await runCaseInTurns(connectDisconnectCase(), ROUNDS);
printCase(churn, [EE3, NODE]);
summary.push(`connect + disconnect: ${fmt(ratio(churn, SG, EE3))} eventemitter3 (target >= 1.0: ${verdict(ratio(churn, SG, EE3), 1)}), class-level ${fmt(ratio(churn, SG_CLASS, EE3))}`);
const create = await runCaseInTurns(createCase(), ROUNDS);
printCase(create, [NODE, EE3, FLOOR, CLASS_FLOOR]);
const fieldVsNode = ratio(create, SG, NODE);
const classVsEe3 = ratio(create, SG_CLASS, EE3);
summary.push(
  `create + connect, fields: ${mops(create, SG)}, ${fmt(fieldVsNode)} node:events (target >= 1.0: ${verdict(fieldVsNode, 1)}), ${fmt(ratio(create, SG, FLOOR))} its floor (${mops(create, FLOOR)})`,
  `create + connect, class-level: ${mops(create, SG_CLASS)}, ${fmt(classVsEe3)} eventemitter3 (target >= 0.5: ${verdict(classVsEe3, 0.5)}), ${fmt(ratio(create, SG_CLASS, CLASS_FLOOR))} its floor (${mops(create, CLASS_FLOOR)}), ${fmt(ratio(create, SG_CLASS, NODE))} node:events`,
);
console.log(`\n## summary (${MODE})\n${summary.join('\n')}`);
// Signal and SignalObject are imported for their side effect of loading the runtime in this mode.
void Signal;
void SignalObject;
