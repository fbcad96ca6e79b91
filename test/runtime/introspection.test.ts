// dumpObjectInfo, dumpObjectTree and the registry.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject, configureLeakDetection, dumpObjectInfo, dumpObjectTree, registry, resetLeakDetection } from '../../src/index.js';
import { Button, Counter } from './fixtures.js';

function scene(): { window: SignalObject; ok: Button; status: Counter } {
  const window = new SignalObject();
  window.objectName = 'main';
  const ok = new Button(window);
  ok.objectName = 'ok';
  const status = new Counter(window);
  status.objectName = 'status';
  ok.clicked.connect(status, 'add');
  ok.clicked.connect(function log() {});
  ok.toggled.connect(status, function toggle() {});
  return { window, ok, status };
}

test('registry.connectionsOf lists one entry per connection of the object\'s signals', () => {
  const { ok } = scene();
  assert.deepEqual(registry.connectionsOf(ok), [
    { signal: 'clicked', slot: 'Counter::status.add', receiver: 'Counter::status' },
    { signal: 'clicked', slot: 'log' },
    { signal: 'toggled', slot: 'Counter::status.toggle', receiver: 'Counter::status' },
  ]);
});

test('registry.connectionsOf includes destroyed, forwardings, and accepts a single signal', () => {
  const button = new Button();
  const relay = new Signal<[number]>(new Counter(), 'relay');
  button.clicked.connect(relay);
  button.destroyed.connect(function cleanup() {});
  assert.deepEqual(registry.connectionsOf(button), [
    { signal: 'clicked', slot: 'signal Counter.relay', receiver: 'Counter' },
    { signal: 'destroyed', slot: 'cleanup' },
  ]);
  assert.deepEqual(registry.connectionsOf(button.clicked).length, 1);
  assert.throws(() => registry.connectionsOf(3 as never), { name: 'TypeError' });
});

test('registry.connectionsOf drops ended connections', () => {
  const { ok } = scene();
  ok.clicked.disconnect();
  assert.deepEqual(
    registry.connectionsOf(ok).map((c) => c.slot),
    ['Counter::status.toggle'],
  );
});

test('dumpObjectInfo lists signals with their slots and the senders connected to the object', () => {
  const { ok, status } = scene();
  assert.equal(
    dumpObjectInfo(ok),
    [
      'OBJECT Button::ok',
      '  SIGNALS OUT',
      '    clicked (2 connections)',
      '      --> Counter::status.add',
      '      --> log',
      '    toggled (1 connection)',
      '      --> Counter::status.toggle',
      '  SIGNALS IN',
      '    (none)',
    ].join('\n'),
  );
  assert.equal(
    dumpObjectInfo(status),
    [
      'OBJECT Counter::status',
      '  SIGNALS OUT',
      '    (none)',
      '  SIGNALS IN',
      '    <-- Button::ok.clicked  --> Counter::status.add',
      '    <-- Button::ok.toggled  --> Counter::status.toggle',
    ].join('\n'),
  );
});

test('dumpObjectTree shows Type::objectName for the object and its descendants, with signal counts', () => {
  const { window } = scene();
  const nested = new Button(window.children[1]);
  nested.clicked.connect(() => {});
  assert.equal(
    dumpObjectTree(window),
    ['SignalObject::main', '  Button::ok  [clicked: 2, toggled: 1]', '  Counter::status', '    Button::  [clicked: 1, toggled: 0]'].join('\n'),
  );
});

test('registry.stats counts objects and connections; liveObjects is empty without leak detection', () => {
  configureLeakDetection({ enabled: false }); // on by default outside production
  const before = registry.stats();
  const button = new Button();
  const connection = button.clicked.connect(() => {});
  button.toggled.connect(() => {});
  connection.disconnect();
  const during = registry.stats();
  assert.equal(during.objectsCreated - before.objectsCreated, 1);
  assert.equal(during.connectionsMade - before.connectionsMade, 2);
  assert.equal(during.connectionsEnded - before.connectionsEnded, 1);
  assert.equal(during.liveConnections - before.liveConnections, 1);
  button.dispose();
  const after = registry.stats();
  assert.equal(after.objectsDisposed - before.objectsDisposed, 1);
  assert.equal(after.liveConnections - before.liveConnections, 0);
  assert.equal(after.liveObjects, undefined);
  assert.deepEqual(registry.liveObjects(), []);
  resetLeakDetection();
});
