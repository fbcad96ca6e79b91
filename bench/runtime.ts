// npm run bench: slotguard's runtime against its peers (node:events, EventTarget, eventemitter3,
// tseep, mitt, mini-signals, typed-signals) and the limits (a plain loop over an array of
// functions; the same allocations written by hand), all in this process, interleaved, medians
// of several rounds. BENCH_MODE=development runs it with leak detection on (the default outside
// production); otherwise NODE_ENV=production. `npm run bench` runs both modes.
//
// Several processes (BENCH_PROCESSES, default 3), one after the other: each runs every case,
// and the report gives every target's ratio in each process (a target is met when it is met in
// every one) and the tables' medians across processes. JIT decisions differ between processes,
// so one process says less than it seems to.
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { EventEmitter as NodeEmitter } from 'node:events';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import { MiniSignal } from 'mini-signals';
import mittModule from 'mitt';
import { EventEmitter as Tseep } from 'tseep';
import { Signal as TypedSignal } from 'typed-signals';
import { HandClassWidget, HandWidget, handSignal } from './floor.js';
import { clockName, median, printCase, ratio, retainedBytes, runCaseInTurns, type BenchCase, type CaseResult, type CleanSubject, type Subject } from './harness.js';

// mitt's types describe its CommonJS build; Node loads its ES module, whose default export is the factory.
const mitt = mittModule as unknown as typeof mittModule.default;

const MODE = process.env.BENCH_MODE === 'development' ? 'development' : 'production';
if (MODE === 'production') process.env.NODE_ENV = 'production';
else if (process.env.NODE_ENV === 'production') delete process.env.NODE_ENV;
const { Signal, SignalObject, configureLeakDetection } = await import('../src/index.js');
const { Widget, ClassWidget } = await import('./widget.js');
if (MODE === 'development') configureLeakDetection({ enabled: true, onLeak: () => {} });

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 11);
const PROCESSES = Number(process.env.BENCH_PROCESSES ?? 3);
/** Set in the processes the first one starts: the index of this one (0 measures memory too). */
const CHILD = process.env.BENCH_CHILD;
/** A comma-separated subset of the cases (emit0, emit1, emit10, distinct, churn, create, memory), for quick runs. */
const ONLY = process.env.BENCH_CASES?.split(',');
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

type MemoryRows = [what: string, bytes: number, note: string][];

function memory(): MemoryRows {
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
  return [
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
}

function printMemory(rows: MemoryRows): void {
  const lines = ['\n## memory (bytes retained per object, 100,000 objects, median of 3)'];
  for (const [what, value, note] of rows) lines.push(`${what.padEnd(58)} ${value.toFixed(1).padStart(7)} B  ${note}`);
  console.log(lines.join('\n'));
}

/** The cases, by short name; each table's ratios are to the peers listed with it. */
const CASES: { key: string; make: () => BenchCase; peers: string[] }[] = [
  { key: 'emit0', make: () => emitCase(0), peers: [EE3, NODE, TSEEP, LOOP] },
  { key: 'emit1', make: () => emitCase(1), peers: [EE3, NODE, TSEEP, LOOP] },
  { key: 'emit10', make: () => emitCase(10), peers: [EE3, NODE, TSEEP, LOOP] },
  { key: 'distinct', make: distinctCase, peers: [LOOP, LIST_FLOOR, EE3, NODE] },
  { key: 'churn', make: connectDisconnectCase, peers: [EE3, NODE] },
  { key: 'create', make: createCase, peers: [NODE, EE3, FLOOR, CLASS_FLOOR] },
];

/** What one process measured: median ns per subject, by case key; memory from the first process. */
interface ProcessResult {
  memory?: MemoryRows;
  cases: Record<string, Record<string, number>>;
}

async function measure(withMemory: boolean): Promise<ProcessResult> {
  const out: ProcessResult = { cases: {} };
  if (withMemory && (ONLY === undefined || ONLY.includes('memory'))) out.memory = memory();
  for (const { key, make } of CASES) {
    if (ONLY !== undefined && !ONLY.includes(key)) continue;
    out.cases[key] = Object.fromEntries((await runCaseInTurns(make(), ROUNDS)).medians);
  }
  return out;
}

function fmt(x: number): string {
  return `${x.toFixed(2)}x`;
}

/** One target of the issue: a throughput ratio of a subject to a peer in one case, and its goal. */
interface Target {
  readonly label: string;
  readonly key: string;
  readonly subject: string;
  readonly peer: string;
  readonly goal?: number;
}

const TARGETS: Target[] = [
  ...[0, 1, 10].flatMap((n): Target[] =>
    [SG, SG_CLASS].flatMap((subject): Target[] => [
      { label: `emit ${n}, ${subject} vs eventemitter3`, key: `emit${n}`, subject, peer: EE3, ...(subject === SG ? { goal: 1 } : {}) },
      { label: `emit ${n}, ${subject} vs node:events`, key: `emit${n}`, subject, peer: NODE, ...(subject === SG ? { goal: 1 } : {}) },
      { label: `emit ${n}, ${subject} vs tseep`, key: `emit${n}`, subject, peer: TSEEP },
      { label: `emit ${n}, ${subject} vs plain loop`, key: `emit${n}`, subject, peer: LOOP },
    ]),
  ),
  ...[SG, SG_CLASS].flatMap((subject): Target[] => [
    { label: `emit to 10 distinct listeners, ${subject} vs plain loop`, key: 'distinct', subject, peer: LOOP, ...(subject === SG ? { goal: 0.9 } : {}) },
    { label: `emit to 10 distinct listeners, ${subject} vs its floor (linked list by hand)`, key: 'distinct', subject, peer: LIST_FLOOR },
    { label: `emit to 10 distinct listeners, ${subject} vs eventemitter3`, key: 'distinct', subject, peer: EE3 },
    { label: `emit to 10 distinct listeners, ${subject} vs node:events`, key: 'distinct', subject, peer: NODE },
  ]),
  { label: 'emit to 10 distinct listeners, the linked-list floor vs plain loop', key: 'distinct', subject: LIST_FLOOR, peer: LOOP },
  { label: 'connect + disconnect, slotguard vs eventemitter3', key: 'churn', subject: SG, peer: EE3, goal: 1 },
  { label: 'connect + disconnect, class-level vs eventemitter3', key: 'churn', subject: SG_CLASS, peer: EE3 },
  { label: 'create + connect, fields vs node:events', key: 'create', subject: SG, peer: NODE, goal: 1 },
  { label: 'create + connect, fields vs its floor (by hand)', key: 'create', subject: SG, peer: FLOOR },
  { label: 'create + connect, the floor vs node:events', key: 'create', subject: FLOOR, peer: NODE },
  { label: 'create + connect, class-level vs eventemitter3', key: 'create', subject: SG_CLASS, peer: EE3, goal: 0.5 },
  { label: 'create + connect, class-level vs its floor (by hand)', key: 'create', subject: SG_CLASS, peer: CLASS_FLOOR },
  { label: 'create + connect, class-level vs node:events', key: 'create', subject: SG_CLASS, peer: NODE },
];

function caseResult(title: string, medians: Record<string, number>): CaseResult {
  return { title, medians: new Map(Object.entries(medians)) };
}

/** The report: the tables (each subject's median across processes), then every target in each process. */
function report(results: readonly ProcessResult[]): void {
  const withMemory = results.find((r) => r.memory !== undefined)?.memory;
  if (withMemory !== undefined) printMemory(withMemory);
  for (const { key, make, peers } of CASES) {
    const per = results.map((r) => r.cases[key]).filter((c) => c !== undefined);
    if (per.length === 0) continue;
    const names = Object.keys(per[0] as Record<string, number>);
    const medians = Object.fromEntries(names.map((name) => [name, median(per.map((c) => c[name] as number))]));
    const title = `${make().title}${per.length > 1 ? ` (median of ${per.length} processes)` : ''}`;
    printCase(caseResult(title, medians), peers);
  }
  const lines = [`\n## targets (${MODE}): throughput ratio in each process${results.length > 1 ? ' (process 1 / 2 / …)' : ''}, then the median`];
  for (const t of TARGETS) {
    const values = results.flatMap((r) => {
      const c = r.cases[t.key];
      return c === undefined ? [] : [ratio(caseResult(t.key, c), t.subject, t.peer)];
    });
    if (values.length === 0) continue;
    const verdict = t.goal === undefined ? '' : `  (target >= ${t.goal.toFixed(1)}: ${values.every((v) => v >= (t.goal as number)) ? 'met in every process' : values.some((v) => v >= (t.goal as number)) ? 'NOT met in every process' : 'NOT met'})`;
    lines.push(`${t.label}: ${values.map(fmt).join(' / ')}; median ${fmt(median(values))}${verdict}`);
  }
  const create = results.map((r) => r.cases.create).filter((c) => c !== undefined);
  if (create.length > 0) {
    const mops = (subject: string): string => create.map((c) => `${(1000 / (c[subject] ?? NaN)).toFixed(1)}`).join(' / ');
    lines.push(`create + connect throughput, M/s: fields ${mops(SG)}; floor ${mops(FLOOR)}; class-level ${mops(SG_CLASS)}; node:events ${mops(NODE)}; eventemitter3 ${mops(EE3)}`);
  }
  const [field, klass] = withMemory ?? [];
  if (field !== undefined && klass !== undefined) {
    lines.push(`memory, fields: ${field[1].toFixed(0)} B (${field[2]}); class-level: ${klass[1].toFixed(0)} B (${klass[2]})`);
  }
  console.log(lines.join('\n'));
}

if (CHILD !== undefined) {
  // A measuring process: its result goes to the first process as one JSON line.
  const result = await measure(CHILD === '0');
  console.log(`BENCH-RESULT ${JSON.stringify(result)}`);
} else {
  console.log(
    `slotguard runtime benchmark: node ${process.version}, ${MODE} mode, ${PROCESSES} processes x ${ROUNDS} rounds, median ns/op (${clockName}), ratios = throughput vs that subject (> 1 is faster)`,
  );
  const results: ProcessResult[] = [];
  const script = fileURLToPath(import.meta.url);
  for (let k = 0; k < PROCESSES; k++) {
    const child = spawnSync(process.execPath, [...process.execArgv, script], {
      env: { ...process.env, BENCH_CHILD: String(k) },
      stdio: ['ignore', 'pipe', 'inherit'],
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    const line = child.stdout.split('\n').find((l) => l.startsWith('BENCH-RESULT '));
    if (child.status !== 0 || line === undefined) throw new Error(`bench/runtime: measuring process ${k + 1} failed (exit ${child.status ?? child.signal}).`);
    results.push(JSON.parse(line.slice('BENCH-RESULT '.length)) as ProcessResult);
    console.log(`process ${k + 1} of ${PROCESSES} done`);
  }
  report(results);
}
// Signal and SignalObject are imported for their side effect of loading the runtime in this mode.
void Signal;
void SignalObject;
