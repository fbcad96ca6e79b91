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
/** The slot is called with a receiver (held by a WeakRef), so one bit tells the emit loop, without loading `_receiver`. */
export const BOUND = 128;
/** Bits that take a connection off the emit fast path (a plain function slot). */
export const EMIT_MASK = DEAD | ONCE | QUEUED | PENDING | BOUND;
/** Bits that need more than a call with the receiver. */
export const RARE_MASK = ONCE | QUEUED | PENDING;

/** The connection has an AbortSignal listener to remove when it ends. */
export const ABORTABLE = 16;
/** The receiver is a SignalObject that lists this connection among its senders. */
export const INBOUND = 32;

/** Signal state, on the list head only: the owner blocked its signals. */
export const BLOCKED = 64;
/** Signal state, on the list head only: the live connection count, in the bits above the low byte. */
export const COUNT_SHIFT = 8;
export const COUNT_UNIT = 1 << COUNT_SHIFT;
/** Everything the head carries for its signal, moved to the next head when it is unlinked. */
export const HEAD_MASK = BLOCKED | ~(COUNT_UNIT - 1);
