// Reporting an emit on a disposed object's signal (`use-after-dispose`) at no cost to an emit on
// a live signal without connections, whose path stays the same code as in production: when an
// object is disposed in development, its signals (which have no connections left) get one shared
// sentinel head, an ended connection flagged OWNER_DISPOSED whose `_next` is the owner. The
// list's terminal, owner and count read as before (see slot-list.ts); emit stops at the head
// flags it tests anyway (EMIT_STOP) and reports.
import { DEAD, OWNER_DISPOSED } from '../connection-flags.js';
import { Connection } from '../connection.js';
import type { AnySignal } from '../dev-hooks.js';

export function markOwnerDisposed(owner: object, signals: readonly AnySignal[]): void {
  let sentinel: Connection | undefined;
  for (const signal of signals) {
    if (signal._s !== owner) continue; // an emission in progress still holds ended connections
    if (sentinel === undefined) {
      sentinel = new Connection(signal, () => undefined, undefined, DEAD | OWNER_DISPOSED);
      sentinel._slot = undefined;
      sentinel._signal = undefined;
      sentinel._prev = sentinel;
      sentinel._next = owner;
    }
    signal._s = sentinel;
  }
}
