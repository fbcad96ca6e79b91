// `unique`: the existing connection of the same slot and receiver, never a dead one, and never
// silently dropping the call's other options.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, type Connection } from '../../src/index.js';
import { collectUntil } from './fixtures.js';

function onValue(this: unknown, n: number): void {
  seen.push([this, n]);
}
const seen: [unknown, number][] = [];

test('unique never returns a connection whose receiver was collected: the function slot gets a live connection', async () => {
  seen.length = 0;
  const signal = new Signal<[number]>();
  const dropReceiver = (): WeakRef<object> => {
    const receiver = {};
    signal.connect(receiver, onValue);
    return new WeakRef(receiver);
  };
  const ref = dropReceiver();
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
  const connection = signal.connect(onValue, { unique: true });
  assert.equal(connection.connected, true);
  assert.equal(connection.receiver, undefined);
  signal.emit(7);
  assert.deepEqual(seen, [[undefined, 7]]);
});

test('unique with the same once/queued returns the existing connection', () => {
  const signal = new Signal<[number]>();
  const slot = (): void => {};
  const first = signal.connect(slot, { once: true });
  assert.equal(signal.connect(slot, { unique: true, once: true }), first);
  assert.equal(signal.connectionCount, 1);
});

test('unique refuses to hand back a connection made with other once/queued options, saying which', () => {
  const signal = new Signal<[number]>();
  const slot = function onTick(): void {};
  signal.connect(slot);
  assert.throws(() => signal.connect(slot, { unique: true, once: true }), {
    name: 'TypeError',
    message: /\{ unique: true \} found onTick already connected with \{ once: false, queued: false \}, but this call asks for \{ once: true, queued: false \}/,
  });
  assert.throws(() => signal.connect(slot, { unique: true, queued: true }), { name: 'TypeError', message: /asks for \{ once: false, queued: true \}/ });
  assert.equal(signal.connectionCount, 1);
});

test("unique with a signal: the existing connection also ends when the call's AbortSignal aborts", () => {
  const signal = new Signal<[number]>();
  const values: number[] = [];
  const slot = (n: number): void => {
    values.push(n);
  };
  const first = signal.connect(slot);
  const controller = new AbortController();
  const again: Connection = signal.connect(slot, { unique: true, signal: controller.signal });
  assert.equal(again, first);
  signal.emit(1);
  controller.abort();
  signal.emit(2);
  assert.deepEqual(values, [1]);
  assert.equal(first.connected, false);
  // An already aborted AbortSignal ends it at once, as it ends a new connection at once.
  const second = signal.connect(slot);
  assert.equal(signal.connect(slot, { unique: true, signal: AbortSignal.abort() }), second);
  assert.equal(second.connected, false);
});
