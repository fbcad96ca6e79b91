// What the runtime itself must not keep: emitters connected with a long-lived AbortSignal, dead
// entries of a receiver's sender list or of a `track` list, and whatever an ended Connection
// handed back for a disposed receiver once pointed to. Both modes: leak detection off
// (production) and on (development, reports collected and ignored here).
import assert from 'node:assert/strict';
import { getEventListeners } from 'node:events';
import { test } from 'node:test';
import { configureLeakDetection, Signal, SignalObject, type Connection } from '../../src/index.js';
import { senderEntryCount, trackedEntryCount } from '../../src/objects/object.js';
import { collectUntil } from './fixtures.js';

class Row extends SignalObject {
  readonly clicked = new Signal<[id: number]>(this, 'clicked');
}

class Controller extends SignalObject {
  clicks = 0;
  onRowClicked(): void {
    this.clicks++;
  }
}

const MODES = [
  { name: 'production', enabled: false },
  { name: 'development', enabled: true },
] as const;

/** Runs `body` once with leak detection off, once on (its reports dropped). */
async function inBothModes(body: (mode: string) => Promise<void>): Promise<void> {
  try {
    for (const { name, enabled } of MODES) {
      configureLeakDetection({ enabled, onLeak: () => {} });
      await body(name);
    }
  } finally {
    configureLeakDetection({ onLeak: () => {} }); // probes of this test may still report: stay quiet
  }
}

/** Counts how many of the objects it watches have been collected. */
function collectedCounter(): { watch(target: object): void; readonly count: number } {
  let count = 0;
  const registry = new FinalizationRegistry<undefined>(() => {
    count++;
  });
  return {
    watch: (target) => registry.register(target, undefined),
    get count() {
      return count;
    },
  };
}

/**
 * Makes `count` rows, connects each with `connect`, and drops them; returns their collection
 * counter. (A synchronous helper, so no suspended async frame keeps the last row.)
 */
function dropConnectedRows(count: number, connect: (row: Row) => void): { readonly count: number } {
  const dropped = collectedCounter();
  for (let i = 0; i < count; i++) {
    const row = new Row();
    connect(row);
    dropped.watch(row);
  }
  return dropped;
}

test('20,000 rows dropped while connected with one long-lived AbortSignal are collected; one abort listener, no MaxListenersExceededWarning; abort ends the live ones', async () => {
  const warnings: string[] = [];
  const onWarning = (warning: Error): void => {
    warnings.push(warning.name);
  };
  process.on('warning', onWarning);
  try {
    await inBothModes(async (mode) => {
      const controller = new AbortController();
      const slot = (): void => {};
      const dropped = dropConnectedRows(20_000, (row) => row.clicked.connect(slot, { signal: controller.signal }));
      const kept = Array.from({ length: 3 }, () => new Row());
      const seen: number[] = [];
      const live = kept.map((row) => row.clicked.connect((id) => seen.push(id), { signal: controller.signal }));
      assert.equal(getEventListeners(controller.signal, 'abort').length, 1, `${mode}: one abort listener for every connection`);
      assert.equal(await collectUntil(() => dropped.count === 20_000, 40), true, `${mode}: all 20,000 dropped rows collected (got ${dropped.count})`);
      controller.abort();
      for (const row of kept) row.clicked.emit(1);
      assert.deepEqual(seen, []);
      assert.deepEqual(live.map((c) => c.connected), [false, false, false]);
      assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    });
    await new Promise((resolve) => setImmediate(resolve));
    assert.deepEqual(warnings.filter((name) => name === 'MaxListenersExceededWarning'), []);
  } finally {
    process.off('warning', onWarning);
  }
});

test('the abort listener goes away once every connection made with it ended otherwise', async () => {
  await inBothModes(async () => {
    const controller = new AbortController();
    const signal = new Signal();
    const connections = Array.from({ length: 40 }, () => signal.connect(() => {}, { signal: controller.signal }));
    assert.equal(getEventListeners(controller.signal, 'abort').length, 1);
    for (const c of connections) c.disconnect();
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
    // A later connection with the same AbortSignal gets a listener again.
    const late = signal.connect(() => {}, { signal: controller.signal });
    controller.abort();
    assert.equal(late.connected, false);
    await Promise.resolve();
  });
});

test('a long-lived receiver drops the sender entries of collected emitters without any new connection', async () => {
  await inBothModes(async (mode) => {
    const controller = new Controller();
    const dropped = dropConnectedRows(2_000, (row) => row.clicked.connect(controller, 'onRowClicked'));
    const keptRow = new Row();
    keptRow.clicked.connect(controller, 'onRowClicked');
    assert.equal(senderEntryCount(controller), 2_001);
    const shrunk = await collectUntil(() => dropped.count === 2_000 && senderEntryCount(controller) <= 2, 40);
    assert.equal(shrunk, true, `${mode}: ${dropped.count} rows collected, ${senderEntryCount(controller)} entries left for 1 live sender`);
    keptRow.clicked.emit(1);
    assert.equal(controller.clicks, 1);
    controller.dispose();
    assert.equal(keptRow.clicked.connectionCount, 0);
  });
});

test('a track() list drops connections that ended on their own', async () => {
  await inBothModes(async () => {
    const owner = new SignalObject();
    const source = new Signal<[number]>();
    for (let i = 0; i < 1_000; i++) owner.track(source.connect(() => {}, { once: true }));
    const lasting = owner.track(source.connect(() => {}));
    source.emit(1);
    assert.ok(trackedEntryCount(owner) <= 2, `${trackedEntryCount(owner)} entries left for 1 live connection`);
    owner.dispose();
    assert.equal(lasting.connected, false);
    await Promise.resolve();
  });
});

test('the Connection returned for a disposed receiver keeps neither its signal nor the emitter alive', async () => {
  await inBothModes(async () => {
    const receiver = new Controller();
    receiver.dispose();
    const made = (): { connection: Connection; emitter: WeakRef<Row> } => {
      const row = new Row();
      return { connection: row.clicked.connect(receiver, 'onRowClicked'), emitter: new WeakRef(row) };
    };
    const { connection, emitter } = made();
    assert.equal(connection.connected, false);
    assert.equal(connection.signal, undefined);
    assert.equal(await collectUntil(() => emitter.deref() === undefined), true);
  });
});

test('a rarely emitted signal drops connections to collected receivers as it takes new ones, without emitting', async () => {
  await inBothModes(async (mode) => {
    const model = new Row();
    const onClick = function (this: object): void {};
    const dropReceivers = (count: number): { readonly count: number } => {
      const dropped = collectedCounter();
      for (let i = 0; i < count; i++) {
        const receiver = {};
        model.clicked.connect(receiver, onClick);
        dropped.watch(receiver);
      }
      return dropped;
    };
    const dropped = dropReceivers(1_000);
    assert.equal(await collectUntil(() => dropped.count === 1_000, 40), true);
    const kept = Array.from({ length: 50 }, () => ({}));
    for (const receiver of kept) model.clicked.connect(receiver, onClick);
    assert.equal(model.clicked.connectionCount, 50, `${mode}: only the 50 live receivers are left`);
  });
});
