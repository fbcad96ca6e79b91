// Changes made to a signal while it emits.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal } from '../../src/index.js';
import { Button, Counter } from './fixtures.js';

test('a slot disconnected before its turn in the same emission is not called', () => {
  const signal = new Signal();
  const seen: string[] = [];
  signal.connect(() => {
    seen.push('a');
    later.disconnect();
  });
  const later = signal.connect(() => seen.push('b'));
  signal.connect(() => seen.push('c'));
  signal.emit();
  assert.deepEqual(seen, ['a', 'c']);
});

test('a slot that disconnects itself finishes, and the rest still run', () => {
  const signal = new Signal();
  const seen: string[] = [];
  const self = signal.connect(() => {
    self.disconnect();
    seen.push('self');
  });
  signal.connect(() => seen.push('next'));
  signal.emit();
  signal.emit();
  assert.deepEqual(seen, ['self', 'next', 'next']);
});

test('disconnecting the last slot from the first still skips it, and emission ends', () => {
  const signal = new Signal();
  const seen: string[] = [];
  signal.connect(() => {
    seen.push('first');
    last.disconnect();
    signal.connect(() => seen.push('new'));
  });
  const last = signal.connect(() => seen.push('last'));
  signal.emit();
  assert.deepEqual(seen, ['first']);
  signal.emit();
  assert.deepEqual(seen, ['first', 'first', 'new']);
});

test('a slot connected during an emission is first called by the next one', () => {
  const signal = new Signal();
  const seen: string[] = [];
  let added = false;
  signal.connect(() => {
    seen.push('a');
    if (!added) {
      added = true;
      signal.connect(() => seen.push('late'));
    }
  });
  signal.emit();
  assert.deepEqual(seen, ['a']);
  signal.emit();
  assert.deepEqual(seen, ['a', 'a', 'late']);
});

test('disconnect() of everything from inside a slot stops the rest of that emission', () => {
  const signal = new Signal();
  const seen: string[] = [];
  signal.connect(() => {
    seen.push('a');
    signal.disconnect();
  });
  signal.connect(() => seen.push('b'));
  signal.emit();
  assert.deepEqual(seen, ['a']);
  assert.equal(signal.connectionCount, 0);
});

test('emitting from inside a slot works and runs a full nested emission', () => {
  const signal = new Signal<[depth: number]>();
  const seen: string[] = [];
  signal.connect((depth) => {
    seen.push(`a${depth}`);
    if (depth === 0) signal.emit(1);
  });
  signal.connect((depth) => seen.push(`b${depth}`));
  signal.emit(0);
  assert.deepEqual(seen, ['a0', 'a1', 'b1', 'b0']);
});

test('a nested emission sees a slot connected by an outer slot; the outer one does not', () => {
  const signal = new Signal<[depth: number]>();
  const seen: string[] = [];
  signal.connect((depth) => {
    seen.push(`a${depth}`);
    if (depth === 0) {
      signal.connect((d) => seen.push(`late${d}`));
      signal.emit(1);
    }
  });
  signal.emit(0);
  assert.deepEqual(seen, ['a0', 'a1', 'late1']);
});

test('a nested emission that disconnects a slot makes the outer emission skip it too', () => {
  const signal = new Signal<[depth: number]>();
  const seen: string[] = [];
  signal.connect((depth) => {
    seen.push(`a${depth}`);
    if (depth === 0) signal.emit(1);
  });
  const second = signal.connect((depth) => {
    seen.push(`b${depth}`);
    second.disconnect();
  });
  signal.connect((depth) => seen.push(`c${depth}`));
  signal.emit(0);
  assert.deepEqual(seen, ['a0', 'a1', 'b1', 'c1', 'c0']);
});

test('disposing the emitter from inside its own slot stops the emission and later ones', () => {
  const button = new Button();
  const seen: number[] = [];
  button.clicked.connect((id) => {
    seen.push(id);
    button.dispose();
  });
  button.clicked.connect((id) => seen.push(id * 10));
  button.clicked.emit(1);
  button.clicked.emit(2);
  assert.deepEqual(seen, [1]);
});

test('disposing a receiver from inside an earlier slot skips its slot', () => {
  const button = new Button();
  const counter = new Counter();
  button.clicked.connect(() => counter.dispose());
  button.clicked.connect(counter, 'add');
  button.clicked.emit(5);
  assert.equal(counter.total, 0);
  assert.equal(button.clicked.connectionCount, 1);
});

test('emitting another signal from a slot, which changes this one, keeps both consistent', () => {
  const a = new Signal();
  const b = new Signal();
  const seen: string[] = [];
  const a2 = a.connect(() => seen.push('a2'));
  a.connect(() => {
    seen.push('a1');
    b.emit();
  });
  b.connect(() => {
    seen.push('b');
    a2.disconnect();
    a.connect(() => seen.push('a3'));
  });
  a.emit();
  a.emit();
  assert.deepEqual(seen, ['a2', 'a1', 'b', 'a1', 'b', 'a3']);
});
