// Removing a child is O(1) amortised (issue 14: disposing a parent of 80k children took 3.8 s,
// each removal searching and shifting the parent's array). Proved by counting work, not by timing:
// while children are removed, every Array.prototype method that searches, shifts, copies or
// iterates an array is counted at what it can cost (indexOf over the whole array, splice over
// what it moves, an iterator over the whole array…). Over n removals the total must stay within
// a small multiple of n; the old `children.splice(children.indexOf(child), 1)` costs about n²/2.
// (This file runs in its own process: replacing Array.prototype's iterator slows arrays down for
// the rest of it.)
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { configureLeakDetection, resetLeakDetection, SignalObject } from '../../src/index.js';

type Method = (this: unknown[], ...args: unknown[]) => unknown;
const proto = Array.prototype as unknown as Record<PropertyKey, Method>;

/** What a call of each method can cost, in elements touched, given the array and the call's arguments. */
const costs: Record<PropertyKey, (array: unknown[], args: unknown[]) => number> = {
  indexOf: (a) => a.length,
  lastIndexOf: (a) => a.length,
  includes: (a) => a.length,
  find: (a) => a.length,
  findIndex: (a) => a.length,
  findLast: (a) => a.length,
  findLastIndex: (a) => a.length,
  filter: (a) => a.length,
  map: (a) => a.length,
  forEach: (a) => a.length,
  some: (a) => a.length,
  every: (a) => a.length,
  reduce: (a) => a.length,
  slice: (a) => a.length,
  concat: (a) => a.length,
  copyWithin: (a) => a.length,
  shift: (a) => a.length,
  unshift: (a) => a.length,
  // splice moves everything after its start (a negative start counts from the end).
  splice: (a, [start]) => {
    const s = Number(start ?? 0);
    return a.length - (s < 0 ? Math.max(a.length + s, 0) : Math.min(s, a.length)) + 1;
  },
  push: () => 1,
  pop: () => 1,
  [Symbol.iterator]: (a) => a.length,
  values: (a) => a.length,
};

/** Runs `body` with the methods above counted; returns the total cost. */
function arrayWork(body: () => void): number {
  let work = 0;
  const originals = new Map<PropertyKey, Method>();
  const keys = Reflect.ownKeys(costs);
  for (const key of keys) {
    const original = proto[key] as Method;
    const cost = costs[key as keyof typeof costs] as (array: unknown[], args: unknown[]) => number;
    originals.set(key, original);
    Object.defineProperty(Array.prototype, key, {
      value: function counted(this: unknown[], ...args: unknown[]): unknown {
        work += cost(this, args);
        return original.apply(this, args);
      },
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }
  try {
    body();
  } finally {
    for (const key of keys) Object.defineProperty(Array.prototype, key, { value: originals.get(key), writable: true, configurable: true, enumerable: false });
  }
  return work;
}

const N = 4_000;
/** Allowed array work per removed child: the constant of an O(1) removal, far below N/2 (about what one indexOf+splice costs here). */
const PER_CHILD = 16;

function family(): { parent: SignalObject; kids: SignalObject[] } {
  const parent = new SignalObject();
  const kids: SignalObject[] = [];
  for (let i = 0; i < N; i++) kids.push(new SignalObject(parent));
  return { parent, kids };
}

/** A fixed shuffle (a linear congruential generator), so the run is the same every time. */
function shuffled<T>(items: readonly T[]): T[] {
  const out = [...items];
  let seed = 12345;
  for (let i = out.length - 1; i > 0; i--) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    const j = seed % (i + 1);
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

const orders: Record<string, (kids: readonly SignalObject[]) => SignalObject[]> = {
  'from the first': (kids) => [...kids],
  'from the last': (kids) => [...kids].reverse(),
  'from the middle outwards': (kids) => {
    const mid = kids.length >> 1;
    const out: SignalObject[] = [];
    for (let d = 0; out.length < kids.length; d++) {
      if (mid - d - 1 >= 0) out.push(kids[mid - d - 1] as SignalObject);
      if (mid + d < kids.length) out.push(kids[mid + d] as SignalObject);
    }
    return out;
  },
  'in a fixed random order': shuffled,
};

const removals: Record<string, (kid: SignalObject, elsewhere: SignalObject) => void> = {
  dispose: (kid) => kid.dispose(),
  'setParent(other)': (kid, elsewhere) => kid.setParent(elsewhere),
  'setParent(null)': (kid) => kid.setParent(null),
};

afterEach(() => resetLeakDetection());

for (const enabled of [false, true]) {
  const mode = enabled ? 'development' : 'production';
  for (const [orderName, order] of Object.entries(orders)) {
    for (const [removalName, remove] of Object.entries(removals)) {
      test(`${mode}: removing ${N} children ${orderName} by ${removalName} does O(1) array work per child`, (t) => {
        configureLeakDetection({ enabled, onLeak: () => {} });
        const { parent, kids } = family();
        const elsewhere = new SignalObject();
        const sequence = order(kids);
        const work = arrayWork(() => {
          for (const kid of sequence) remove(kid, elsewhere);
        });
        assert.deepEqual(parent.children, [], 'every child left its parent');
        t.diagnostic(`${(work / N).toFixed(2)} array operations per child`);
        assert.ok(work <= PER_CHILD * N, `removing ${N} children cost ${work} array operations (${(work / N).toFixed(1)} per child; O(1) allows ${PER_CHILD})`);
      });
    }
  }

  test(`${mode}: disposing a parent of ${N} children does O(1) array work per child`, (t) => {
    configureLeakDetection({ enabled, onLeak: () => {} });
    const { parent, kids } = family();
    const work = arrayWork(() => parent.dispose());
    t.diagnostic(`${(work / N).toFixed(2)} array operations per child`);
    assert.equal(kids.every((kid) => kid.isDisposed && kid.parent === null), true);
    assert.ok(work <= PER_CHILD * N, `disposing the parent cost ${work} array operations (${(work / N).toFixed(1)} per child; O(1) allows ${PER_CHILD})`);
  });

  test(`${mode}: reading children between removals stays in order, and costs at most the list once per read`, () => {
    configureLeakDetection({ enabled, onLeak: () => {} });
    const { parent, kids } = family();
    const kept = kids.filter((_, i) => i % 2 === 1);
    for (let i = 0; i < N; i += 2) (kids[i] as SignalObject).dispose();
    const work = arrayWork(() => assert.equal(parent.children.length, kept.length));
    assert.ok(work <= 2 * N, `one read after ${N / 2} removals cost ${work} array operations`);
    assert.deepEqual(parent.children, kept);
  });
}
