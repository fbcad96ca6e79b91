// Finding an object's signals without storing a list per object: its own enumerable properties
// that hold a Signal it owns (the standard `readonly clicked = new Signal(this, 'clicked')`),
// its class-level signals (class-signals.ts), and every owned signal that was ever connected,
// wherever it is kept (owned-signals.ts). `destroyed` is not among them (the registry adds it).
import { ownerOf } from '../core/slot-list.js';
import { nameInField, nameOf } from '../signals/signal-names.js';
import { isSignal, type AnySignal } from '../signals/signal.js';
import { classSignals } from './class-signals.js';
import { destroyedSignalOf } from './object.js';
import { ownedField, ownedSignals, type OwnedHolder } from './owned-signals.js';

export interface OwnSignal {
  /** The signal's name: its field's, its class-level name, or the name it was given. */
  readonly name: string;
  readonly signal: AnySignal;
}

export function ownSignals(object: object): OwnSignal[] {
  const found: OwnSignal[] = [];
  const seen = new Set<AnySignal>();
  const add = (name: string, signal: AnySignal): void => {
    if (seen.has(signal)) return;
    seen.add(signal);
    found.push({ name, signal });
  };
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    if (isSignal(value) && ownerOf(value) === object) add(nameInField(value, key), value);
  }
  for (const { name, signal } of classSignals(object)) add(name, signal);
  if (ownedField in object) {
    const destroyed = destroyedSignalOf(object);
    for (const signal of ownedSignals(object as OwnedHolder)) if (signal !== destroyed) add(nameOf(signal) ?? '(unnamed)', signal);
  }
  return found;
}
