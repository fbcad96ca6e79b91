// Bits of `Connection._flags`. The low byte describes the connection itself; the list head also
// carries its signal's state (blocked, live connection count) so that a Signal needs no field
// of its own for them.

/** The connection ended. */
export const DEAD = 1;
/** Ends after the first delivery. */
export const ONCE = 2;
/** Delivers in a later microtask. */
export const QUEUED = 4;
/** A queued `once` delivery is scheduled; later emissions skip it. */
export const PENDING = 8;
/** Bits that take a connection off the emit fast path. */
export const EMIT_MASK = DEAD | ONCE | QUEUED | PENDING;

/** The connection has an AbortSignal listener to remove when it ends. */
export const ABORTABLE = 16;
/** The receiver is a SignalObject that lists this connection among its senders. */
export const INBOUND = 32;

/** Signal state, on the list head only: the owner blocked its signals. */
export const BLOCKED = 64;
/**
 * Signal state, on a list head only: the owner was disposed while leak detection was on, and
 * this head is the owner's sentinel (see slot-list.ts, markOwnerDisposed), so that an emit on it
 * is reported at no cost to an emit on a live signal without connections.
 */
export const OWNER_DISPOSED = 128;
/** Head bits that stop an emission before any slot runs. */
export const EMIT_STOP = BLOCKED | OWNER_DISPOSED;
/** Signal state, on the list head only: the live connection count, in the bits above the low byte. */
export const COUNT_SHIFT = 8;
export const COUNT_UNIT = 1 << COUNT_SHIFT;
/** Everything the head carries for its signal, moved to the next head when it is unlinked. */
export const HEAD_MASK = BLOCKED | ~(COUNT_UNIT - 1);
