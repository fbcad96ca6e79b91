import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  describeConnections,
  droppedWhileConnected,
  listenerThreshold,
  receiverDroppedWhileConnected,
  undisposedAtScopeEnd,
  usedAfterDispose,
} from '../../src/leaks/leak-messages.js';

const row = { objectType: 'Row', objectName: 'row-3', createdAt: '/app/list.ts:12:15' };
const clicked = { signal: 'clicked', slot: 'onRowClicked', connectedAt: '/app/list.ts:13:5' };

test('a dropped-while-connected message names the object, its site, its connections and the fix', () => {
  const report = droppedWhileConnected(row, [clicked]);
  assert.equal(report.kind, 'dropped-while-connected');
  assert.equal(report.objectType, 'Row');
  assert.equal(report.objectName, 'row-3');
  assert.equal(report.createdAt, '/app/list.ts:12:15');
  assert.deepEqual(report.connections, [clicked]);
  assert.match(report.message, /^Row 'row-3' \(created at \/app\/list\.ts:12:15\) was garbage-collected while still connected/);
  assert.match(report.message, /clicked → onRowClicked \(connected at \/app\/list\.ts:13:5\)/);
  assert.match(report.message, /Fix: call dispose\(\).*`using`.*parent.*disconnect\(\)/s);
  assert.doesNotMatch(report.message, /captureStacks/);
  assert.doesNotMatch(report.message, /\n/);
});

test('without sites, a message says how to get them, and leaves createdAt and objectName out', () => {
  const report = droppedWhileConnected({ objectType: 'Row', objectName: '' }, [{ signal: 'clicked', slot: 'handler' }]);
  assert.equal('createdAt' in report, false);
  assert.equal('objectName' in report, false);
  assert.match(report.message, /^Row was garbage-collected/);
  assert.match(report.message, /configureLeakDetection\(\{ captureStacks: true \}\)/);
});

test('long connection lists are cut with a count', () => {
  const many = Array.from({ length: 8 }, (_, i) => ({ signal: `s${i}`, slot: 'f' }));
  assert.equal(describeConnections(many), 's0 → f, s1 → f, s2 → f, s3 → f, s4 → f, and 3 more');
});

test('a receiver-dropped message names the receiver and the emitter', () => {
  const report = receiverDroppedWhileConnected({ objectType: 'View' }, [{ signal: 'changed', slot: 'View.refresh' }], "Model 'store'");
  assert.equal(report.kind, 'receiver-dropped-while-connected');
  assert.match(report.message, /^View was garbage-collected while still connected as the receiver of Model 'store': changed → View\.refresh\./);
  assert.match(report.message, /pruned/);
});

test('a listener-threshold message gives the dominant site and its share, and calls it a leak', () => {
  const spread = { dominant: '/app/row.ts:20:11', dominantCount: 9, distinct: 2, bySite: true };
  const report = listenerThreshold({ objectType: 'Model', objectName: 'store' }, 'changed', 11, 10, spread, []);
  assert.equal(report.kind, 'listener-threshold');
  assert.match(report.message, /^Possible leak: Model 'store'\.changed has 11 connections, more than the threshold of 10\./);
  assert.match(report.message, /9 of 11 \(82%\) were connected at \/app\/row\.ts:20:11\./);
  assert.match(report.message, /never disconnected/);
  assert.doesNotMatch(report.message, /design smell/);
});

test('a listener-threshold message with many sites calls it a design smell', () => {
  const spread = { dominant: 'update', dominantCount: 2, distinct: 9, bySite: false };
  const report = listenerThreshold({ objectType: 'Bus' }, 'message', 11, 10, spread, []);
  assert.match(report.message, /2 of 11 \(18%\) call the same slot update\./);
  assert.match(report.message, /9 different slots: many independent listeners on one signal is a design smell/);
});

test('an undisposed-at-scope-end message counts the descendants under their root', () => {
  const report = undisposedAtScopeEnd(row, [clicked], 2);
  assert.equal(report.kind, 'undisposed-at-scope-end');
  assert.match(report.message, /not disposed at the end of the scope \(including 2 descendants left connected because it was not disposed\)/);
  assert.doesNotMatch(undisposedAtScopeEnd(row, [clicked], 0).message, /descendant/);
});

test('use-after-dispose messages say what happened to the connect or the emit', () => {
  assert.match(usedAfterDispose(row, 'clicked', 'connect', []).message, /^connect\(\) on Row 'row-3' \(created at .*\)\.clicked after the object was disposed: the connection was refused\./);
  assert.match(usedAfterDispose(row, 'clicked', 'emit', []).message, /^emit\(\) on Row 'row-3' .*the emission was ignored\./);
});
