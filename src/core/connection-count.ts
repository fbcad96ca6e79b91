// A signal's live connection count, kept on its list head's flags (the bits above the low byte,
// connection-flags.ts) so that a Signal needs no field for it. The inline count stops at
// `countLimit.inline`, which keeps the flags a small integer (V8 keeps them unboxed, with pointer
// compression too); connections above it are counted in a side table, so the count never wraps
// (it used to wrap past 2^24 connections on one signal).
import { COUNT_SHIFT, COUNT_UNIT } from './connection-flags.js';
import type { AnyConnection as Connection } from './runtime-types.js';

/** @internal The inline limit; a test lowers it to reach the side table without millions of connections. */
export const countLimit = { inline: (1 << 22) - 1 };

const overflow = new WeakMap<object, number>();

/** One more live connection on the signal whose list starts at `head`. */
export function countOneMore(signal: object, head: Connection): void {
  if (head._flags >>> COUNT_SHIFT < countLimit.inline) head._flags += COUNT_UNIT;
  else overflow.set(signal, (overflow.get(signal) ?? 0) + 1);
}

/** One live connection fewer. */
export function countOneLess(signal: object, head: Connection): void {
  if (head._flags >>> COUNT_SHIFT >= countLimit.inline) {
    const extra = overflow.get(signal) ?? 0;
    if (extra > 1) return void overflow.set(signal, extra - 1);
    if (extra === 1) return void overflow.delete(signal);
  }
  head._flags -= COUNT_UNIT;
}

export function countOf(signal: object, head: Connection): number {
  const inline = head._flags >>> COUNT_SHIFT;
  return inline >= countLimit.inline ? inline + (overflow.get(signal) ?? 0) : inline;
}
