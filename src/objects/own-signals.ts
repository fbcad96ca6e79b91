// Finding an object's signals without storing a list per object: its own enumerable properties
// that hold a Signal it owns (the standard `readonly clicked = new Signal(this, 'clicked')`).
// Signals kept elsewhere (a #private field, a Map) are not found: dispose them yourself.
import { ownerOf } from '../core/slot-list.js';
import { isSignal, type AnySignal } from '../signals/signal.js';

export interface OwnSignal {
  /** The property that holds the signal. */
  readonly key: string;
  readonly signal: AnySignal;
}

export function ownSignals(object: object): OwnSignal[] {
  const found: OwnSignal[] = [];
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    if (isSignal(value) && ownerOf(value) === object) found.push({ key, signal: value });
  }
  return found;
}
