// The off-the-fast-path cases of an emission: receiver-bound calls (and pruning receivers that
// were collected), `once`, `queued`, and slots that return promises.
import { DEAD, ONCE, PENDING, QUEUED } from '../core/connection-flags.js';
import type { Connection, StoredSlot } from '../core/connection.js';
import { endConnection, pruneConnection } from '../core/slot-list.js';
import { reportSlotError } from './slot-errors.js';
import { describeSlot } from '../core/slot-names.js';
import type { AnySignal } from '../core/runtime-types.js';

/** The emitted arguments as an array (emit passes up to three as parameters). */
export function argumentList(n: number, a: unknown, b: unknown, c: unknown, more: unknown[] | undefined): unknown[] {
  return n === 0 ? [] : n === 1 ? [a] : n === 2 ? [a, b] : n === 3 ? [a, b, c] : (more as unknown[]);
}

/** Calls a receiver-bound slot with `this` = receiver; prunes the connection instead when the receiver was collected. */
export function callBound(c: Connection, n: number, a: unknown, b: unknown, d: unknown, more: unknown[] | undefined): unknown {
  const target = (c._receiver as WeakRef<object>).deref();
  if (target === undefined) {
    pruneConnection(c);
    return undefined;
  }
  const slot = c._slot as StoredSlot;
  return n === 1 ? slot.call(target, a) : n === 0 ? slot.call(target) : slot.apply(target, argumentList(n, a, b, d, more));
}

/** A slot returned something: if it is a promise, its rejection is reported, never unhandled. */
export function watchResult(result: unknown, signal: AnySignal, connection: Connection): void {
  watchSlotResult(result, signal, connection._slot, connection._receiver?.deref());
}

/**
 * A slot returned something: if it is a promise, its rejection is reported, never unhandled.
 * `slot` and `receiver` are read before the call: a slot that ended its own connection is still
 * named in the report.
 */
export function watchSlotResult(result: unknown, signal: AnySignal, slot: StoredSlot | undefined, receiver: object | undefined): void {
  if (typeof result !== 'object' || result === null || typeof (result as { then?: unknown }).then !== 'function') return;
  (result as PromiseLike<unknown>).then(undefined, (error: unknown) => {
    reportSlotError(error, { kind: 'rejected-promise', signal, slot: describeSlot(slot, receiver) });
  });
}

/** A live connection with ONCE, QUEUED or PENDING set. Returns the emission's error list. */
export function deliverRare(c: Connection, args: unknown[], errors: unknown[] | undefined): unknown[] | undefined {
  const flags = c._flags;
  if ((flags & PENDING) !== 0) return errors;
  if ((flags & QUEUED) !== 0) {
    if ((flags & ONCE) !== 0) c._flags |= PENDING;
    queueMicrotask(() => {
      deliverQueued(c, args);
    });
    return errors;
  }
  // once: end first, so that an emission from inside the slot does not call it again.
  callRare(c, args, true, (error) => {
    (errors ??= []).push(error);
  });
  return errors;
}

function deliverQueued(c: Connection, args: unknown[]): void {
  if ((c._flags & DEAD) !== 0) return; // ended meanwhile: the delivery is dropped
  callRare(c, args, (c._flags & ONCE) !== 0, (error, signal, slot, target) => {
    reportSlotError(error, { kind: 'queued-slot', signal, slot: describeSlot(slot, target) });
  });
}

/**
 * Calls a rare connection's slot with its receiver (ending the connection first when `end`), or
 * prunes the connection if the receiver was collected. What the slot throws goes to `failed`, with
 * the slot and receiver read before the call (a slot that ends its own connection is still named).
 */
function callRare(
  c: Connection,
  args: unknown[],
  end: boolean,
  failed: (error: unknown, signal: AnySignal, slot: StoredSlot, target: object | undefined) => void,
): void {
  const slot = c._slot as StoredSlot;
  const receiver = c._receiver;
  const target = receiver?.deref();
  const signal = c._signal as AnySignal;
  if (receiver !== undefined && target === undefined) {
    pruneConnection(c);
    return;
  }
  if (end) endConnection(c);
  try {
    const result = slot.apply(target, args);
    if (result !== undefined) watchSlotResult(result, signal, slot, target);
  } catch (error) {
    failed(error, signal, slot, target);
  }
}
