// SignalObject: ownership, dispose, destroyed, blockSignals, track, Symbol.dispose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';
import { Button, Counter } from './fixtures.js';

test('a child created with a parent is listed in its children; setParent moves it', () => {
  const a = new SignalObject();
  const b = new SignalObject();
  const child = new SignalObject(a);
  assert.equal(child.parent, a);
  assert.deepEqual(a.children, [child]);
  child.setParent(b);
  assert.equal(child.parent, b);
  assert.deepEqual(a.children, []);
  assert.deepEqual(b.children, [child]);
  child.setParent(null);
  assert.equal(child.parent, null);
  assert.deepEqual(b.children, []);
});

test('setParent refuses cycles, disposed parents and non-objects with clear errors', () => {
  const root = new SignalObject();
  const child = new SignalObject(root);
  const grandchild = new SignalObject(child);
  assert.throws(() => root.setParent(grandchild), { message: /cycle/ });
  assert.throws(() => root.setParent(root), { message: /cycle/ });
  const gone = new SignalObject();
  gone.dispose();
  assert.throws(() => child.setParent(gone), { message: /was disposed; choose a live parent/ });
  assert.throws(() => child.setParent({} as never), { name: 'TypeError', message: /must be a SignalObject or null/ });
  assert.equal(grandchild.parent, child);
});

test('objectName defaults to the empty string and can be set', () => {
  const object = new SignalObject();
  assert.equal(object.objectName, '');
  object.objectName = 'main';
  assert.equal(object.objectName, 'main');
  assert.throws(() => {
    object.objectName = 3 as never;
  }, { name: 'TypeError' });
});

test('dispose emits destroyed exactly once, with the object, and is idempotent', () => {
  const button = new Button();
  const seen: SignalObject[] = [];
  button.destroyed.connect((object) => seen.push(object));
  assert.equal(button.isDisposed, false);
  button.dispose();
  button.dispose();
  button[Symbol.dispose]();
  assert.deepEqual(seen, [button]);
  assert.equal(button.isDisposed, true);
});

test('dispose ends every connection of the object\'s signals', () => {
  const button = new Button();
  const a = button.clicked.connect(() => {});
  const b = button.toggled.connect(new Counter(), () => {});
  const d = button.destroyed.connect(() => {});
  button.dispose();
  assert.deepEqual([a.connected, b.connected, d.connected], [false, false, false]);
  assert.equal(button.clicked.connectionCount + button.toggled.connectionCount + button.destroyed.connectionCount, 0);
});

test('dispose ends every receiver-bound connection whose receiver it is, on any sender', () => {
  const one = new Button();
  const two = new Button();
  const counter = new Counter();
  const free = one.clicked.connect(() => {});
  const bound = one.clicked.connect(counter, 'add');
  const forward = new Signal<[number]>(counter, 'relay');
  two.clicked.connect(counter, 'add');
  const forwarding = two.clicked.connect(forward);
  counter.dispose();
  assert.equal(bound.connected, false);
  assert.equal(forwarding.connected, false);
  assert.equal(free.connected, true);
  assert.equal(two.clicked.connectionCount, 0);
  one.clicked.emit(1);
  assert.equal(counter.total, 0);
});

test('dispose disposes children (depth first) and a disposed child leaves its parent', () => {
  const root = new SignalObject();
  const child = new SignalObject(root);
  const grandchild = new SignalObject(child);
  const order: string[] = [];
  root.destroyed.connect(() => order.push('root'));
  child.destroyed.connect(() => order.push('child'));
  grandchild.destroyed.connect(() => order.push('grandchild'));
  const sibling = new SignalObject(root);
  sibling.dispose();
  assert.deepEqual(root.children, [child]);
  root.dispose();
  assert.deepEqual(order, ['root', 'child', 'grandchild']);
  assert.equal(grandchild.isDisposed, true);
  assert.deepEqual(root.children, []);
  assert.equal(child.parent, null);
});

test('emit after dispose is a no-op', () => {
  const button = new Button();
  button.dispose();
  assert.doesNotThrow(() => button.clicked.emit(1));
});

test('connect after dispose throws an error naming the type, objectName and signal', () => {
  const button = new Button();
  button.objectName = 'ok';
  button.dispose();
  assert.throws(() => button.clicked.connect(() => {}), {
    message: /signal 'clicked' of Button "ok".*disposed/,
  });
  assert.throws(() => button.toggled.connect(new Counter(), () => {}), { message: /signal 'toggled' of Button "ok"/ });
  assert.equal(button.clicked.connectionCount, 0);
});

test('connecting a disposed receiver returns a connection that has already ended', () => {
  const button = new Button();
  const counter = new Counter();
  counter.dispose();
  const connection = button.clicked.connect(counter, 'add');
  assert.equal(connection.connected, false);
  assert.equal(button.clicked.connectionCount, 0);
});

test('track: resources are disposed with the object, last tracked first; track returns the resource', () => {
  const owner = new SignalObject();
  const order: string[] = [];
  const resource = (name: string): Disposable => ({ [Symbol.dispose]: () => order.push(name) });
  const first = resource('first');
  assert.equal(owner.track(first), first);
  owner.track(resource('second'));
  const button = new Button();
  const connection = owner.track(button.clicked.connect(() => {}));
  owner.dispose();
  assert.deepEqual(order, ['second', 'first']);
  assert.equal(connection.connected, false);
});

test('track after dispose disposes the resource at once; track refuses non-disposables', () => {
  const owner = new SignalObject();
  owner.dispose();
  let disposed = false;
  owner.track({ [Symbol.dispose]: () => (disposed = true) });
  assert.equal(disposed, true);
  assert.throws(() => owner.track({} as never), { name: 'TypeError', message: /expected a Disposable/ });
});

test('errors thrown while disposing do not stop the rest and are rethrown at the end', () => {
  const owner = new SignalObject();
  const child = new SignalObject(owner);
  owner.destroyed.connect(() => {
    throw new Error('slot');
  });
  owner.track({
    [Symbol.dispose]: () => {
      throw new Error('resource');
    },
  });
  assert.throws(() => owner.dispose(), (error: unknown) => error instanceof AggregateError && error.errors.length === 2);
  assert.equal(child.isDisposed, true);
  assert.equal(owner.isDisposed, true);
});

test('using disposes the object at the end of the block', () => {
  let outside: Button | undefined;
  {
    using button = new Button();
    outside = button;
    assert.equal(button.isDisposed, false);
  }
  assert.equal(outside.isDisposed, true);
});

test('blockSignals makes emits no-ops until unblocked and returns the previous state', () => {
  const button = new Button();
  const seen: number[] = [];
  button.clicked.connect((id) => seen.push(id));
  assert.equal(button.signalsBlocked(), false);
  assert.equal(button.blockSignals(true), false);
  assert.equal(button.signalsBlocked(), true);
  button.clicked.emit(1);
  assert.equal(button.blockSignals(true), true);
  assert.equal(button.blockSignals(false), true);
  button.clicked.emit(2);
  assert.deepEqual(seen, [2]);
});

test('blockSignals also covers signals first connected while blocked, and connections added later', () => {
  const button = new Button();
  const seen: string[] = [];
  button.blockSignals(true);
  button.toggled.connect(() => seen.push('toggled'));
  button.clicked.connect(() => seen.push('clicked-1'));
  button.clicked.connect(() => seen.push('clicked-2'));
  button.toggled.emit(true);
  button.clicked.emit(1);
  button.blockSignals(false);
  button.toggled.emit(true);
  button.clicked.emit(1);
  assert.deepEqual(seen, ['toggled', 'clicked-1', 'clicked-2']);
});

test('blocked signals stay blocked when their first connection ends', () => {
  const button = new Button();
  const seen: string[] = [];
  const first = button.clicked.connect(() => seen.push('first'));
  button.clicked.connect(() => seen.push('second'));
  button.blockSignals(true);
  first.disconnect();
  button.clicked.emit(1);
  assert.deepEqual(seen, []);
});

test('destroyed is emitted even while signals are blocked', () => {
  const button = new Button();
  let destroyed = 0;
  button.destroyed.connect(() => destroyed++);
  button.blockSignals(true);
  button.dispose();
  assert.equal(destroyed, 1);
});

test('a Signal owned by a plain object works without SignalObject', () => {
  const model = { changed: undefined as unknown as Signal<[string]> };
  model.changed = new Signal<[string]>(model, 'changed');
  const seen: string[] = [];
  model.changed.connect((s) => seen.push(s));
  model.changed.emit('x');
  assert.deepEqual(seen, ['x']);
  assert.equal(model.changed.owner, model);
});
