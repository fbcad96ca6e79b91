// The three connect forms: a function, a receiver with a method (function or name), a signal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';

class Button extends SignalObject {
  readonly clicked = new Signal<[id: number]>(this, 'clicked');
}

class Counter extends SignalObject {
  total = 0;
  add(n: number): void {
    this.total += n;
  }
}

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
