import assert from 'node:assert/strict';
import { test } from 'node:test';
import { about, collectReports, emitterClass, lineOf, onClick, withoutColumn } from './fixtures.js';

test('connect on a disposed object throws and reports where it was called', () => {
  const Row = emitterClass('LateConnectRow');
  const reports = collectReports({ captureStacks: true });
  const row = new Row();
  row.objectName = 'gone';
  row.dispose();
  const [site, connect] = [new Error(), () => row.clicked.connect(onClick)];
  assert.throws(connect, /disposed/);
  const [report, ...more] = about(reports, 'LateConnectRow');
  assert.equal(more.length, 0);
  assert.equal(report?.kind, 'use-after-dispose');
  assert.equal(report.objectName, 'gone');
  assert.match(report.message, /^connect\(\) on LateConnectRow 'gone' \(created at .*\)\.clicked after the object was disposed: the connection was refused\./);
  assert.equal(withoutColumn(report.connections[0]?.connectedAt), lineOf(site));
});

test('emit on a disposed object is a no-op that reports once per signal', () => {
  const Row = emitterClass('LateEmitRow');
  const reports = collectReports();
  const row = new Row();
  row.dispose();
  for (let i = 0; i < 5; i += 1) row.clicked.emit(i);
  row.changed.emit();
  const late = about(reports, 'LateEmitRow');
  assert.deepEqual(late.map((report) => report.connections[0]?.signal), ['clicked', 'changed']);
  assert.match(late[0]?.message ?? '', /^emit\(\) on LateEmitRow\.clicked after the object was disposed: the emission was ignored\./);
  assert.match(late[0]?.connections[0]?.connectedAt ?? '', /use-after-dispose\.test\.js:\d+:\d+$/, 'the site of a misuse is captured even without stacks');
});

test('clean twin: connect and emit on live objects, even without connections, report nothing', () => {
  const Row = emitterClass('LiveRow');
  const reports = collectReports();
  const row = new Row();
  row.clicked.emit(1);
  row.clicked.connect(onClick);
  row.clicked.emit(2);
  row.dispose();
  assert.deepEqual(about(reports, 'LiveRow'), []);
});
