// The seam to leak detection: every hook is called at its moment, and none on the emit path.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { setDevHooks, type AnySignal, type DevHooks } from '../../src/core/dev-hooks.js';
import { markOwnerDisposed } from '../../src/leaks/disposed-sentinel.js';
import { Signal, SignalObject, registry, type Connection } from '../../src/index.js';
import { Button, Counter, collectUntil } from './fixtures.js';

let events: string[] = [];
const sites = new WeakMap<Connection, string>();

function label(signal: AnySignal): string {
  return signal.name ?? '?';
}

const recorder: DevHooks = {
  objectCreated: (object) => events.push(`created ${object.constructor.name}`),
  connected: (signal, connection) => {
    assert.equal(connection.connected, true);
    sites.set(connection, 'app.ts:1:1');
    events.push(`connected ${label(signal)}`);
  },
  disconnected: (signal, connection) => {
    assert.equal(connection.signal, signal);
    events.push(`disconnected ${label(signal)}`);
  },
  disposed: (object, signals) => {
    // What leak detection does, so that an emit on a disposed object's signal reaches usedAfterDispose.
    markOwnerDisposed(object, signals);
    events.push(`disposed ${object.constructor.name}`);
  },
  receiverCollected: (connection) => events.push(`receiver collected ${label(connection.signal as AnySignal)}`),
  usedAfterDispose: (signal, action) => events.push(`used after dispose: ${action} ${label(signal)}`),
  liveObjects: () => [],
  liveObjectCount: () => 0,
  connectionSite: (connection) => sites.get(connection),
};

beforeEach(() => {
  events = [];
  setDevHooks(recorder);
});
afterEach(() => {
  setDevHooks(undefined);
});

test('objectCreated runs at the end of the base constructor', () => {
  let parentAtHook: SignalObject | null | undefined;
  setDevHooks({ ...recorder, objectCreated: (object) => (parentAtHook = object.parent) });
  const parent = new SignalObject();
  new SignalObject(parent);
  assert.equal(parentAtHook, parent);
});

test('connected and disconnected bracket a plain connection; emit calls no hook', () => {
  const button = new Button();
  events = [];
  const connection = button.clicked.connect(() => {});
  button.clicked.emit(1);
  button.clicked.emit(2);
  connection.disconnect();
  assert.deepEqual(events, ['connected clicked', 'disconnected clicked']);
});

test('disconnected runs for once, abort, disconnect(), and dispose', () => {
  const button = new Button();
  const controller = new AbortController();
  events = [];
  button.clicked.connect(() => {}, { once: true });
  button.clicked.emit(1);
  button.clicked.connect(() => {}, { signal: controller.signal });
  controller.abort();
  button.toggled.connect(() => {});
  button.toggled.disconnect();
  button.clicked.connect(() => {});
  button.destroyed.connect(() => {});
  button.dispose();
  assert.deepEqual(events, [
    'connected clicked',
    'disconnected clicked',
    'connected clicked',
    'disconnected clicked',
    'connected toggled',
    'disconnected toggled',
    'connected clicked',
    'connected destroyed',
    'disconnected clicked',
    'disconnected destroyed',
    'disposed Button',
  ]);
});

test('disconnected runs when a disposed receiver ends its connections', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(counter, 'add');
  events = [];
  counter.dispose();
  assert.deepEqual(events, ['disconnected clicked', 'disposed Counter']);
});

test('disconnected runs when a collected receiver is pruned', async () => {
  const signal = new Signal<[number]>(undefined, 'changed');
  ((): void => {
    signal.connect({ add(): void {} }, 'add');
  })();
  events = [];
  const gone = await collectUntil(() => {
    signal.emit(1);
    return signal.connectionCount === 0;
  });
  assert.equal(gone, true);
  assert.deepEqual(events, ['receiver collected changed', 'disconnected changed']);
});

test('usedAfterDispose reports connect (which throws) and emit (a no-op)', () => {
  const button = new Button();
  button.clicked.connect(() => {});
  button.toggled.connect(() => {}).disconnect(); // a signal once connected is owned, whatever its form
  button.dispose();
  events = [];
  assert.throws(() => button.clicked.connect(() => {}));
  button.clicked.emit(1);
  button.toggled.emit(true);
  assert.deepEqual(events, ['used after dispose: connect clicked', 'used after dispose: emit clicked', 'used after dispose: emit toggled']);
});

test('emit on a live object with no connections reports nothing', () => {
  const button = new Button();
  events = [];
  button.clicked.emit(1);
  assert.deepEqual(events, []);
});

test('registry uses the hooks for connect sites and live objects', () => {
  const button = new Button();
  button.clicked.connect(function onClick() {});
  assert.deepEqual(registry.connectionsOf(button), [{ signal: 'clicked', slot: 'onClick', connectedAt: 'app.ts:1:1' }]);
  setDevHooks({ ...recorder, liveObjects: () => [button], liveObjectCount: () => 7 });
  assert.deepEqual(registry.liveObjects(), [button]);
  assert.equal(registry.stats().liveObjects, 7, 'counted by the hooks, without listing (and touching) the objects');
});
