// The growth monitor on real signals: silent at the threshold, a report one past it, back-off
// as the signal keeps growing, and the dominant connect site (or slot) with its share.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Connection } from '../../src/index.js';
import { about, collectReports, emitterClass, lineOf, withoutColumn } from './fixtures.js';

function connectMany(target: { changed: { connect(slot: () => void): Connection } }, count: number): [Connection[], Error] {
  const connections: Connection[] = [];
  const [site] = [new Error()];
  for (let i = 0; i < count; i += 1) connections.push(target.changed.connect(() => {}));
  return [connections, site];
}

test('a signal growing past the threshold is reported once, then with back-off, and never refused', () => {
  const Store = emitterClass('GrowingStore');
  const reports = collectReports({ captureStacks: true });
  const store = new Store();
  store.objectName = 'store';
  connectMany(store, 10);
  assert.equal(about(reports, 'GrowingStore').length, 0, 'no report at the threshold');
  const [, site] = connectMany(store, 1);
  assert.equal(about(reports, 'GrowingStore').length, 1, 'a report when one more arrives');
  connectMany(store, 39);
  assert.equal(store.changed.connectionCount, 50);
  const growth = about(reports, 'GrowingStore');
  assert.deepEqual(growth.map((report) => report.kind), ['listener-threshold', 'listener-threshold', 'listener-threshold']);
  const [first] = growth;
  assert.equal(first?.objectName, 'store');
  assert.equal(first.connections.length, 11);
  assert.match(first.message, /^Possible leak: GrowingStore 'store' \(created at .*\)\.changed has 11 connections, more than the threshold of 10\./);
  // Ten connections came from one line of connectMany, the eleventh from the same line again.
  const loopLine = withoutColumn(first.connections[0]?.connectedAt);
  assert.equal(loopLine.replace(/:\d+$/, ''), lineOf(site).replace(/:\d+$/, ''));
  assert.match(first.message, /11 of 11 \(100%\) were connected at .*listener-threshold\.test\.js:\d+:\d+\. One place adding most/);
  store.dispose();
});

test('many different slots on one signal are called a design smell, not a leak', () => {
  const Bus = emitterClass('BusyBus');
  const reports = collectReports({ listenerThreshold: 3 });
  const bus = new Bus();
  for (const name of ['audit', 'cache', 'render', 'log']) {
    const slot = (): void => {};
    Object.defineProperty(slot, 'name', { value: name });
    bus.changed.connect(slot);
  }
  const [report, ...more] = about(reports, 'BusyBus');
  assert.equal(more.length, 0);
  assert.match(report?.message ?? '', /1 of 4 \(25%\) call the same slot audit\. They come from 4 different slots: many independent listeners on one signal is a design smell/);
  assert.match(report?.message ?? '', /captureStacks: true/);
  bus.dispose();
});

test('clean twin: a signal that stays at the threshold, however often it reconnects, is never reported', () => {
  const Store = emitterClass('SteadyStore');
  const store = new Store();
  const reports = collectReports();
  const [connections] = connectMany(store, 10);
  for (let round = 0; round < 100; round += 1) {
    connections.shift()?.disconnect();
    connections.push(...connectMany(store, 1)[0]);
  }
  assert.equal(store.changed.connectionCount, 10);
  assert.deepEqual(about(reports, 'SteadyStore'), []);
  store.dispose();
});

test('listenerThreshold 0 turns the monitor off, as in Node', () => {
  const Store = emitterClass('UnlimitedStore');
  const store = new Store();
  const reports = collectReports({ listenerThreshold: 0 });
  connectMany(store, 100);
  assert.deepEqual(about(reports, 'UnlimitedStore'), []);
  store.dispose();
});
