// Making and ending connections from the public forms of `connect` and `disconnect`: argument
// checks with clear errors, `unique`, `signal` (AbortSignal), disposed owners and receivers.
import { attachAbort } from '../core/abort-link.js';
import { BOUND, DEAD, INBOUND, ONCE, QUEUED } from '../core/connection-flags.js';
import { Connection, type StoredSlot } from '../core/connection.js';
import { devHooks } from '../core/dev-hooks.js';
import { addSender, blocksSignal, firstConnected, hostOf, OBJECT_BLOCKED, OBJECT_DISPOSED, objectFlags, type FlaggedOwner } from '../core/protocols.js';
import type { AnySignal } from '../core/runtime-types.js';
import { endConnection, isConnection, linkAfter, linkFirst, liveConnections, ownerOf, slots, type SlotHolder } from '../core/slot-list.js';
import { describeSignal, describeValue, typeName } from '../core/slot-names.js';
import { countMade } from '../core/stats.js';

import { checkOptions, type ConnectOptions } from './connect-options.js';
import { sweepOnConnect } from './receiver-sweep.js';

export type { ConnectOptions } from './connect-options.js';

// Local copies of the symbols the connect path reads (see signal.ts: V8 folds a local const, not an import).
const SLOTS: typeof slots = slots;
const OWNER_FLAGS: typeof objectFlags = objectFlags;
const FIRST_CONNECTED: typeof firstConnected = firstConnected;

/** The owner's state bits (core/protocols.ts): 0 for an owner that is no SignalObject. */
function flagsOf(owner: object | undefined): number {
  return (owner as Partial<FlaggedOwner> | undefined)?.[objectFlags] ?? 0;
}

/** A Signal (or subclass): the only objects that carry a slot list. */
function isSignalValue(value: unknown): value is AnySignal {
  return typeof value === 'object' && value !== null && slots in value;
}

const FORMS =
  'connect(slot, options?), connect(receiver, method or method name, options?), or connect(targetSignal, options?)';

function resolveMethod(receiver: object, key: string | symbol): StoredSlot {
  const method = (receiver as Record<string | symbol, unknown>)[key];
  if (typeof method !== 'function') {
    throw new TypeError(
      `Signal.connect: ${typeName(receiver)} has no method '${String(key)}' (its value is ${describeValue(method)}). ` +
        'Pass the name of one of its methods, or the function itself.',
    );
  }
  return method as StoredSlot;
}

export function connectSlot(signal: AnySignal, first: unknown, second: unknown, third: unknown): Connection {
  if (typeof second === 'function' || typeof second === 'string' || typeof second === 'symbol') {
    if ((typeof first !== 'object' || first === null) && typeof first !== 'function') {
      throw new TypeError(`Signal.connect: the receiver must be an object, got ${describeValue(first)}. Use ${FORMS}.`);
    }
    const slot = typeof second === 'function' ? (second as StoredSlot) : resolveMethod(first, second);
    return makeConnection(signal, slot, first, third);
  }
  if (second !== undefined && (typeof second !== 'object' || second === null) && typeof first === 'object' && first !== null && !isSignalValue(first)) {
    throw new TypeError(
      `Signal.connect: the slot of receiver ${typeName(first)} must be a method (a function or a method name), got ${describeValue(second)}. Use ${FORMS}.`,
    );
  }
  if (isSignalValue(first)) {
    if (first === signal) throw new TypeError(`Signal.connect: ${describeSignal(signal)} cannot forward to itself.`);
    // The target's own emit, called with `this` = the target.
    // eslint-disable-next-line @typescript-eslint/unbound-method -- deliberately unbound: called with `this` = the target
    return makeConnection(signal, first.emit as StoredSlot, first, second);
  }
  if (typeof first === 'function') return makeConnection(signal, first as StoredSlot, undefined, second);
  throw new TypeError(`Signal.connect: expected a function, a receiver and a method, or a Signal; got ${describeValue(first)}. Use ${FORMS}.`);
}

function refuseDisposed(signal: AnySignal, owner: object): never {
  devHooks?.usedAfterDispose(signal, 'connect');
  const objectName = (owner as { objectName?: unknown }).objectName;
  const name = typeof objectName !== 'string' || objectName === '' ? '' : ` "${objectName}"`;
  throw new Error(
    `Cannot connect to signal '${signal.name ?? '(unnamed)'}' of ${typeName(owner)}${name}: the object was disposed. ` +
      'Connect to a live object, or keep the object alive (do not dispose it) while it is still used.',
  );
}

/** Emit on a signal with no connections while dev hooks are installed: report it if the owner was disposed. */
/** Emit on a disposed owner's signal in development (its sentinel head, see leaks/disposed-sentinel.ts): report it. */
export function reportEmitAfterDispose(signal: AnySignal): void {
  devHooks?.usedAfterDispose(signal, 'emit');
}

/** The live connection of `slot` to `receiver` (or of the plain function `slot`, never one whose receiver was collected). */
function findConnection(signal: AnySignal, slot: StoredSlot, receiver: object | undefined): Connection | undefined {
  return liveConnections(signal).find(
    (c) => c._slot === slot && (receiver === undefined ? c._receiver === undefined : c._receiver?.deref() === receiver),
  );
}

function describeFlags(flags: number): string {
  return `{ once: ${(flags & ONCE) !== 0}, queued: ${(flags & QUEUED) !== 0} }`;
}

/**
 * `unique` found `existing`: it is returned when the call asks for the same delivery (`once`,
 * `queued`), and then also ends when the call's AbortSignal aborts; other options are an error.
 */
function reuseConnection(existing: Connection, flags: number, options: ConnectOptions): Connection {
  if ((existing._flags & (ONCE | QUEUED)) !== flags) {
    throw new TypeError(
      `Signal.connect: { unique: true } found ${existing.slotName} already connected with ${describeFlags(existing._flags)}, ` +
        `but this call asks for ${describeFlags(flags)}. Disconnect the existing connection first, or connect with the same options.`,
    );
  }
  if (options.signal !== undefined && !attachAbort(existing, options.signal)) endConnection(existing);
  return existing;
}

/**
 * Puts a new connection in its signal's list: refuses a disposed owner, starts blocked if the
 * owner is, and tells a SignalObject owner about its signal's first connection.
 */
function addToList(signal: AnySignal, connection: Connection): Connection {
  const head = (signal as unknown as SlotHolder)[SLOTS];
  if (isConnection(head)) {
    // The terminal (slot-list.ts): the owner, a standalone signal's name, or nothing.
    const ownerFlags = ((head._prev as Connection)._next as Partial<FlaggedOwner> | undefined)?.[OWNER_FLAGS];
    if (ownerFlags !== undefined && (ownerFlags & OBJECT_DISPOSED) !== 0) refuseDisposed(signal, (head._prev as Connection)._next as object);
    linkAfter(connection, head);
  } else {
    const owner = head as Partial<FlaggedOwner> | string | undefined;
    const ownerFlags = typeof owner === 'object' ? owner[OWNER_FLAGS] : undefined;
    if (ownerFlags === undefined) {
      linkFirst(connection, head, false);
    } else {
      if (ownerFlags !== 0) checkOwnerState(signal, owner as FlaggedOwner, connection, ownerFlags);
      else linkFirst(connection, head, false);
      (owner as FlaggedOwner)[FIRST_CONNECTED](signal);
    }
  }
  countMade();
  devHooks?.connected(signal, connection);
  return connection;
}

/** A first connection to a signal whose owner is disposed (refused) or blocks its signals. */
function checkOwnerState(signal: AnySignal, owner: FlaggedOwner, connection: Connection, ownerFlags: number): void {
  if ((ownerFlags & OBJECT_DISPOSED) !== 0) refuseDisposed(signal, owner);
  linkFirst(connection, owner, (ownerFlags & OBJECT_BLOCKED) !== 0 && owner[blocksSignal](signal));
}

/** `connect(fn)`: the common case, kept small. */
export function connectFunction(signal: AnySignal, slot: StoredSlot): Connection {
  return addToList(signal, new Connection(signal, slot, undefined, 0));
}

function makeConnection(signal: AnySignal, slot: StoredSlot, receiver: object | undefined, rawOptions: unknown): Connection {
  const options = checkOptions(rawOptions);
  const owner = ownerOf(signal);
  if ((flagsOf(owner) & OBJECT_DISPOSED) !== 0) refuseDisposed(signal, owner as object);
  const flags = (options?.once === true ? ONCE : 0) | (options?.queued === true ? QUEUED : 0);
  if (receiver !== undefined) sweepOnConnect(signal);
  if (options?.unique === true) {
    const existing = findConnection(signal, slot, receiver);
    if (existing !== undefined) return reuseConnection(existing, flags, options);
  }
  const connection = new Connection(signal, slot, receiver === undefined ? undefined : new WeakRef(receiver), flags | (receiver === undefined ? 0 : BOUND));
  const senders = receiver === undefined ? undefined : hostOf(receiver);
  if (senders !== undefined && (senders[objectFlags] & OBJECT_DISPOSED) !== 0) {
    // A disposed receiver takes no connections: hand back one that has already ended, and
    // that, like any ended connection, retains nothing (not even its signal).
    connection._flags |= DEAD;
    connection._signal = undefined;
    connection._slot = undefined;
    connection._receiver = undefined;
    return connection;
  }
  if (senders !== undefined) connection._flags |= INBOUND;
  addToList(signal, connection);
  if (senders !== undefined) senders[addSender](connection);
  if (options?.signal !== undefined && !attachAbort(connection, options.signal)) endConnection(connection);
  return connection;
}

function matcher(args: unknown[]): (c: Connection) => boolean {
  if (args.length === 0) return () => true;
  const [first, second] = args;
  if ((typeof first !== 'object' && typeof first !== 'function') || first === null) {
    throw new TypeError(
      `Signal.disconnect: expected a slot, a receiver or a signal, got ${describeValue(first)}. ` +
        'Call disconnect() with no argument to end every connection.',
    );
  }
  if (args.length === 1 || second === undefined) {
    return (c) => c._slot === first || c._receiver?.deref() === first;
  }
  if (typeof second !== 'function' && typeof second !== 'string') {
    throw new TypeError(`Signal.disconnect(receiver, slot): slot must be a function or a method name, got ${describeValue(second)}.`);
  }
  const slot = typeof second === 'string' ? (first as Record<string, unknown>)[second] : second;
  return (c) => c._slot === slot && c._receiver?.deref() === first;
}

export function disconnectMatching(signal: AnySignal, args: unknown[]): number {
  const matches = matcher(args);
  let ended = 0;
  for (const c of liveConnections(signal)) {
    if ((c._flags & DEAD) === 0 && matches(c)) {
      endConnection(c);
      ended++;
    }
  }
  return ended;
}

