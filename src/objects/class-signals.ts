// The class-level declaration form, for objects made by the thousand (Qt's `signals:`, Python's
// `__slots__`): the signals are declared once per class, and an instance pays nothing for one
// until it is first used:
//
//   class Row extends SignalObject {
//     declare readonly clicked: Signal<[id: number]>;
//     declare readonly selected: Signal;
//     static { declareSignals(this, 'clicked', 'selected'); }
//   }
//
// Each name becomes a getter on the class's prototype that makes the signal on first access and
// keeps it in the object's owned-signal field (owned-signals.ts) at a fixed position.
import { signalGetters } from '../core/protocols.js';
import { Signal, type AnySignal } from '../signals/signal.js';
import { SignalObject } from './object.js';
import { classLayout, classSignalAt, layoutOf, ownedField, storeClassSignal, type OwnedHolder } from './owned-signals.js';

/** The keys of T whose values are Signals, except SignalObject's own (`destroyed`). */
export type SignalKeysOf<T> = Exclude<{ [K in keyof T]-?: T[K] extends AnySignal ? K : never }[keyof T], keyof SignalObject> & string;

/** A class whose instances are SignalObjects (abstract classes too). */
export type SignalObjectClass<T extends SignalObject> = abstract new (...args: never) => T;

function holder(object: SignalObject): OwnedHolder {
  return object as unknown as OwnedHolder;
}

function makeSignal(object: SignalObject, index: number): AnySignal {
  const signal = new Signal<unknown[]>(object);
  storeClassSignal(holder(object), index, signal);
  return signal;
}

function getterFor(index: number): (this: SignalObject) => AnySignal {
  const getter = function classSignal(this: SignalObject): AnySignal {
    return classSignalAt(holder(this), index) ?? makeSignal(this, index);
  };
  signalGetters.add(getter);
  return getter;
}

/**
 * Declares `names` as class-level signals of `cls` (call it once, in the class's static block).
 * Declare each one's type with `declare readonly name: Signal<[…]>`: the field form's types,
 * checked the same way; `declare` makes sure no instance field hides the class's getter.
 */
export function declareSignals<T extends SignalObject>(cls: SignalObjectClass<T>, ...names: SignalKeysOf<T>[]): void {
  const prototype: unknown = (cls as { prototype?: unknown } | null)?.prototype;
  if (typeof cls !== 'function' || !(prototype instanceof SignalObject)) {
    throw new TypeError('declareSignals(cls, ...names): cls must be a class that extends SignalObject; call it as `static { declareSignals(this, \'clicked\'); }` in the class body.');
  }
  if (names.length === 0) throw new TypeError(`declareSignals(${cls.name}): name at least one signal, e.g. declareSignals(this, 'clicked').`);
  const inherited = layoutOf(prototype);
  const layout = [...inherited];
  for (const name of names as unknown[]) {
    if (typeof name !== 'string' || name === '') {
      throw new TypeError(`declareSignals(${cls.name}): signal names must be non-empty strings, got ${typeof name === 'string' ? "''" : typeof name}.`);
    }
    if (layout.includes(name) || name in prototype) {
      throw new TypeError(
        `declareSignals(${cls.name}): '${name}' is already a member of ${cls.name} or of a class it extends; choose another name, or declare each signal once.`,
      );
    }
    Object.defineProperty(prototype, name, { get: getterFor(layout.length), configurable: true, enumerable: false });
    layout.push(name);
  }
  Object.defineProperty(prototype, classLayout, { value: Object.freeze(layout), configurable: true });
}

/** The class-level signals of `object`, made if they were not yet (for the registry and the dumps). */
export function classSignals(object: object): { name: string; signal: AnySignal }[] {
  const layout = layoutOf(object);
  if (layout.length === 0 || !(object instanceof SignalObject) || !(ownedField in object)) return [];
  return layout.map((name) => ({ name, signal: (object as unknown as Record<string, AnySignal>)[name] as AnySignal }));
}
