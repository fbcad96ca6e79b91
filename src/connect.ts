// Making and ending connections from the public forms of `connect` and `disconnect`: argument
// checks with clear errors, `unique`, `signal` (AbortSignal), disposed owners and receivers.
import { DEAD, INBOUND, ONCE, QUEUED } from './connection-flags.js';
import { Connection, type StoredSlot } from './connection.js';
import { devHooks, type AnySignal } from './dev-hooks.js';
import { attachAbort } from './abort-link.js';
import { endConnection, link, liveConnections, ownerOf } from './slot-list.js';
import { addSender, isBlockedFor, isDisposedObject, senderListFor, SignalObject } from './object.js';
import { forwardSlot, isSignal, type ConnectOptions } from './signal.js';
import { describeSignal, typeName } from './slot-names.js';
import { countMade } from './stats.js';

const FORMS =
  'connect(slot, options?), connect(receiver, method or method name, options?), or connect(targetSignal, options?)';

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'object') return typeName(value);
  return typeof value;
}

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

function checkOptions(options: unknown): ConnectOptions | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Signal.connect: options must be an object like { once: true }, got ${describeValue(options)}.`);
  }
  const abort = (options as ConnectOptions).signal;
  if (abort !== undefined && !(abort instanceof AbortSignal)) {
    throw new TypeError(`Signal.connect: options.signal must be an AbortSignal (from an AbortController), got ${describeValue(abort)}.`);
  }
  return options;
}

export function connectSlot(signal: AnySignal, first: unknown, second: unknown, third: unknown): Connection {
  if (typeof second === 'function' || typeof second === 'string' || typeof second === 'symbol') {
    if ((typeof first !== 'object' || first === null) && typeof first !== 'function') {
      throw new TypeError(`Signal.connect: the receiver must be an object, got ${describeValue(first)}. Use ${FORMS}.`);
    }
    const slot = typeof second === 'function' ? (second as StoredSlot) : resolveMethod(first, second);
    return makeConnection(signal, slot, first, third);
  }
  if (isSignal(first)) {
    if (first === signal) throw new TypeError(`Signal.connect: ${describeSignal(signal)} cannot forward to itself.`);
    return makeConnection(signal, forwardSlot, first, second);
  }
  if (typeof first === 'function') return makeConnection(signal, first as StoredSlot, undefined, second);
  throw new TypeError(`Signal.connect: expected a function, a receiver and a method, or a Signal; got ${describeValue(first)}. Use ${FORMS}.`);
}

function refuseDisposed(signal: AnySignal, owner: SignalObject): never {
  devHooks?.usedAfterDispose(signal, 'connect');
  const name = owner.objectName === '' ? '' : ` "${owner.objectName}"`;
  throw new Error(
    `Cannot connect to signal '${signal.name ?? '(unnamed)'}' of ${typeName(owner)}${name}: the object was disposed. ` +
      'Connect to a live object, or keep the object alive (do not dispose it) while it is still used.',
  );
}

/** Emit on a disposed owner's signal in development (its sentinel head, see leaks/disposed-sentinel.ts): report it. */
export function reportEmitAfterDispose(signal: AnySignal): void {
  devHooks?.usedAfterDispose(signal, 'emit');
}

function findConnection(signal: AnySignal, slot: StoredSlot, receiver: object | undefined): Connection | undefined {
  return liveConnections(signal).find((c) => c._slot === slot && c._receiver?.deref() === receiver);
}

/** Puts a new connection in its signal's list: refuses a disposed owner, starts blocked if the owner is. */
function addToList(signal: AnySignal, connection: Connection): Connection {
  const owner = ownerOf(signal);
  const ownerFlags = owner instanceof SignalObject ? owner._flags : 0;
  if (ownerFlags !== 0) {
    if (isDisposedObject(owner as SignalObject)) refuseDisposed(signal, owner as SignalObject);
    link(connection, isBlockedFor(owner, signal));
  } else {
    link(connection, false);
  }
  countMade();
  devHooks?.connected(signal, connection);
  return connection;
}

/** `connect(fn)`: the common case, kept small. */
export function connectFunction(signal: AnySignal, slot: StoredSlot): Connection {
  return addToList(signal, new Connection(signal, slot, undefined, 0));
}

function makeConnection(signal: AnySignal, slot: StoredSlot, receiver: object | undefined, rawOptions: unknown): Connection {
  const options = checkOptions(rawOptions);
  const owner = ownerOf(signal);
  if (owner instanceof SignalObject && owner.isDisposed) refuseDisposed(signal, owner);
  if (options?.unique === true) {
    const existing = findConnection(signal, slot, receiver);
    if (existing !== undefined) return existing;
  }
  const flags = (options?.once === true ? ONCE : 0) | (options?.queued === true ? QUEUED : 0);
  const connection = new Connection(signal, slot, receiver === undefined ? undefined : new WeakRef(receiver), flags);
  const senders = senderListFor(receiver);
  if (senders?.isDisposed === true) {
    // A disposed receiver takes no connections: hand back one that has already ended.
    connection._flags |= DEAD;
    connection._slot = undefined;
    connection._receiver = undefined;
    return connection;
  }
  if (senders !== undefined) connection._flags |= INBOUND;
  addToList(signal, connection);
  if (senders !== undefined) addSender(senders, connection);
  if (options?.signal !== undefined && !attachAbort(connection, options.signal)) endConnection(connection);
  return connection;
}

function matcher(args: unknown[]): (c: Connection) => boolean {
  if (args.length === 0) return () => true;
  const [first, second] = args;
  if (typeof first !== 'object' && typeof first !== 'function') {
    throw new TypeError(`Signal.disconnect: expected a slot, a receiver or a signal, got ${describeValue(first)}.`);
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

