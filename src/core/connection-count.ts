// A signal's live connection count, kept on its list head's flags (the bits above the low byte,
// connection-flags.ts) so that a Signal needs no field for it. The inline count stops at a limit
// that keeps the flags a small integer (V8 keeps them unboxed, with pointer compression too);
// connections above it are counted in a side table, so the count never wraps (it used to wrap
// past 2^24 connections on one signal). slot-list.ts tests `flags < countCeiling` inline (the
// fast path of every connect and disconnect) and calls here only at the limit.
import { COUNT_SHIFT, COUNT_UNIT } from './connection-flags.js';
import type { AnyConnection as Connection } from './runtime-types.js';

const DEFAULT_LIMIT = (1 << 22) - 1;
let inlineLimit = DEFAULT_LIMIT;
/** Head flags at or above this carry the limit: the rest of the count is in the side table. */
export let countCeiling = inlineLimit << COUNT_SHIFT;

/** @internal For tests: lowers the inline limit (undefined restores it), to reach the side table without millions of connections. */
export function setInlineCountLimit(limit: number | undefined): void {
  inlineLimit = limit ?? DEFAULT_LIMIT;
  countCeiling = inlineLimit << COUNT_SHIFT;
}

/** @internal The inline limit in force (for tests). */
export function inlineCountLimit(): number {
  return inlineLimit;
}

const overflow = new WeakMap<object, number>();

/** One more live connection, on a head whose inline count is at the limit. */
export function countOneMoreAtLimit(signal: object): void {
  overflow.set(signal, (overflow.get(signal) ?? 0) + 1);
}

/** One live connection fewer, on a head whose inline count is at the limit. */
export function countOneLessAtLimit(signal: object, head: Connection): void {
  const extra = overflow.get(signal) ?? 0;
  if (extra > 1) overflow.set(signal, extra - 1);
  else if (extra === 1) overflow.delete(signal);
  else head._flags -= COUNT_UNIT;
}

export function countOf(signal: object, head: Connection): number {
  const inline = head._flags >>> COUNT_SHIFT;
  return inline >= inlineLimit ? inline + (overflow.get(signal) ?? 0) : inline;
}
