// A long-lived receiver lists the receiver-bound connections made to it (so its dispose() can end
// them) without keeping their emitters alive: a row dropped without dispose is collected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject, type Connection } from '../../src/index.js';
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

/** Connects `count` rows to `controller` receiver-bound, then drops them without dispose. */
function dropConnectedRows(controller: Controller, count: number): WeakRef<Row>[] {
  return Array.from({ length: count }, () => {
    const row = new Row();
    row.clicked.connect(controller, 'onRowClicked');
    return new WeakRef(row);
  });
}

test('a row connected receiver-bound to a live controller is collected when dropped without dispose', async () => {
  const controller = new Controller();
  const [ref] = dropConnectedRows(controller, 1) as [WeakRef<Row>];
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
  assert.equal(controller.isDisposed, false);
});

test('1,000 dropped rows are collected while the controller lives, and its dispose still ends the live rows\' connections', async () => {
  const controller = new Controller();
  const kept = Array.from({ length: 10 }, () => new Row());
  const keptConnections: Connection[] = [];
  const dropped: WeakRef<Row>[] = [];
  // Interleaved, so the controller's sender list is compacted while it holds both kinds.
  for (let i = 0; i < kept.length; i++) {
    dropped.push(...dropConnectedRows(controller, 100));
    keptConnections.push((kept[i] as Row).clicked.connect(controller, 'onRowClicked'));
  }
  assert.equal(await collectUntil(() => dropped.every((r) => r.deref() === undefined)), true);
  // New connections after the collection compact away the dead entries and still work.
  const late = new Row();
  keptConnections.push(late.clicked.connect(controller, 'onRowClicked'));
  for (const row of [...kept, late]) row.clicked.emit(1);
  assert.equal(controller.clicks, 11);
  controller.dispose();
  assert.deepEqual(keptConnections.map((c) => c.connected), keptConnections.map(() => false));
  assert.equal([...kept, late].reduce((sum, row) => sum + row.clicked.connectionCount, 0), 0);
});

test('disposing the controller ends the connections of rows that are still alive', () => {
  const controller = new Controller();
  const rows = Array.from({ length: 40 }, () => new Row());
  const connections = rows.map((row) => row.clicked.connect(controller, 'onRowClicked'));
  controller.dispose();
  assert.equal(connections.filter((c) => c.connected).length, 0);
  assert.equal(rows.reduce((sum, row) => sum + row.clicked.connectionCount, 0), 0);
  for (const row of rows) row.clicked.emit(1);
  assert.equal(controller.clicks, 0);
  assert.equal(rows.every((row) => !row.isDisposed), true);
});
