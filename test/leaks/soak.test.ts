// Soak (bounded, deterministic seed): rounds of random create / connect / emit / dispose / drop,
// with parent trees, on a long-lived model. In development, every deliberately dropped emitter
// and receiver is reported exactly once, nothing disposed is reported, and registry.stats()
// matches the truth at the end; in both modes the heap stays flat across rounds.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configureLeakDetection, registry, resetLeakDetection, Signal, SignalObject } from '../../src/index.js';
import { collectGarbage } from './collect-garbage.js';

class SoakModel extends SignalObject {
  readonly changed = new Signal<[number]>(this, 'changed');
}
class SoakNode extends SignalObject {
  readonly clicked = new Signal<[number]>(this, 'clicked');
  onChanged(): void {}
}

/** A small deterministic generator (LCG), so that a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const rounds = 12;
const treesPerRound = 60;

interface Expected {
  /** "kind name" of every report a dropped object must get. */
  reports: Map<string, number>;
  dropped: number;
}

/** One round, in its own function so that what it drops is unreachable when it returns. */
function round(model: SoakModel, next: () => number, roundIndex: number, expected: Expected): void {
  const slot = (n: number): void => void n;
  for (let t = 0; t < treesPerRound; t++) {
    const size = 1 + Math.floor(next() * 4);
    const root = new SoakNode();
    const members = [root];
    for (let k = 1; k < size; k++) members.push(new SoakNode(members[Math.floor(next() * members.length)]));
    const drop = next() < 0.4;
    members.forEach((node, k) => {
      node.objectName = `r${roundIndex}-t${t}-n${k}`;
      const emits = next() < 0.6;
      const receives = next() < 0.5;
      if (emits) node.clicked.connect(slot);
      if (receives) model.changed.connect(node, 'onChanged');
      if (next() < 0.3) model.changed.emit(1);
      if (drop && emits) expected.reports.set(`dropped-while-connected ${node.objectName}`, 1);
      if (drop && receives) expected.reports.set(`receiver-dropped-while-connected ${node.objectName}`, 1);
    });
    if (drop) expected.dropped += members.length;
    else root.dispose();
  }
}

async function settledHeap(): Promise<number> {
  await collectGarbage(() => false, 4);
  return process.memoryUsage().heapUsed;
}

async function soak(development: boolean): Promise<{ heaps: number[]; seen: Map<string, number>; expected: Expected; before: ReturnType<typeof registry.stats> }> {
  const seen = new Map<string, number>();
  resetLeakDetection();
  configureLeakDetection({
    enabled: development,
    onLeak: (report) => {
      if (report.kind !== 'listener-threshold') seen.set(`${report.kind} ${report.objectName ?? '?'}`, (seen.get(`${report.kind} ${report.objectName ?? '?'}`) ?? 0) + 1);
    },
    listenerThreshold: Infinity,
  });
  const before = registry.stats();
  const model = new SoakModel();
  const next = random(20261201);
  const expected: Expected = { reports: new Map(), dropped: 0 };
  const heaps: number[] = [];
  for (let r = 0; r < rounds; r++) {
    round(model, next, r, expected);
    await collectGarbage(() => false, 3);
    model.changed.emit(0); // prunes collected receivers
    heaps.push(await settledHeap());
  }
  await collectGarbage(() => [...expected.reports.keys()].every((key) => seen.has(key)));
  await collectGarbage(() => false, 3);
  model.changed.emit(0);
  model.dispose();
  return { heaps, seen, expected, before };
}

test('soak, development: every dropped emitter and receiver reported exactly once, no false alarm, stats true, heap flat', async () => {
  const { heaps, seen, expected, before } = await soak(true);
  assert.ok(expected.reports.size > 100, `the soak dropped ${expected.reports.size} connected objects`);
  assert.deepEqual([...seen].sort(), [...expected.reports].sort());
  const after = registry.stats();
  assert.equal(after.liveConnections, before.liveConnections, 'every connection ended, with its emitter or by dispose');
  assert.equal(after.liveObjects, before.liveObjects, 'no watched object left alive');
  assert.equal(after.undisposedObjects - before.undisposedObjects, expected.dropped);
  const [, second] = heaps;
  assert.ok((heaps.at(-1) ?? 0) - (second ?? 0) < 3_000_000, `heap grew from ${second} to ${heaps.at(-1)} across rounds`);
  resetLeakDetection();
});

test('soak, production: the same rounds keep the heap flat and report nothing', async () => {
  const { heaps, seen } = await soak(false);
  assert.deepEqual([...seen], []);
  const [, second] = heaps;
  assert.ok((heaps.at(-1) ?? 0) - (second ?? 0) < 3_000_000, `heap grew from ${second} to ${heaps.at(-1)} across rounds`);
  resetLeakDetection();
});
