// Reporting an emit on a disposed object's signal (`use-after-dispose`) at no cost to an emit on
// a live signal without connections, whose path stays the same code as in production: when an
// object is disposed in development, its signals (which have no connections left) get one shared
// sentinel head, an ended connection flagged BLOCKED, with no signal, whose `_next` is the owner.
// The list's terminal, owner and count read as before (see slot-list.ts); emit stops at the
// BLOCKED flag it tests anyway, and reports when the head has no signal (only a sentinel has none).
//
// The signals sealed are those dispose() ended (every owned signal ever connected), the fields'
// owned signals never connected, and `destroyed`. The same one pass over the fields warns about
// an ownerless signal dispose() left connected (objects/unowned-signals.ts): dispose in
// development reads each field once, and allocates nothing but the sentinel and the key list.
import { BLOCKED, DEAD } from '../core/connection-flags.js';
import { Connection } from '../core/connection.js';
import type { AnySignal } from '../core/dev-hooks.js';
import { holderOf, slots } from '../core/slot-list.js';
import { destroyedSignalOf } from '../objects/object.js';
import { warnIfUnownedConnected } from '../objects/unowned-signals.js';
import { isSignal } from '../signals/signal.js';

function sentinelFor(signal: AnySignal, owner: object): Connection {
  const sentinel = new Connection(signal, () => undefined, undefined, DEAD | BLOCKED);
  sentinel._slot = undefined;
  sentinel._signal = undefined;
  sentinel._prev = sentinel;
  sentinel._next = owner;
  return sentinel;
}

/** Gives `signal` the owner's sentinel head when it has no connections (one sentinel per owner, made on first need). */
function seal(signal: AnySignal, owner: object, sentinel: Connection | undefined): Connection | undefined {
  // Not when the head is anything but the owner: an emission in progress still holds ended connections.
  if (holderOf(signal)[slots] !== owner) return sentinel;
  const head = sentinel ?? sentinelFor(signal, owner);
  holderOf(signal)[slots] = head;
  return head;
}

/** `owner` was disposed; `owned` are the signals dispose() ended. */
export function markOwnerDisposed(owner: object, owned: readonly AnySignal[]): void {
  let sentinel: Connection | undefined;
  for (const signal of owned) sentinel = seal(signal, owner, sentinel);
  // for…in, not Object.keys: V8 walks the shape's enum cache and loads each field by index, with
  // no key array and no keyed lookup (measured: the scan was most of dispose's development cost).
  for (const key in owner) {
    const value = (owner as Record<string, unknown>)[key];
    if (!isSignal(value)) continue;
    // A field's signal never connected holds its owner as its list's terminal (an owned one ever connected was sealed above).
    if (holderOf(value)[slots] === owner) sentinel = seal(value, owner, sentinel);
    else if (Object.hasOwn(owner, key)) warnIfUnownedConnected(owner, key, value);
  }
  const destroyed = destroyedSignalOf(owner);
  if (destroyed !== undefined) seal(destroyed, owner, sentinel);
}
