// The disconnect forms and the counts they return.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal } from '../../src/index.js';
import { Button, Counter, counterAdd } from './fixtures.js';

test('disconnect() ends every connection and returns how many', () => {
  const button = new Button();
  const a = button.clicked.connect(() => {});
  button.clicked.connect(() => {});
  button.clicked.connect(new Counter(), 'add');
  assert.equal(button.clicked.disconnect(), 3);
  assert.equal(button.clicked.connectionCount, 0);
  assert.equal(a.connected, false);
  assert.equal(button.clicked.disconnect(), 0);
});

test('disconnect(slot) ends every connection of that function and nothing else', () => {
  const button = new Button();
  const seen: string[] = [];
  const slot = (): number => seen.push('slot');
  button.clicked.connect(slot);
  button.clicked.connect(() => seen.push('other'));
  button.clicked.connect(slot);
  assert.equal(button.clicked.disconnect(slot), 2);
  button.clicked.emit(1);
  assert.deepEqual(seen, ['other']);
});

test('disconnect(receiver) ends every connection bound to that receiver', () => {
  const button = new Button();
  const counter = new Counter();
  const other = new Counter();
  button.clicked.connect(counter, 'add');
  button.clicked.connect(counter, function () {
    this.calls += 100;
  });
  button.clicked.connect(other, 'add');
  assert.equal(button.clicked.disconnect(counter), 2);
  button.clicked.emit(5);
  assert.equal(counter.calls, 0);
  assert.equal(other.total, 5);
});

test('disconnect(signal) ends a forwarding', () => {
  const source = new Signal<[number]>();
  const target = new Signal<[number]>();
  const seen: number[] = [];
  target.connect((n) => seen.push(n));
  source.connect(target);
  assert.equal(source.disconnect(target), 1);
  source.emit(1);
  assert.deepEqual(seen, []);
});

test('disconnect(receiver, method) ends only that method of that receiver, by name or by function', () => {
  const button = new Button();
  const counter = new Counter();
  const other = new Counter();
  const extra = function (this: Counter): void {
    this.calls += 10;
  };
  button.clicked.connect(counter, 'add');
  button.clicked.connect(counter, extra);
  button.clicked.connect(other, 'add');
  assert.equal(button.clicked.disconnect(counter, 'add'), 1);
  assert.equal(button.clicked.disconnect(counter, extra), 1);
  assert.equal(button.clicked.disconnect(counter, 'add'), 0);
  assert.equal(button.clicked.connectionCount, 1);
  button.clicked.emit(2);
  assert.equal(other.total, 2);
  assert.equal(counter.calls, 0);
});

test('a connection made by method name is found by the method function, and the reverse', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(counter, counterAdd);
  assert.equal(button.clicked.disconnect(counter, 'add'), 1);
  button.clicked.connect(counter, 'add');
  assert.equal(button.clicked.disconnect(counter, counterAdd), 1);
});

test('Connection.disconnect is true the first time only, and Symbol.dispose disconnects', () => {
  const button = new Button();
  const connection = button.clicked.connect(() => {});
  assert.equal(connection.disconnect(), true);
  assert.equal(connection.disconnect(), false);
  assert.equal(connection.connected, false);
  {
    using scoped = button.clicked.connect(() => {});
    assert.equal(scoped.connected, true);
    assert.equal(button.clicked.connectionCount, 1);
  }
  assert.equal(button.clicked.connectionCount, 0);
});

test('disconnect refuses a primitive with a clear error', () => {
  const button = new Button();
  assert.throws(() => button.clicked.disconnect(3 as never), { name: 'TypeError', message: /expected a slot, a receiver or a signal/ });
  assert.throws(() => button.clicked.disconnect(new Counter(), 3 as never), { name: 'TypeError', message: /function or a method name/ });
});

test('connectionCount follows connects and disconnects in any order', () => {
  const signal = new Signal();
  const connections = Array.from({ length: 6 }, () => signal.connect(() => {}));
  for (const index of [3, 0, 5, 1]) connections[index]?.disconnect();
  assert.equal(signal.connectionCount, 2);
  signal.connect(() => {});
  assert.equal(signal.connectionCount, 3);
});
