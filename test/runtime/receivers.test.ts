// Receiver-bound connections hold their receiver weakly and end when it is disposed or collected.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject, type Connection } from '../../src/index.js';
import { Button, Counter, collectUntil } from './fixtures.js';

function connectDroppedReceiver(signal: Signal<[number]>): { ref: WeakRef<object>; connection: Connection } {
  const receiver = { total: 0, add(n: number): void { this.total += n; } };
  const connection = signal.connect(receiver, 'add');
  return { ref: new WeakRef(receiver), connection };
}

test('a receiver-bound connection does not keep its receiver alive', async () => {
  const signal = new Signal<[number]>();
  const { ref } = connectDroppedReceiver(signal);
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
});

test('a kept Connection does not keep its receiver alive either', async () => {
  const signal = new Signal<[number]>();
  const { ref, connection } = connectDroppedReceiver(signal);
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
  assert.equal(connection.receiver, undefined);
});

test('a collected receiver\'s entry is pruned no later than the next emission', async () => {
  const signal = new Signal<[number]>();
  const seen: number[] = [];
  signal.connect((n) => seen.push(n));
  const { ref, connection } = connectDroppedReceiver(signal);
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
  signal.emit(1);
  assert.equal(connection.connected, false);
  assert.equal(signal.connectionCount, 1);
  assert.deepEqual(seen, [1]);
});

test('a forwarding does not keep its target signal (or its owner) alive', async () => {
  const source = new Signal<[number]>();
  const ref = ((): WeakRef<object> => {
    const owner = new Counter();
    const target = new Signal<[number]>(owner, 'relay');
    source.connect(target);
    return new WeakRef(owner);
  })();
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
  source.emit(1);
  assert.equal(source.connectionCount, 0);
});

test('a function slot is held strongly (it is the slot); disposing the emitter releases it', async () => {
  const button = new Button();
  const ref = ((): WeakRef<object> => {
    const state = { hits: 0 };
    button.clicked.connect(() => state.hits++);
    return new WeakRef(state);
  })();
  assert.equal(await collectUntil(() => ref.deref() === undefined, 3), false);
  button.dispose();
  assert.equal(await collectUntil(() => ref.deref() === undefined), true);
});

test('a disposed receiver\'s connections end at once, not at the next emission', () => {
  const button = new Button();
  const counter = new Counter();
  const connection = button.clicked.connect(counter, 'add');
  counter.dispose();
  assert.equal(connection.connected, false);
  assert.equal(button.clicked.connectionCount, 0);
});

test('a receiver with many senders ended and reconnected many times keeps only live ones', () => {
  const counter = new Counter();
  const buttons = Array.from({ length: 40 }, () => new Button());
  for (let round = 0; round < 5; round++) {
    const connections = buttons.map((b) => b.clicked.connect(counter, 'add'));
    for (const c of connections.slice(1)) c.disconnect();
  }
  counter.dispose();
  assert.equal(buttons.reduce((sum, b) => sum + b.clicked.connectionCount, 0), 0);
});

test('a long-lived receiver does not keep emitters alive through ended connections', async () => {
  const counter = new Counter();
  const refs = ((): WeakRef<Button>[] => {
    const buttons = Array.from({ length: 20 }, () => new Button());
    for (const b of buttons) b.clicked.connect(counter, 'add');
    for (const b of buttons) b.dispose();
    return buttons.map((b) => new WeakRef(b));
  })();
  assert.equal(await collectUntil(() => refs.every((r) => r.deref() === undefined)), true);
  const live = new Button();
  live.clicked.connect(counter, 'add');
  live.clicked.emit(2);
  assert.equal(counter.total, 2);
});

test('a kept Connection that has ended keeps neither its emitter nor its slot alive', async () => {
  const owner = new SignalObject();
  const [connection, emitterRef, slotRef] = ((): [Connection, WeakRef<object>, WeakRef<object>] => {
    const button = new Button();
    const slot = (): void => {};
    const c = owner.track(button.clicked.connect(slot));
    button.dispose();
    return [c, new WeakRef(button), new WeakRef(slot)];
  })();
  assert.equal(await collectUntil(() => emitterRef.deref() === undefined && slotRef.deref() === undefined), true);
  assert.equal(connection.connected, false);
  assert.equal(connection.signal, undefined);
});
