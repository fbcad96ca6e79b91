// The FinalizationRegistry probes: dropped-while-connected and receiver-dropped-while-connected,
// each with a clean twin that must stay silent.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';
import { collectedOf, collectGarbage } from './collect-garbage.js';

const gc = (globalThis as { gc?: () => void }).gc;
import { about, collectReports, emitterClass, lineOf, onClick, withoutColumn } from './fixtures.js';

test('an object dropped while connected is reported with its name, creation site and connections', async () => {
  const Row = emitterClass('DroppedRow');
  const reports = collectReports({ captureStacks: true });
  const lines: string[] = [];
  (() => {
    const [row, created] = [new Row(), new Error()];
    row.objectName = 'row-1';
    const [, connected] = [row.clicked.connect(onClick), new Error()];
    lines.push(lineOf(created), lineOf(connected));
  })();
  await collectGarbage(() => about(reports, 'DroppedRow').length > 0);
  const [report, ...more] = about(reports, 'DroppedRow');
  assert.ok(report);
  assert.equal(more.length, 0);
  assert.equal(report.kind, 'dropped-while-connected');
  assert.equal(report.objectName, 'row-1');
  assert.equal(withoutColumn(report.createdAt), lines[0]);
  assert.equal(report.connections.length, 1);
  assert.equal(report.connections[0]?.signal, 'clicked');
  assert.equal(report.connections[0]?.slot, 'onClick');
  assert.equal(withoutColumn(report.connections[0]?.connectedAt), lines[1]);
  assert.match(report.message, /^DroppedRow 'row-1' \(created at .*probes\.test\.js:\d+:\d+\) was garbage-collected while still connected/);
  assert.match(report.message, /clicked → onClick \(connected at .*probes\.test\.js:\d+:\d+\)/);
});

test('clean twin: objects disposed or disconnected before they are dropped are not reported', async () => {
  const Clean = emitterClass('CleanRow');
  const Witness = emitterClass('WitnessRow');
  const reports = collectReports();
  (() => {
    const disposed = new Clean();
    disposed.clicked.connect(onClick);
    disposed.dispose();
    const disconnected = new Clean();
    disconnected.changed.connect(() => {}).disconnect();
    const never = new Clean();
    never.objectName = 'never connected';
    new Witness().clicked.connect(onClick); // proves the probes ran for this collection
  })();
  await collectGarbage(() => about(reports, 'WitnessRow').length > 0);
  assert.equal(about(reports, 'WitnessRow').length, 1);
  assert.deepEqual(about(reports, 'CleanRow'), []);
});

test("a standalone signal's owner dropped while connected is reported", async () => {
  class PlainStore {
    readonly changed = new Signal<[string]>(this, 'changed');
  }
  const reports = collectReports({ captureStacks: true });
  (() => {
    new PlainStore().changed.connect(function render(): void {});
  })();
  await collectGarbage(() => about(reports, 'PlainStore').length > 0);
  const [report] = about(reports, 'PlainStore');
  assert.equal(report?.kind, 'dropped-while-connected');
  assert.equal(report.createdAt, undefined, 'only SignalObjects have a creation hook');
  assert.equal(report.connections[0]?.slot, 'render');
  assert.match(report.connections[0]?.connectedAt ?? '', /probes\.test\.js:\d+:\d+$/);
});

test('a receiver dropped while connected is reported by its probe, once, and its entry pruned at the next emission', async () => {
  const Model = emitterClass('ReceiverModel');
  class DroppedView {
    refresh(): void {}
  }
  const model = new Model();
  model.objectName = 'store';
  const reports = collectReports();
  (() => {
    model.changed.connect(new DroppedView(), 'refresh');
  })();
  assert.equal(model.changed.connectionCount, 1);
  await collectGarbage(() => about(reports, 'DroppedView').length > 0);
  const [report, ...more] = about(reports, 'DroppedView');
  assert.equal(more.length, 0);
  assert.equal(report?.kind, 'receiver-dropped-while-connected');
  assert.deepEqual(report.connections, [{ signal: 'changed', slot: 'DroppedView.refresh' }]);
  assert.match(report.message, /^DroppedView was garbage-collected while still connected as the receiver of ReceiverModel 'store': changed → DroppedView\.refresh\./);
  assert.equal(model.changed.connectionCount, 1, 'the probe keeps no handle on the connection: the next emission prunes it');
  model.changed.emit();
  assert.equal(model.changed.connectionCount, 0);
  await collectGarbage(() => false, 2);
  assert.equal(about(reports, 'DroppedView').length, 1, 'the pruning emission does not report it again');
  assert.equal(about(reports, 'ReceiverModel').length, 0);
  model.dispose();
});

test('a receiver collected, then pruned by an emission before its probe ran, is reported by the emission, exactly once', async () => {
  const Model = emitterClass('EagerModel');
  const Other = emitterClass('EagerOther');
  class EagerView {
    refresh(): void {}
  }
  const model = new Model();
  const other = new Other();
  const reports = collectReports();
  let gone = () => false;
  (() => {
    const view = new EagerView();
    model.changed.connect(view, 'refresh');
    other.changed.connect(view, 'refresh');
    gone = collectedOf(view);
  })();
  // Collect without giving the probes a turn: the emission below runs before they do.
  for (let round = 0; round < 10 && !gone(); round++) {
    gc?.();
    model.changed.emit();
    await new Promise((resolve) => setImmediate(resolve));
  }
  assert.ok(gone());
  await collectGarbage(() => false, 3);
  const found = about(reports, 'EagerView');
  assert.equal(found.length, 1, 'one report, whoever saw the loss first');
  assert.deepEqual(found[0]?.connections.map((c) => c.signal).sort(), ['changed', 'changed']);
  other.changed.emit();
  await collectGarbage(() => false, 2);
  assert.equal(about(reports, 'EagerView').length, 1);
  model.dispose();
  other.dispose();
});

test('clean twin: receivers disconnected or disposed before they are dropped are not reported', async () => {
  const Model = emitterClass('QuietModel');
  const Receiver = emitterClass('QuietReceiver');
  class WitnessView {
    refresh(): void {}
  }
  const model = new Model();
  const reports = collectReports();
  (() => {
    const disposed = new Receiver();
    model.changed.connect(disposed, 'onEvent');
    disposed.dispose();
    const plain = { refresh(): void {} };
    model.changed.connect(plain, 'refresh').disconnect();
    model.changed.connect(new WitnessView(), 'refresh');
  })();
  await collectGarbage(() => about(reports, 'WitnessView').length > 0);
  assert.equal(about(reports, 'WitnessView').length, 1);
  assert.deepEqual(about(reports, 'QuietReceiver'), []);
  assert.deepEqual(about(reports, 'Object'), []);
  model.changed.emit();
  assert.equal(model.changed.connectionCount, 0);
  model.dispose();
});

test('an emitter and its own receiver dropped together make one report, not two', async () => {
  const Panel = emitterClass('PairPanel');
  const Child = emitterClass('PairChild');
  const reports = collectReports();
  (() => {
    const panel = new Panel();
    const child = new Child();
    panel.changed.connect(child, 'onEvent');
    (panel as SignalObject & { keep?: unknown }).keep = child;
  })();
  await collectGarbage(() => about(reports, 'PairPanel').length > 0);
  await collectGarbage(() => false, 2);
  assert.equal(about(reports, 'PairPanel').length, 1);
  assert.deepEqual(about(reports, 'PairChild'), []);
});

test("a forwarding target's owner dropped while connected is reported as the receiver", async () => {
  const Source = emitterClass('ForwardSource');
  const Target = emitterClass('ForwardTarget');
  const source = new Source();
  const reports = collectReports();
  (() => {
    const target = new Target();
    target.objectName = 'relay';
    source.clicked.connect(target.clicked);
  })();
  await collectGarbage(() => about(reports, 'ForwardTarget').length > 0);
  const [report] = about(reports, 'ForwardTarget');
  assert.equal(report?.kind, 'receiver-dropped-while-connected');
  assert.equal(report.objectName, 'relay');
  assert.match(report.connections[0]?.slot ?? '', /^signal ForwardTarget::relay\.clicked$/);
  source.clicked.emit(1);
  assert.equal(source.clicked.connectionCount, 0);
  source.dispose();
});
