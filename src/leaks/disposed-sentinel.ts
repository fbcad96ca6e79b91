// Reporting an emit on a disposed object's signal (`use-after-dispose`) at no cost to an emit on
// a live signal without connections, whose path stays the same code as in production: when an
// object is disposed in development, its signals (which have no connections left) get one shared
// sentinel head, an ended connection flagged BLOCKED, with no signal, whose `_next` is the owner.
// The list's terminal, owner and count read as before (see slot-list.ts); emit stops at the
// BLOCKED flag it tests anyway, and reports when the head has no signal (only a sentinel has none).
import { BLOCKED, DEAD } from '../core/connection-flags.js';
import { Connection } from '../core/connection.js';
import type { AnySignal } from '../core/dev-hooks.js';
import { holderOf, slots } from '../core/slot-list.js';

export function markOwnerDisposed(owner: object, signals: readonly AnySignal[]): void {
  let sentinel: Connection | undefined;
  for (const signal of signals) {
    if (holderOf(signal)[slots] !== owner) continue; // an emission in progress still holds ended connections
    if (sentinel === undefined) {
      sentinel = new Connection(signal, () => undefined, undefined, DEAD | BLOCKED);
      sentinel._slot = undefined;
      sentinel._signal = undefined;
      sentinel._prev = sentinel;
      sentinel._next = owner;
    }
    holderOf(signal)[slots] = sentinel;
  }
}
