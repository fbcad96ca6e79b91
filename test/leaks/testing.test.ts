// slotguard/testing: assertNoLeaks and leakScope, in the node:test form that docs/testing.md shows.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { configureLeakDetection, SignalObject } from '../../src/index.js';
import { assertNoLeaks, LeakError, leakScope, type LeakScope } from '../../src/testing.js';
import { collectReports, emitterClass, onClick } from './fixtures.js';

async function leakErrorOf(run: Promise<void>): Promise<LeakError> {
  let caught: unknown;
  await run.catch((error: unknown) => {
    caught = error;
  });
  assert.ok(caught instanceof LeakError, 'assertNoLeaks rejected with a LeakError');
  return caught;
}

test('assertNoLeaks rejects with every object left connected and undisposed, listed in the message', async () => {
  const Row = emitterClass('ScopedRow');
  collectReports();
  const kept: SignalObject[] = [];
  const error = await leakErrorOf(
    assertNoLeaks(() => {
      const row = new Row();
      row.objectName = 'first';
      row.clicked.connect(onClick);
      kept.push(row, new Row());
    }),
  );
  assert.equal(error.reports.length, 1, 'the unconnected row is not a leak');
  const [report] = error.reports;
  assert.equal(report?.kind, 'undisposed-at-scope-end');
  assert.equal(report.objectType, 'ScopedRow');
  assert.equal(report.objectName, 'first');
  assert.deepEqual(report.connections, [{ signal: 'clicked', slot: 'onClick' }]);
  assert.match(error.message, /^1 leak found:\n1\. \[undisposed-at-scope-end\] ScopedRow 'first' was still connected and not disposed at the end of the scope: clicked → onClick\./);
  for (const row of kept) row.dispose();
});

test('clean twin: assertNoLeaks resolves when everything connected was disposed or disconnected', async () => {
  const Row = emitterClass('TidyRow');
  collectReports();
  await assertNoLeaks(async () => {
    const disposed = new Row();
    disposed.clicked.connect(onClick);
    await Promise.resolve();
    disposed.dispose();
    const disconnected = new Row();
    disconnected.clicked.connect(onClick).disconnect();
    using scoped = new Row();
    scoped.changed.connect(() => {});
  });
});

test('only root leaks are reported: a child left connected because its parent was not disposed counts under it', async () => {
  const Panel = emitterClass('RootPanel');
  const Child = emitterClass('RootChild');
  collectReports();
  const outside = new Panel();
  let panel: SignalObject | undefined;
  const error = await leakErrorOf(
    assertNoLeaks(() => {
      panel = new Panel();
      const child = new Child(panel);
      child.objectName = 'c1';
      child.clicked.connect(onClick);
      new Child(new Child(panel)).changed.connect(function update(): void {});
      new Child(outside).clicked.connect(onClick); // owned by an object from outside the scope
    }),
  );
  assert.equal(error.reports.length, 1);
  const [report] = error.reports;
  assert.equal(report?.objectType, 'RootPanel');
  assert.deepEqual(report.connections.map((connection) => connection.signal), ["RootChild 'c1'.clicked", 'RootChild.changed']);
  assert.match(report.message, /including 2 descendants left connected because it was not disposed/);
  panel?.dispose();
  outside.dispose();
});

test('a receiver left connected to a longer-lived signal is a leak of the scope', async () => {
  const Model = emitterClass('LongModel');
  const View = emitterClass('ShortView');
  collectReports();
  const model = new Model();
  model.objectName = 'store';
  const views: InstanceType<typeof View>[] = [];
  const error = await leakErrorOf(
    assertNoLeaks(() => {
      const view = new View();
      model.changed.connect(view, 'onEvent');
      views.push(view);
    }),
  );
  assert.deepEqual(error.reports.map((report) => [report.objectType, report.connections]), [
    ['ShortView', [{ signal: "LongModel 'store'.changed", slot: 'ShortView.onEvent' }]],
  ]);
  views[0]?.dispose();
  model.dispose();
});

test('with gc, objects dropped while connected inside are reported as dropped; without it, as undisposed', async () => {
  const Row = emitterClass('GcScopedRow');
  const reports = collectReports();
  const leaky = () => {
    new Row().clicked.connect(onClick);
  };
  const error = await leakErrorOf(assertNoLeaks(leaky, { gc: true }));
  assert.deepEqual(error.reports.map((report) => report.kind), ['dropped-while-connected']);
  assert.deepEqual(reports, [], 'a report kept by the scope does not also go to onLeak');

  // Without gc, the same object is still there at the end of the scope: it is reported as undisposed.
  const withoutGc = await leakErrorOf(assertNoLeaks(leaky));
  assert.deepEqual(withoutGc.reports.map((report) => report.kind), ['undisposed-at-scope-end']);
});

test('clean twin: with gc, objects disposed before they are dropped pass', async () => {
  const Row = emitterClass('GcTidyRow');
  collectReports();
  await assertNoLeaks(() => {
    const row = new Row();
    row.clicked.connect(onClick);
    row.dispose();
  }, { gc: true });
});

test('assertNoLeaks passes on the error of its body, and explains bad arguments', async () => {
  collectReports();
  await assert.rejects(assertNoLeaks(() => {
    throw new RangeError('body failed');
  }), RangeError);
  await assert.rejects(assertNoLeaks(undefined as unknown as () => void), /fn must be the function to run/);
  await assert.rejects(assertNoLeaks(() => {}, { gc: 'yes' as unknown as boolean }), /options\.gc must be true or false, got string/);
});

test('close({ gc: true }) without --expose-gc says how to expose it', async () => {
  collectReports();
  const scope = leakScope();
  const saved = globalThis.gc;
  (globalThis as { gc?: unknown }).gc = undefined;
  try {
    await assert.rejects(scope.close({ gc: true }), /run node with --expose-gc/);
  } finally {
    globalThis.gc = saved;
  }
  await assert.rejects(scope.close(), /already closed/);
});

describe('leakScope in beforeEach/afterEach (node:test)', () => {
  const Row = emitterClass('HookedRow');
  let scope: LeakScope;
  beforeEach(() => {
    collectReports();
    scope = leakScope();
  });
  afterEach(() => scope.assertNoLeaks({ gc: true }));

  test('a test that disposes what it connected', () => {
    const row = new Row();
    row.clicked.connect(onClick);
    row.dispose();
  });

  test('a test that disconnects what it connected', () => {
    const row = new Row();
    const connection = row.clicked.connect(onClick);
    connection.disconnect();
  });
});

test('leakScope().close returns the reports instead of throwing', async () => {
  const Row = emitterClass('ClosedRow');
  collectReports();
  const scope = leakScope();
  const row = new Row();
  row.clicked.connect(onClick);
  const reports = await scope.close();
  assert.deepEqual(reports.map((report) => report.objectType), ['ClosedRow']);
  row.dispose();
});

test('leakScope says how to turn leak detection on when it is off', () => {
  configureLeakDetection({ enabled: false });
  try {
    assert.throws(() => leakScope(), /leak detection is off .*configureLeakDetection\(\{ enabled: true \}\)/);
  } finally {
    collectReports();
  }
});

test('scope.assertNoLeaks() rejects with the same readable LeakError as assertNoLeaks, and resolves when clean', async () => {
  const Row = emitterClass('AssertedRow');
  collectReports();
  const scope = leakScope();
  const row = new Row();
  row.clicked.connect(onClick);
  const error = await leakErrorOf(scope.assertNoLeaks());
  assert.match(error.message, /^1 leak found:\n1\. \[undisposed-at-scope-end\] AssertedRow was still connected and not disposed at the end of the scope/);
  row.dispose();
  const clean = leakScope();
  using tidy = new Row();
  tidy.clicked.connect(onClick);
  tidy.dispose();
  await clean.assertNoLeaks({ gc: true });
});

test('close() with bad options rejects with a clear error and ends the scope, so it absorbs nothing afterwards', async () => {
  const Row = emitterClass('BadCloseRow');
  const reports = collectReports();
  const scope = leakScope();
  await assert.rejects(scope.close({ gc: 'yes' } as never), /leakScope\(\)\.close: options\.gc must be true or false, got string\. The scope was ended without a verdict\./);
  await assert.rejects(scope.close({ gcc: true } as never), /already closed/);
  await assert.rejects(leakScope().close({ gcc: true } as never), /unknown option 'gcc'; the only option is gc/);
  (() => {
    new Row().clicked.connect(onClick);
  })();
  // Not adopted by the ended scopes: the drop reaches onLeak.
  const { collectGarbage } = await import('./collect-garbage.js');
  await collectGarbage(() => reports.some((report) => report.objectType === 'BadCloseRow'));
  assert.deepEqual(reports.map((report) => [report.kind, report.objectType]), [['dropped-while-connected', 'BadCloseRow']]);
});

test('nested scopes report a leak once, by the innermost scope, and never again when it is collected', async () => {
  const Row = emitterClass('NestedRow');
  const reports = collectReports();
  const outer = leakScope();
  const inner = leakScope();
  (() => {
    new Row().clicked.connect(onClick);
  })();
  const innerReports = await inner.close();
  assert.deepEqual(innerReports.map((report) => report.kind), ['undisposed-at-scope-end']);
  const outerReports = await outer.close({ gc: true });
  assert.deepEqual(outerReports, []);
  assert.deepEqual(reports, [], 'the probe does not report it again once it is collected');
});

test('a short-lived closure left connected to a model from outside the scope is a leak of the scope', async () => {
  const Model = emitterClass('OutsideModel');
  const View = emitterClass('ClosureView');
  collectReports({ captureStacks: true });
  const model = new Model();
  model.objectName = 'store';
  const error = await leakErrorOf(
    assertNoLeaks(() => {
      const view = new View();
      model.changed.connect(function render(): void {
        void view;
      });
      const kept = model.changed.connect(() => {});
      kept.disconnect();
      view.dispose(); // disposing the view does not end a closure connection on the model
    }),
  );
  assert.equal(error.reports.length, 1);
  const [report] = error.reports;
  assert.equal(report?.kind, 'undisposed-at-scope-end');
  assert.equal(report.objectType, 'OutsideModel');
  assert.equal(report.objectName, 'store');
  assert.deepEqual(report.connections.map((connection) => [connection.signal, connection.slot]), [['changed', 'render']]);
  assert.match(report.connections[0]?.connectedAt ?? '', /testing\.test\.js:\d+:\d+$/);
  assert.match(report.message, /^A function slot was connected in the scope to OutsideModel 'store' \(created at .*\), which was created outside it, and still connected at its end: changed → render/);
  assert.equal(model.changed.connectionCount, 1);
  model.dispose();
});

test('clean twin: a closure connected to an outside model and disconnected (or a receiver-bound one, disposed) passes', async () => {
  const Model = emitterClass('OutsideTidyModel');
  const View = emitterClass('TidyView');
  collectReports();
  const model = new Model();
  await assertNoLeaks(() => {
    const view = new View();
    const connection = model.changed.connect(() => void view);
    view.track(connection);
    model.changed.connect(view, 'onEvent');
    view.dispose();
  });
  assert.equal(model.changed.connectionCount, 0);
  model.dispose();
});
