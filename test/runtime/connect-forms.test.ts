// The three connect forms: a function, a receiver with a method (function or name), a signal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Connection, Signal } from '../../src/index.js';
import { Button, Counter, counterAdd } from './fixtures.js';

test('a function slot receives the emitted arguments', () => {
  const button = new Button();
  const seen: number[] = [];
  button.clicked.connect((id) => seen.push(id));
  button.clicked.emit(7);
  assert.deepEqual(seen, [7]);
});

test('a receiver with a method name calls the method with this = receiver', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(counter, 'add');
  button.clicked.emit(2);
  button.clicked.emit(3);
  assert.equal(counter.total, 5);
});

test('a receiver with a function calls it with this = receiver', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(counter, function (id) {
    this.total += id * 10;
  });
  button.clicked.emit(1);
  assert.equal(counter.total, 10);
});

test('a signal connected to a signal forwards every emission', () => {
  const button = new Button();
  const relay = new Signal<[id: number]>();
  const seen: number[] = [];
  relay.connect((id) => seen.push(id));
  button.clicked.connect(relay);
  button.clicked.emit(4);
  assert.deepEqual(seen, [4]);
});

test('connect returns a live Connection that knows its signal, slot and receiver', () => {
  const button = new Button();
  const counter = new Counter();
  const connection = button.clicked.connect(counter, 'add');
  assert.ok(connection instanceof Connection);
  assert.equal(connection.connected, true);
  assert.equal(connection.signal, button.clicked);
  assert.equal(connection.receiver, counter);
  assert.equal(connection.slot, counterAdd);
  assert.equal(button.clicked.connectionCount, 1);
});

test('a method name that is not a method of the receiver is refused with a clear error', () => {
  const button = new Button();
  const counter = new Counter();
  assert.throws(() => button.clicked.connect(counter, 'total' as never), {
    name: 'TypeError',
    message: /Counter has no method 'total'.*Pass the name of one of its methods/,
  });
  assert.equal(button.clicked.connectionCount, 0);
});

test('connect refuses values that are neither a slot, a receiver with a method, nor a signal', () => {
  const button = new Button();
  assert.throws(() => button.clicked.connect(42 as never), { name: 'TypeError', message: /expected a function.*got number/ });
  assert.throws(() => button.clicked.connect(() => {}, 'fast' as never), { name: 'TypeError' });
  assert.throws(() => button.clicked.connect(() => {}, { signal: 'no' } as never), { message: /options.signal must be an AbortSignal/ });
  assert.throws(() => button.clicked.connect(button.clicked as never), { message: /cannot forward to itself/ });
});

test('slots run in connection order', () => {
  const button = new Button();
  const order: string[] = [];
  const counter = new Counter();
  button.clicked.connect(() => order.push('a'));
  button.clicked.connect(counter, () => order.push('b'));
  button.clicked.connect(() => order.push('c'));
  button.clicked.emit(1);
  button.clicked.emit(2);
  assert.deepEqual(order, ['a', 'b', 'c', 'a', 'b', 'c']);
});

test('emit passes every argument through, however many', () => {
  const signal = new Signal<[number, string, boolean, null, number]>();
  let seen: unknown[] = [];
  signal.connect((...args) => {
    seen = args;
  });
  signal.emit(1, 'two', true, null, 5);
  assert.deepEqual(seen, [1, 'two', true, null, 5]);
  const none = new Signal();
  let count = -1;
  none.connect((...args: unknown[]) => {
    count = args.length;
  });
  none.emit();
  assert.equal(count, 0);
});

test('forwarding goes through chains and ends when the target signal is disconnected', () => {
  const a = new Signal<[string]>();
  const b = new Signal<[string]>();
  const c = new Signal<[string]>();
  const seen: string[] = [];
  c.connect((s) => seen.push(s));
  a.connect(b);
  b.connect(c);
  a.emit('x');
  assert.equal(a.disconnect(b), 1);
  a.emit('y');
  assert.deepEqual(seen, ['x']);
});
