// Where a signal's name lives without costing a field: on a prototype shared by every signal of
// that name (one small subclass of Signal per distinct name, made on first use and cached).
// Subclasses of Signal written by users keep their own prototype: their names go to a WeakMap.
import { Signal } from './signal.js';
import type { AnySignal } from './dev-hooks.js';

type NamedSignalClass = new (owner?: object) => AnySignal;

const classes = new Map<string, NamedSignalClass>();
const subclassNames = new WeakMap<object, string>();

export function namedSignal(name: string, owner: object | undefined): AnySignal {
  let named = classes.get(name);
  if (named === undefined) {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- one class serves every argument list
    named = class extends Signal<any[]> {};
    Object.defineProperty(named.prototype, 'name', { value: name, enumerable: false });
    classes.set(name, named);
  }
  return new named(owner);
}

export function setSubclassName(signal: object, name: string): void {
  subclassNames.set(signal, name);
}

export function subclassName(signal: object): string | undefined {
  return subclassNames.get(signal);
}
