// registry.stats() tells the truth: connections of collected emitters end with them, a refused
// construction creates nothing; and an async slot that ended its own connection keeps its name.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { registry, setSlotErrorHandler, Signal, SignalObject, type SlotErrorContext } from '../../src/index.js';
import { collectGarbage } from './collect-garbage.js';
import { about, collectReports, emitterClass, onClick } from './fixtures.js';

test('in development, the connections of collected emitters no longer count as live, nor the emitters', async () => {
  const Row = emitterClass('CountedDroppedRow');
  const reports = collectReports();
  const before = registry.stats();
  (() => {
    for (let i = 0; i < 100; i++) {
      const row = new Row();
      row.clicked.connect(onClick);
      row.changed.connect(() => {});
    }
  })();
  const during = registry.stats();
  assert.equal(during.liveConnections - before.liveConnections, 200);
  assert.equal((during.liveObjects ?? 0) - (before.liveObjects ?? 0), 100);
  await collectGarbage(() => about(reports, 'CountedDroppedRow').length === 100);
  const after = registry.stats();
  assert.equal(after.liveConnections - before.liveConnections, 0);
  assert.equal(after.connectionsEnded - before.connectionsEnded, 200);
  assert.equal(after.liveObjects, before.liveObjects);
  assert.equal(after.undisposedObjects - before.undisposedObjects, 100, 'dropped, never disposed');
});

test('a construction refused by setParent (a disposed parent) is not counted as created', () => {
  collectReports();
  const parent = new SignalObject();
  parent.dispose();
  const before = registry.stats();
  assert.throws(() => new SignalObject(parent), /the new parent SignalObject was disposed/);
  assert.equal(registry.stats().objectsCreated, before.objectsCreated);
  assert.equal(registry.stats().undisposedObjects, before.undisposedObjects);
});

test('an async slot that ended its own connection is named in its error report, not "(ended)"', async () => {
  collectReports();
  const contexts: SlotErrorContext[] = [];
  setSlotErrorHandler((_error, context) => contexts.push(context));
  try {
    const alone = new Signal<[number]>(undefined, 'refreshed'); // one plain slot: emit's fast path
    const connection = alone.connect(async function refresh(): Promise<void> {
      connection.disconnect();
      await Promise.resolve();
      throw new Error('refresh failed');
    });
    const signal = new Signal<[number]>(undefined, 'loaded');
    signal.connect(async function loadOnce(): Promise<void> {
      await Promise.resolve();
      throw new Error('load failed');
    }, { once: true });
    class View {
      async render(): Promise<void> {
        signal.disconnect(this);
        await Promise.resolve();
        throw new Error('render failed');
      }
    }
    const view = new View();
    signal.connect(view, 'render');
    alone.emit(1);
    signal.emit(1);
    await collectGarbage(() => contexts.length === 3, 5);
    assert.deepEqual(contexts.map((context) => context.slot).sort(), ['View.render', 'loadOnce', 'refresh']);
    void view;
  } finally {
    setSlotErrorHandler(undefined);
  }
});
