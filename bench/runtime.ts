// npm run bench: slotguard's runtime against tseep, eventemitter3, node:events and mitt, in
// production mode (no leak detection), all in this process, interleaved, medians of several rounds.
import { EventEmitter as NodeEmitter } from 'node:events';
import { EventEmitter as EventEmitter3 } from 'eventemitter3';
import mittModule from 'mitt';
import { EventEmitter as Tseep } from 'tseep';
import { median, printCase, ratio, retainedBytes, runCase, type BenchCase, type Subject } from './harness.js';

// mitt's types describe its CommonJS build; Node loads its ES module, whose default export is the factory.
const mitt = mittModule as unknown as typeof mittModule.default;

process.env.NODE_ENV ??= 'production';
const { Signal, SignalObject } = await import('../src/index.js');
const { Widget } = await import('./widget.js');

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 15);
const SG = 'slotguard';
const TSEEP = 'tseep';
const EE3 = 'eventemitter3';
const NODE = 'node:events';
const MITT = 'mitt';

type Slot = (n: number) => void;
let total = 0;
/** Distinct slot closures with the same code, like the listeners of a real application. */
function makeSlots(count: number): Slot[] {
  return Array.from({ length: count }, (_, k) => (n: number) => {
    total += n + k;
  });
}

/** A long-lived SignalObject receiver: it lists the receiver-bound connections made to it. */
class Controller extends SignalObject {
  onClick(n: number): void {
    total += n;
  }
}


/** The same object with signals created without names: shows what naming costs at construction. */
class UnnamedWidget extends SignalObject {
  readonly clicked = new Signal<[n: number]>(this);
  readonly changed = new Signal<[n: number]>(this);
  readonly moved = new Signal<[n: number]>(this);
  readonly resized = new Signal<[n: number]>(this);
  readonly closed = new Signal<[n: number]>(this);
}

type Events = { x: (n: number) => void };

function emitCase(slotCount: number): BenchCase {
  const widget = new Widget();
  const tseep = new Tseep<Events>();
  const ee3 = new EventEmitter3();
  const node = new NodeEmitter();
  const m = mitt<{ x: number }>();
  for (const [k, slot] of makeSlots(slotCount).entries()) {
    void k;
    widget.clicked.connect(slot);
  }
  for (const slot of makeSlots(slotCount)) tseep.on('x', slot);
  for (const slot of makeSlots(slotCount)) ee3.on('x', slot);
  for (const slot of makeSlots(slotCount)) node.on('x', slot);
  for (const slot of makeSlots(slotCount)) m.on('x', slot);
  const subjects: Subject[] = [
    { name: SG, run: (n) => { const s = widget.clicked; for (let i = 0; i < n; i++) s.emit(i); return total; } },
    { name: TSEEP, run: (n) => { for (let i = 0; i < n; i++) tseep.emit('x', i); return total; } },
    { name: EE3, run: (n) => { for (let i = 0; i < n; i++) ee3.emit('x', i); return total; } },
    { name: NODE, run: (n) => { for (let i = 0; i < n; i++) node.emit('x', i); return total; } },
    { name: MITT, run: (n) => { for (let i = 0; i < n; i++) m.emit('x', i); return total; } },
  ];
  return { title: `emit to ${slotCount} slot${slotCount === 1 ? '' : 's'}`, subjects, iterations: slotCount >= 10 ? 200_000 : 1_000_000 };
}

const NAMES = ['clicked', 'changed', 'moved', 'resized', 'closed', 'selected', 'scrolled', 'focused'] as const;

/** Emit with signals of 8 different names in rotation: the per-name prototypes make emit's loads megamorphic. */
function emitRotationCase(): BenchCase {
  const owner = new SignalObject();
  const signals = NAMES.map((name) => new Signal<[n: number]>(owner, name));
  const unnamed = NAMES.map(() => new Signal<[n: number]>(owner));
  const slots = makeSlots(NAMES.length);
  signals.forEach((s, k) => s.connect(slots[k] as Slot));
  unnamed.forEach((s, k) => s.connect(slots[k] as Slot));
  const tseep = new Tseep<Record<string, (n: number) => void>>();
  NAMES.forEach((name, k) => tseep.on(name, slots[k] as Slot));
  const ee3 = new EventEmitter3();
  NAMES.forEach((name, k) => ee3.on(name, slots[k] as Slot));
  const last = NAMES.length - 1;
  return {
    title: 'emit to 1 slot, 8 signal names in rotation',
    iterations: 1_000_000,
    subjects: [
      { name: `${SG} (8 names)`, run: (n) => { for (let i = 0; i < n; i++) (signals[i & last] as (typeof signals)[0]).emit(i); return total; } },
      { name: `${SG} (unnamed)`, run: (n) => { for (let i = 0; i < n; i++) (unnamed[i & last] as (typeof unnamed)[0]).emit(i); return total; } },
      { name: TSEEP, run: (n) => { for (let i = 0; i < n; i++) tseep.emit(NAMES[i & last] as string, i); return total; } },
      { name: EE3, run: (n) => { for (let i = 0; i < n; i++) ee3.emit(NAMES[i & last] as string, i); return total; } },
    ],
  };
}

function connectDisconnectCase(): BenchCase {
  const [slot, ...others] = makeSlots(6) as [Slot, ...Slot[]];
  const widget = new Widget();
  const tseep = new Tseep<Events>();
  const ee3 = new EventEmitter3();
  const node = new NodeEmitter();
  const m = mitt<{ x: number }>();
  for (const other of others) {
    widget.clicked.connect(other);
    tseep.on('x', other);
    ee3.on('x', other);
    node.on('x', other);
    m.on('x', other);
  }
  return {
    title: 'connect + disconnect one slot on a signal that has 5',
    iterations: 500_000,
    subjects: [
      { name: SG, run: (n) => { for (let i = 0; i < n; i++) widget.clicked.connect(slot).disconnect(); return widget.clicked.connectionCount; } },
      { name: TSEEP, run: (n) => { for (let i = 0; i < n; i++) { tseep.on('x', slot); tseep.off('x', slot); } return tseep; } },
      { name: EE3, run: (n) => { for (let i = 0; i < n; i++) { ee3.on('x', slot); ee3.off('x', slot); } return ee3; } },
      { name: NODE, run: (n) => { for (let i = 0; i < n; i++) { node.on('x', slot); node.off('x', slot); } return node; } },
      { name: MITT, run: (n) => { for (let i = 0; i < n; i++) { m.on('x', slot); m.off('x', slot); } return m; } },
    ],
  };
}

function createCase(): BenchCase {
  const [slot] = makeSlots(1) as [Slot];
  return {
    title: 'create an emitter (5 declared signals) + connect one slot',
    iterations: 200_000,
    subjects: [
      { name: SG, run: (n) => { let w; for (let i = 0; i < n; i++) { w = new Widget(); w.clicked.connect(slot); } return w; } },
      { name: `${SG} (unnamed signals)`, run: (n) => { let w; for (let i = 0; i < n; i++) { w = new UnnamedWidget(); w.clicked.connect(slot); } return w; } },
      { name: TSEEP, run: (n) => { let e; for (let i = 0; i < n; i++) { e = new Tseep<Events>(); e.on('x', slot); } return e; } },
      { name: EE3, run: (n) => { let e; for (let i = 0; i < n; i++) { e = new EventEmitter3(); e.on('x', slot); } return e; } },
      { name: NODE, run: (n) => { let e; for (let i = 0; i < n; i++) { e = new NodeEmitter(); e.on('x', slot); } return e; } },
      { name: MITT, run: (n) => { let e; for (let i = 0; i < n; i++) { e = mitt<{ x: number }>(); e.on('x', slot); } return e; } },
    ],
  };
}

function memory(): void {
  const [slot] = makeSlots(1) as [Slot];
  const receiver = { onClick(n: number): void { total += n; } };
  const bytes = (make: (i: number) => unknown): number => median([1, 2, 3].map(() => retainedBytes(make)));
  const widget = bytes(() => new Widget());
  const widget1 = bytes(() => { const w = new Widget(); w.clicked.connect(slot); return w; });
  const widgetBound = bytes(() => { const w = new Widget(); w.clicked.connect(receiver, 'onClick'); return w; });
  // A fresh controller per measurement, so its sender list (growth included) is counted once.
  // Measured in one job, so it also counts V8's keep-during-job set, which holds each new
  // WeakRef's target until the job ends (about 28 B each; 145 B instead of 173 B measured after a setImmediate).
  const widgetToObject = median([1, 2, 3].map(() => {
    const controller = new Controller();
    return retainedBytes(() => { const w = new Widget(); w.clicked.connect(controller, 'onClick'); return w; });
  }));
  const widget2 = bytes(() => { const w = new Widget(); w.clicked.connect(slot); w.clicked.connect(slot); return w; });
  const node = bytes(() => new NodeEmitter());
  const ee3 = bytes(() => new EventEmitter3());
  const ee3One = bytes(() => { const e = new EventEmitter3(); e.on('x', slot); return e; });
  const tseep = bytes(() => new Tseep<Events>());
  const rows: [string, number, string][] = [
    ['slotguard object, 5 declared signals, no connections', widget, `target <= node:events (${node.toFixed(0)} B)`],
    ['node:events EventEmitter (bare)', node, ''],
    ['eventemitter3 (bare)', ee3, ''],
    ['tseep (bare)', tseep, ''],
    ['slotguard: first connection (function slot)', widget1 - widget, `target <= eventemitter3 listener (${(ee3One - ee3).toFixed(0)} B)`],
    ['slotguard: second connection on the same signal', widget2 - widget1, ''],
    ['slotguard: receiver-bound connection (WeakRef)', widgetBound - widget, ''],
    ['slotguard: receiver-bound to a SignalObject', widgetToObject - widget, 'with its WeakRef in the receiver\'s senders; +~28 B of it is V8 keeping new WeakRef targets until the job ends'],
    ['eventemitter3: one listener', ee3One - ee3, ''],
  ];
  console.log('\n## memory (bytes retained per object, 100,000 objects, median of 3)');
  for (const [what, value, note] of rows) console.log(`${what.padEnd(52)} ${value.toFixed(1).padStart(8)} B  ${note}`);
}

console.log(`slotguard runtime benchmark: node ${process.version}, NODE_ENV=${process.env.NODE_ENV}, ${ROUNDS} rounds, median ns/op`);
// Memory first, in a fresh process: eventemitter3's per-listener cost depends on whether its
// Events map already saw the event name (it then keeps an in-object slot for it).
memory();
const summary: string[] = [];
for (const slots of [0, 1, 10]) {
  const result = runCase(emitCase(slots), ROUNDS);
  printCase(result, [TSEEP, EE3, NODE, MITT]);
  const fastestPeer = Math.min(...[TSEEP, EE3, NODE, MITT].map((p) => result.medians.get(p) ?? Infinity));
  const sg = result.medians.get(SG) ?? NaN;
  summary.push(
    slots === 0
      ? `emit, 0 slots: ${(fastestPeer / sg).toFixed(2)}x the fastest peer (target >= 1.0)`
      : `emit, ${slots} slot(s): ${ratio(result, SG, TSEEP).toFixed(2)}x tseep (target >= 1.0)`,
  );
}
const rotation = runCase(emitRotationCase(), ROUNDS);
printCase(rotation, [TSEEP, EE3, `${SG} (unnamed)`]);
summary.push(`emit, 8 names in rotation: ${ratio(rotation, `${SG} (8 names)`, TSEEP).toFixed(2)}x tseep, ${ratio(rotation, `${SG} (8 names)`, `${SG} (unnamed)`).toFixed(2)}x unnamed signals`);
const churn = runCase(connectDisconnectCase(), ROUNDS);
printCase(churn, [EE3, TSEEP]);
summary.push(`connect + disconnect: ${ratio(churn, SG, EE3).toFixed(2)}x eventemitter3 (target >= 1.0), ${ratio(churn, SG, TSEEP).toFixed(2)}x tseep`);
const create = runCase(createCase(), ROUNDS);
printCase(create, [EE3, TSEEP]);
summary.push(
  `create + connect: ${ratio(create, SG, EE3).toFixed(2)}x eventemitter3 (target >= 1.0), ${ratio(create, SG, TSEEP).toFixed(2)}x tseep; ` +
    `unnamed signals ${ratio(create, `${SG} (unnamed signals)`, EE3).toFixed(2)}x eventemitter3`,
);
console.log(`\n## summary\n${summary.join('\n')}`);
