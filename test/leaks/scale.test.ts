// 100,000 receivers connected receiver-bound to one long-lived object, then dropped: the heap
// comes back near its baseline and the long-lived signal holds no dead entries after its next
// emission, with leak detection on (every drop reported) and with dispose (nothing reported).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { configureLeakDetection, resetLeakDetection, type LeakKind } from '../../src/index.js';
import { collectGarbage } from './collect-garbage.js';
import { emitterClass } from './fixtures.js';

const count = 100_000;
const Model = emitterClass('ScaleModel');
const Row = emitterClass('ScaleRow');

async function settledHeap(): Promise<number> {
  await collectGarbage(() => false, 3);
  return process.memoryUsage().heapUsed;
}

/** Connects `count` rows to `model.changed`, receiver-bound; returns the heap growth while they lived. */
function connectRows(model: InstanceType<typeof Model>, dispose: boolean): number {
  const before = process.memoryUsage().heapUsed;
  const rows = [];
  for (let i = 0; i < count; i += 1) {
    const row = new Row();
    model.changed.connect(row, 'onEvent');
    rows.push(row);
  }
  const grown = process.memoryUsage().heapUsed - before;
  if (dispose) for (const row of rows) row.dispose();
  return grown;
}

for (const dispose of [false, true]) {
  test(`${count} receivers dropped ${dispose ? 'after dispose' : 'without dispose'}: heap back near baseline, no dead entries`, async () => {
    // Counted, not kept: 100,000 reports would themselves hold the heap up.
    const kinds = new Map<LeakKind, number>();
    resetLeakDetection();
    configureLeakDetection({
      enabled: true,
      onLeak: (report) => {
        if (report.objectType === 'ScaleRow') kinds.set(report.kind, (kinds.get(report.kind) ?? 0) + 1);
      },
    });
    const model = new Model();
    const baseline = await settledHeap();
    const peak = connectRows(model, dispose);
    await collectGarbage(() => dispose || kinds.get('receiver-dropped-while-connected') === count);
    model.changed.emit();
    assert.equal(model.changed.connectionCount, 0);
    const after = await settledHeap();
    assert.deepEqual([...kinds], dispose ? [] : [['receiver-dropped-while-connected', count]]);
    // Near baseline: what stays (about 8% of the peak, measured) is capacity, not objects: the
    // hash tables of the connections' WeakMap and of the FinalizationRegistry's unregister
    // tokens, and two arrays' backing stores, keep their size for the next objects.
    assert.ok(peak > 10_000_000, `the rows took ${peak} bytes while alive`);
    assert.ok(after - baseline < peak / 5, `retained ${after - baseline} of ${peak} bytes`);
    model.dispose();
  });
}
