// Connect options: once, queued, unique, signal (AbortSignal).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal } from '../../src/index.js';
import { Button, Counter, counterAdd } from './fixtures.js';

const tick = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

test('once: delivered to the first emission only, then the connection has ended', () => {
  const button = new Button();
  const seen: number[] = [];
  const connection = button.clicked.connect((id) => seen.push(id), { once: true });
  button.clicked.emit(1);
  button.clicked.emit(2);
  assert.deepEqual(seen, [1]);
  assert.equal(connection.connected, false);
  assert.equal(button.clicked.connectionCount, 0);
});

test('once: an emission from inside the slot does not call it again', () => {
  const signal = new Signal<[number]>();
  const seen: number[] = [];
  signal.connect(
    (n) => {
      seen.push(n);
      if (n < 3) signal.emit(n + 1);
    },
    { once: true },
  );
  signal.emit(1);
  assert.deepEqual(seen, [1]);
});

test('once with a receiver calls the method with this = receiver', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(counter, 'add', { once: true });
  button.clicked.emit(4);
  button.clicked.emit(4);
  assert.equal(counter.total, 4);
});

test('queued: delivered in a later microtask, not during emit', async () => {
  const button = new Button();
  const seen: number[] = [];
  button.clicked.connect((id) => seen.push(id), { queued: true });
  button.clicked.emit(1);
  button.clicked.emit(2);
  assert.deepEqual(seen, []);
  await Promise.resolve();
  assert.deepEqual(seen, [1, 2]);
});

test('queued: a delivery is dropped when the connection ended meanwhile', async () => {
  const button = new Button();
  const seen: number[] = [];
  const connection = button.clicked.connect((id) => seen.push(id), { queued: true });
  button.clicked.emit(1);
  connection.disconnect();
  await tick();
  assert.deepEqual(seen, []);
});

test('queued once: one delivery, even when emitted twice before it runs', async () => {
  const button = new Button();
  const seen: number[] = [];
  const connection = button.clicked.connect((id) => seen.push(id), { queued: true, once: true });
  button.clicked.emit(1);
  button.clicked.emit(2);
  assert.equal(connection.connected, true);
  await tick();
  assert.deepEqual(seen, [1]);
  assert.equal(connection.connected, false);
});

test('unique: the same slot and receiver return the existing connection', () => {
  const button = new Button();
  const counter = new Counter();
  const slot = (): void => {};
  const first = button.clicked.connect(slot, { unique: true });
  assert.equal(button.clicked.connect(slot, { unique: true }), first);
  const bound = button.clicked.connect(counter, 'add');
  assert.equal(button.clicked.connect(counter, counterAdd, { unique: true }), bound);
  assert.equal(button.clicked.connectionCount, 2);
  button.clicked.emit(3);
  assert.equal(counter.total, 3);
});

test('unique: a different receiver or slot makes a new connection', () => {
  const button = new Button();
  const a = new Counter();
  const b = new Counter();
  const first = button.clicked.connect(a, 'add', { unique: true });
  assert.notEqual(button.clicked.connect(b, 'add', { unique: true }), first);
  assert.notEqual(button.clicked.connect(counterAdd as never, { unique: true }), first);
  assert.equal(button.clicked.connectionCount, 3);
});

test('unique: an ended connection is not reused', () => {
  const signal = new Signal();
  const slot = (): void => {};
  const first = signal.connect(slot, { unique: true });
  first.disconnect();
  const second = signal.connect(slot, { unique: true });
  assert.notEqual(second, first);
  assert.equal(second.connected, true);
});

test('unique: matches a forwarding to the same signal', () => {
  const source = new Signal<[number]>();
  const target = new Signal<[number]>();
  const first = source.connect(target);
  assert.equal(source.connect(target, { unique: true }), first);
});

test('signal: aborting ends the connection', () => {
  const button = new Button();
  const controller = new AbortController();
  const seen: number[] = [];
  const connection = button.clicked.connect((id) => seen.push(id), { signal: controller.signal });
  button.clicked.emit(1);
  controller.abort();
  button.clicked.emit(2);
  assert.deepEqual(seen, [1]);
  assert.equal(connection.connected, false);
});

test('signal: an already aborted signal gives a connection that has ended', () => {
  const button = new Button();
  const connection = button.clicked.connect(() => {}, { signal: AbortSignal.abort() });
  assert.equal(connection.connected, false);
  assert.equal(button.clicked.connectionCount, 0);
});

test('signal: one AbortController ends many connections at once', () => {
  const button = new Button();
  const controller = new AbortController();
  button.clicked.connect(() => {}, { signal: controller.signal });
  button.toggled.connect(() => {}, { signal: controller.signal });
  button.clicked.connect(() => {});
  controller.abort();
  assert.equal(button.clicked.connectionCount, 1);
  assert.equal(button.toggled.connectionCount, 0);
});

test('signal: a connection that ended first removes its abort listener', () => {
  const button = new Button();
  const controller = new AbortController();
  let removed = 0;
  const original = controller.signal.removeEventListener.bind(controller.signal);
  controller.signal.removeEventListener = (...args: Parameters<typeof original>): void => {
    removed++;
    original(...args);
  };
  button.clicked.connect(() => {}, { signal: controller.signal }).disconnect();
  assert.equal(removed, 1);
});

test('options must be an object', () => {
  const button = new Button();
  assert.throws(() => button.clicked.connect(() => {}, 'once' as never), { name: 'TypeError' });
  assert.throws(() => button.clicked.connect(() => {}, null as never), { name: 'TypeError', message: /options must be an object/ });
});
