// Signal names and owners: from the constructor, whatever field (if any) holds the signal.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject } from '../../src/index.js';
import { Button } from './fixtures.js';

test('a signal declared as a field has its name and owner, before and after connections', () => {
  const button = new Button();
  assert.equal(button.clicked.name, 'clicked');
  assert.equal(button.clicked.owner, button);
  const connection = button.clicked.connect(() => {});
  assert.equal(button.clicked.name, 'clicked');
  assert.equal(button.clicked.owner, button);
  connection.disconnect();
  assert.equal(button.toggled.name, 'toggled');
  assert.equal(button.clicked.owner, button);
});

test('a name that differs from the field holding the signal is kept', () => {
  class Slider extends SignalObject {
    readonly changed = new Signal<[number]>(this, 'valueChanged');
    readonly moved = new Signal<[number]>(this, 'sliderMoved');
  }
  const slider = new Slider();
  assert.equal(slider.changed.name, 'valueChanged');
  assert.equal(slider.moved.name, 'sliderMoved');
  slider.changed.connect(() => {});
  assert.equal(slider.changed.name, 'valueChanged');
});

test('names survive when checked only after many constructions or a microtask', async () => {
  class Renamed extends SignalObject {
    readonly a = new Signal(this, 'alpha');
    readonly b = new Signal(this, 'b');
  }
  const objects = Array.from({ length: 50 }, () => new Renamed());
  await Promise.resolve();
  assert.ok(objects.every((o) => o.a.name === 'alpha' && o.b.name === 'b'));
});

test('a signal kept elsewhere than a field of its owner keeps its name', () => {
  const owner = new SignalObject();
  const signals = { one: new Signal(owner, 'first'), two: new Signal(owner, 'second') };
  const list = [new Signal(owner, 'third')];
  assert.deepEqual([signals.one.name, signals.two.name, list[0]?.name], ['first', 'second', 'third']);
  assert.equal(signals.one.owner, owner);
});

test('a signal behind a getter over a private field is named', () => {
  class Secretive extends SignalObject {
    readonly #changed = new Signal<[number]>(this, 'changed');
    get changed(): Signal<[number]> {
      return this.#changed;
    }
  }
  const object = new Secretive();
  assert.equal(object.changed.name, 'changed');
});

test('a standalone signal has its name (or none) and no owner', () => {
  const named = new Signal<[string]>(undefined, 'message');
  assert.equal(named.name, 'message');
  assert.equal(named.owner, undefined);
  named.connect(() => {});
  assert.equal(named.name, 'message');
  assert.equal(named.owner, undefined);
  const anonymous = new Signal();
  assert.equal(anonymous.name, undefined);
  assert.equal(anonymous.owner, undefined);
});

test('a subclass of Signal keeps its prototype and its name', () => {
  class LoggedSignal<A extends unknown[]> extends Signal<A> {
    emitted = 0;
    override emit(...args: A): void {
      this.emitted++;
      super.emit(...args);
    }
  }
  const owner = new SignalObject();
  const signal = new LoggedSignal<[number]>(owner, 'logged');
  signal.emit(1);
  assert.ok(signal instanceof LoggedSignal);
  assert.equal(signal.emitted, 1);
  assert.equal(signal.name, 'logged');
});

test('destroyed is named destroyed', () => {
  const object = new SignalObject();
  assert.equal(object.destroyed.name, 'destroyed');
  assert.equal(object.destroyed.owner, object);
});

test('the constructor refuses a primitive owner or a non-string name', () => {
  assert.throws(() => new Signal(3 as never, 'x'), { name: 'TypeError', message: /owner must be an object/ });
  assert.throws(() => new Signal(undefined, 3 as never), { name: 'TypeError', message: /name must be a string/ });
});
