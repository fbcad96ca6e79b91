// Bad input gets a clear error that names what was wrong and what to do, never silence or a raw
// engine message.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dumpObjectInfo, dumpObjectTree, Signal, SignalObject } from '../../src/index.js';
import { Button, Counter } from './fixtures.js';

const slot = (): void => {};

test('connect rejects an unknown option, naming it and the closest known one', () => {
  const signal = new Signal();
  assert.throws(() => signal.connect(slot, { onec: true } as never), {
    name: 'TypeError',
    message: /unknown option 'onec' \(did you mean 'once'\?\).*once, queued, unique, signal/,
  });
  assert.throws(() => signal.connect(slot, { weak: true } as never), { name: 'TypeError', message: /unknown option 'weak'\. / });
  assert.equal(signal.connectionCount, 0);
});

test('connect rejects ill-typed options with the expected type and the value given', () => {
  const signal = new Signal();
  const counter = new Counter();
  assert.throws(() => signal.connect(slot, { once: 'yes' } as never), { name: 'TypeError', message: /options\.once must be true or false, got string/ });
  assert.throws(() => signal.connect(slot, { queued: 1 } as never), { name: 'TypeError', message: /options\.queued must be true or false, got number/ });
  assert.throws(() => new Button().clicked.connect(counter, 'add', { unique: null } as never), { name: 'TypeError', message: /options\.unique must be true or false, got null/ });
  assert.throws(() => signal.connect(slot, { signal: {} } as never), { name: 'TypeError', message: /options\.signal must be an AbortSignal/ });
  assert.equal(signal.connectionCount, 0);
});

test('connect accepts options given as undefined, and an options object without prototype', () => {
  const signal = new Signal();
  signal.connect(slot, { once: undefined, signal: undefined });
  signal.connect(slot, Object.assign(Object.create(null) as object, { queued: false }));
  assert.equal(signal.connectionCount, 2);
});

test('connect(receiver, 42) blames the 42, not the receiver', () => {
  const button = new Button();
  const counter = new Counter();
  assert.throws(() => button.clicked.connect(counter, 42 as never), {
    name: 'TypeError',
    message: /the slot of receiver Counter must be a method \(a function or a method name\), got number/,
  });
  assert.throws(() => button.clicked.connect(counter, null as never), { name: 'TypeError', message: /got null/ });
});

test('disconnect(null) and disconnect(undefined) are TypeErrors, not a silent 0 or a disconnect-all', () => {
  const signal = new Signal();
  signal.connect(slot);
  assert.throws(() => signal.disconnect(null as never), {
    name: 'TypeError',
    message: /Signal\.disconnect: expected a slot, a receiver or a signal, got null.*disconnect\(\) with no argument/,
  });
  assert.throws(() => signal.disconnect(undefined as never), { name: 'TypeError', message: /got undefined/ });
  assert.throws(() => signal.disconnect(new Counter(), 7 as never), { name: 'TypeError', message: /slot must be a function or a method name, got number/ });
  assert.equal(signal.connectionCount, 1);
});

test('dumpObjectInfo and dumpObjectTree reject what is not an object with a clear error', () => {
  for (const value of [null, undefined, 3, 'name']) {
    assert.throws(() => dumpObjectInfo(value as never), { name: 'TypeError', message: /^dumpObjectInfo: expected a SignalObject, an object with Signal fields, or a Signal; got / });
    assert.throws(() => dumpObjectTree(value as never), { name: 'TypeError', message: /^dumpObjectTree: expected a SignalObject, an object with Signal fields, or a Signal; got / });
  }
});

test('the cycle error reads well for unnamed objects of the same type', () => {
  const root = new SignalObject();
  const child = new SignalObject(root);
  const grandchild = new SignalObject(child);
  assert.throws(() => root.setParent(root), { message: 'setParent: an object cannot be its own parent (SignalObject); that would make a cycle.' });
  assert.throws(() => root.setParent(grandchild), {
    message: 'setParent: the new parent (SignalObject) is a descendant of this SignalObject, 2 levels down; that would make a cycle. Detach it first, or choose another parent.',
  });
  assert.throws(() => root.setParent(child), { message: /is a child of this SignalObject; that would make a cycle/ });
});

test('an unbound emit says how to call it', () => {
  const signal = new Signal<[number]>();
  const unbound = (label: string): Error =>
    new TypeError(`Signal.emit was called without its signal as \`this\` (${label}). Call it as signal.emit(…), or pass (…args) => signal.emit(…args).`);
  // eslint-disable-next-line @typescript-eslint/unbound-method -- the mistake under test
  const emit = signal.emit;
  assert.throws(() => emit(1), { name: 'TypeError', message: unbound('this is undefined').message });
  signal.connect(slot);
  assert.throws(() => emit(1), { name: 'TypeError', message: unbound('this is undefined').message });
});
