// Where a signal's name lives without costing a field. A signal declared the standard way,
// `readonly clicked = new Signal(this, 'clicked')`, is named by the owner's property that holds
// it, so its name is found from the owner. Whether a signal is held that way is checked one
// construction later (by then its field is assigned), or in a microtask at the latest: only a
// signal that is not (a name that differs from its field, a signal kept elsewhere) gets its name
// stored, in a WeakMap. (A signal behind a getter, `get clicked() { return this.#clicked; }`, is
// named by the getter.) A standalone signal (no owner) keeps its name as the slot list's terminal
// (see slot-list.ts).
//
// Measured alternative: one prototype per distinct name costs more at construction (a
// megamorphic construct and store) and makes emit's loads megamorphic in apps with many names.
import type { AnySignal } from '../core/runtime-types.js';
import { signalGetters, signalNameOf, type NamesSignals } from '../core/protocols.js';
import { terminalOf } from '../core/slot-list.js';

const stored = new WeakMap<AnySignal, string>();
/** The last named signal with an owner, not yet checked (held at most until the next microtask). */
const NOBODY = {};
const pending: { signal: AnySignal | undefined; owner: object; name: string; index: number; scheduled: boolean } = {
  signal: undefined,
  owner: NOBODY,
  name: '',
  index: 0,
  scheduled: false,
};

/**
 * Per class, the names of its signals in construction order that were found in their field of
 * the same name on an earlier instance. The i-th named signal an instance of the class makes is
 * not checked again when it has the verified i-th name: the same field initializer made it. (A
 * class that makes a signal named after one field and stores it in another, on some instances
 * only, would be misnamed on those: the signal is then named by the field that holds it.)
 */
const verified = new WeakMap<object, string[]>();
const NO_NAMES: readonly string[] = [];
/**
 * The object whose signals are being made now, the position of its last one, and its class's
 * verified names. Signal's constructor reads it inline (signal.ts): a signal of the object being
 * made with the verified name at its position costs a few loads and no call.
 */
export const making: { owner: object; index: number; names: readonly string[]; lastClass: unknown; lastNames: string[] | undefined } = {
  owner: NOBODY,
  index: 0,
  names: NO_NAMES,
  lastClass: undefined,
  lastNames: undefined,
};

function fieldHolds(owner: object | string | undefined, name: string, signal: AnySignal): boolean {
  return typeof owner === 'object' && (owner as Record<string, unknown>)[name] === signal;
}

function namesOfClass(owner: object): string[] | undefined {
  const ctor: unknown = (owner as { constructor?: unknown }).constructor;
  if (ctor === making.lastClass) return making.lastNames;
  const names = typeof ctor === 'function' ? verified.get(ctor) : undefined;
  making.lastClass = ctor;
  making.lastNames = names;
  return names;
}

/** The pending signal's field holds it: its name is the class's verified name at its position. */
function verify(owner: object, index: number, name: string): void {
  const ctor: unknown = (owner as { constructor?: unknown }).constructor;
  if (typeof ctor !== 'function') return;
  let names = verified.get(ctor);
  if (names === undefined) {
    names = [];
    verified.set(ctor, names);
    if (ctor === making.lastClass) making.lastNames = names;
  }
  if (names.length === index) names.push(name);
}

/** Checks the pending signal. Safe at any time: a signal whose field is not assigned yet is merely stored (correct, one WeakMap entry). */
function settle(): void {
  const signal = pending.signal;
  if (signal === undefined) return;
  const owner = pending.owner;
  pending.signal = undefined;
  pending.owner = NOBODY;
  if (fieldHolds(owner, pending.name, signal)) verify(owner, pending.index, pending.name);
  else stored.set(signal, pending.name);
}

function settleLater(): void {
  pending.scheduled = false;
  making.owner = NOBODY;
  making.names = NO_NAMES;
  settle();
}

/** The first named signal of another owner: its signals with verified names take Signal's fast path from the next. */
function startNaming(owner: object): void {
  making.owner = owner;
  making.index = -1;
  making.names = namesOfClass(owner) ?? NO_NAMES;
  // Both records let go of the owner by the next microtask at the latest.
  if (!pending.scheduled) {
    pending.scheduled = true;
    queueMicrotask(settleLater);
  }
}

/**
 * Records the name of a signal that has an owner, when Signal's constructor did not find it
 * verified (a name not verified for its position, or a signal of another owner than the one
 * being made). `counted`: the constructor already moved `making.index` on to its position.
 */
export function rememberName(signal: AnySignal, owner: object, name: string, counted: boolean): void {
  if (owner !== making.owner) startNaming(owner);
  const index = counted ? making.index : ++making.index;
  if (making.names[index] !== name) holdPending(signal, owner, name, index);
}

/** A signal whose name is not known to be its field's: checked one construction later (see above). */
function holdPending(signal: AnySignal, owner: object, name: string, index: number): void {
  if (pending.signal !== undefined) settle();
  pending.signal = signal;
  pending.owner = owner;
  pending.name = name;
  pending.index = index;
}

/** The name of a signal found in its owner's field `key` (no scan). */
export function nameInField(signal: AnySignal, key: string): string {
  settle();
  return stored.get(signal) ?? key;
}

/** Names a signal explicitly (for signals the runtime creates itself, like `destroyed`). */
export function storeName(signal: AnySignal, name: string): void {
  stored.set(signal, name);
}

export function nameOf(signal: AnySignal): string | undefined {
  const terminal = terminalOf(signal);
  return knownName(signal) ?? (typeof terminal === 'object' ? accessorHolding(terminal, signal) : undefined);
}

/**
 * The name without calling any getter: stored, a standalone signal's own, or the owner's data
 * field that holds it. Leak detection names signals this way on every connect: a user's getters
 * are not called behind their back (and `destroyed`, a lazy getter, is not created).
 */
export function knownName(signal: AnySignal): string | undefined {
  settle();
  const name = stored.get(signal);
  if (name !== undefined) return name;
  const terminal = terminalOf(signal);
  if (typeof terminal === 'string') return terminal;
  if (typeof terminal !== 'object') return undefined;
  // A class-level signal is named by its owner's class (objects/class-signals.ts).
  const declared = signalNameOf in terminal ? (terminal as NamesSignals)[signalNameOf](signal) : undefined;
  if (declared !== undefined) return declared;
  for (const key of Object.keys(terminal)) {
    if (fieldHolds(terminal, key, signal)) return key;
  }
  return undefined;
}

/** A signal kept in a private field and exposed by a getter is named by the getter (rare: checked last). */
function accessorHolding(owner: object, signal: AnySignal): string | undefined {
  for (let proto: unknown = Object.getPrototypeOf(owner); proto !== null && proto !== Object.prototype; proto = Object.getPrototypeOf(proto)) {
    for (const [key, descriptor] of Object.entries(Object.getOwnPropertyDescriptors(proto))) {
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with `this` = the owner
      const getter = descriptor.get;
      if (getter === undefined || signalGetters.has(getter)) continue;
      try {
        if (getter.call(owner) === signal) return key;
      } catch {
        // a getter that throws on this object does not hold the signal
      }
    }
  }
  return undefined;
}
