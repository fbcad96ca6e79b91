// The signals a SignalObject owns that a field scan cannot find, in the object's one field for
// them (`[ownedField]`, symbol-keyed and undeclared, see object.ts):
//
//   - every signal owned by the object (`new Signal(this, …)`) that was ever connected, recorded
//     at its first connection (connect.ts calls the `[firstConnected]` protocol), wherever the
//     program keeps it: a field, a `#private` field, a grouped object, a Map. dispose() ends them.
//   - the class-level signals (class-signals.ts), created on first use at fixed positions
//     0…layout.length-1, so the getter that returns one is an array load.
//
// The field holds nothing until then, a lone signal for the common case of one connected signal
// of an object without class-level signals, or an array. Recorded signals whose connections have
// all ended are dropped when the array doubles (amortised O(1)).
import { connectionCount } from '../core/slot-list.js';
import type { AnySignal } from '../signals/signal.js';

/** The field that holds the owned signals. */
export const ownedField: unique symbol = Symbol('slotguard.ownedSignals');
/** On a prototype: the class-level signal names of its class, inherited ones first. */
export const classLayout: unique symbol = Symbol('slotguard.classLayout');

type Held = AnySignal | (AnySignal | undefined)[] | undefined;

export interface OwnedHolder {
  [ownedField]: Held;
}

/** The class-level signal names of an object's class ([] without any). */
export function layoutOf(object: object): readonly string[] {
  return (object as { [classLayout]?: readonly string[] })[classLayout] ?? noLayout;
}
const noLayout: readonly string[] = Object.freeze([]);

/** An array with the class-level positions first, then `rest`. */
function withPositions(object: object, rest: AnySignal | undefined): (AnySignal | undefined)[] {
  // Exactly as long as needed (a holey array reads a hole as undefined, at the same speed).
  const positions = layoutOf(object).length;
  const list = new Array<AnySignal | undefined>(rest === undefined ? positions : positions + 1);
  if (rest !== undefined) list[positions] = rest;
  return list;
}

/** A signal owned by `holder` got its first connection. */
export function recordConnected(holder: OwnedHolder, signal: AnySignal): void {
  const held = holder[ownedField];
  // The common case in a few bytecodes, so that it inlines into connect: the first connected signal of an object without class-level signals.
  if (held === undefined && !(classLayout in holder)) holder[ownedField] = signal;
  else if (held !== signal) recordAnother(holder, signal, held);
}

function recordAnother(holder: OwnedHolder, signal: AnySignal, held: Held): void {
  if (held === undefined) {
    holder[ownedField] = layoutOf(holder).length === 0 ? signal : withPositions(holder, signal);
  } else if (!Array.isArray(held)) {
    holder[ownedField] = [held, signal];
  } else if (!held.includes(signal)) {
    const positions = layoutOf(holder).length;
    if (held.length >= positions + 8 && isPowerOfTwo(held.length - positions)) dropIdle(held, positions);
    held.push(signal);
  }
}

function isPowerOfTwo(n: number): boolean {
  return (n & (n - 1)) === 0;
}

/** Removes recorded signals without connections (never a class-level position). */
function dropIdle(held: (AnySignal | undefined)[], positions: number): void {
  let kept = positions;
  for (let i = positions; i < held.length; i++) {
    const signal = held[i];
    if (signal !== undefined && connectionCount(signal) > 0) held[kept++] = signal;
  }
  held.length = kept;
}

/** Every owned signal recorded or created so far (class-level ones that were never used are not made). */
export function ownedSignals(holder: OwnedHolder): AnySignal[] {
  const held = holder[ownedField];
  if (held === undefined) return [];
  if (!Array.isArray(held)) return [held];
  return held.filter((signal): signal is AnySignal => signal !== undefined);
}

/** The class-level signal at `index`, if it was made. */
export function classSignalAt(holder: OwnedHolder, index: number): AnySignal | undefined {
  // An object whose class has class-level signals holds nothing or an array (never a lone signal, see recordConnected).
  const held = holder[ownedField] as (AnySignal | undefined)[] | undefined;
  return held === undefined ? undefined : held[index];
}

/** Stores a new class-level signal at its position. */
export function storeClassSignal(holder: OwnedHolder, index: number, signal: AnySignal): void {
  const held = holder[ownedField];
  if (Array.isArray(held)) held[index] = signal;
  else {
    const list = withPositions(holder, held);
    list[index] = signal;
    holder[ownedField] = list;
  }
}

/** The class-level name of an owned signal, if it is one. */
export function classNameOf(holder: OwnedHolder, signal: object): string | undefined {
  const held = holder[ownedField];
  if (!Array.isArray(held)) return undefined;
  const layout = layoutOf(holder);
  for (let i = 0; i < layout.length; i++) if (held[i] === signal) return layout[i];
  return undefined;
}
