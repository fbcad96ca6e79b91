// Signal: the emit hot path, and the public connect/disconnect forms. Everything rare (once,
// queued, receiver-bound calls, pruning, promises, the dev hooks) lives in delivery.ts,
// connect.ts and slot-list.ts.
//
// Memory: a Signal has exactly one field, `[slots]` (see core/slot-list.ts); its name costs nothing
// when it is the owner's field name (signal-names.ts). So `new Signal(this, 'clicked')` costs 32 bytes.
import { BLOCKED, BOUND, DEAD, EMIT_MASK } from '../core/connection-flags.js';
import type { Connection, StoredSlot } from '../core/connection.js';
import { hostOf, senderHost, type HasSenderHost, type SenderHost } from '../core/protocols.js';
import { emission, flushPending, connectionCount, holderOf, isConnection, ownerOf, slots, type SlotHolder } from '../core/slot-list.js';
import { argumentList, callBound, deliverRare, watchSlotResult } from './delivery.js';
import { connectFunction, connectSlot, disconnectMatching, reportEmitAfterDispose, type ConnectOptions } from './connect.js';
import { throwSlotErrors } from './slot-errors.js';
import { making, nameOf, rememberName } from './signal-names.js';
import { nextEmission, type NextOptions } from './next-emission.js';
import { describeValue } from '../core/slot-names.js';

export type { ConnectOptions } from './connect.js';
export type { NextOptions } from './next-emission.js';

// Local copies of the imported constants that the hot paths read: V8 loads an imported binding
// through its module cell (and checks it for the hole) at every use, a local `const` it folds
// into the code (measured: emit to no slot 1.7 -> 1.2 ns, docs/benchmarks.md).
const SLOTS: typeof slots = slots;
const MAKING = making;
const EMIT = EMIT_MASK;
const BLOCKED_HEAD = BLOCKED;
const BOUND_SLOT = BOUND;
const ENDED = DEAD;

/** What a class exposes when only it may emit: a Signal is assignable to it; it has no `emit`. */
export type ReadonlySignal<Args extends unknown[] = []> = Pick<Signal<Args>, 'connect' | 'disconnect' | 'next' | 'connectionCount' | 'owner' | 'name'>;

/** A signal of any argument list: what hooks, handlers and the registry see. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- signals of every argument list
export type AnySignal = Signal<any[]>;

declare module '../core/runtime-types.js' {
  interface RuntimeTypes {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- signals of every argument list
    readonly signal: Signal<any[]>;
  }
}

/** Does a function of type F accept being called with `Args` (extra parameters of F optional)? */
export type SlotFits<F, Args extends unknown[]> = F extends (...args: infer P) => unknown
  ? ((...args: P) => void) extends (...args: Args) => void
    ? true
    : false
  : false;

/** The keys of R whose values are methods that can be called with the signal's `Args`. */
export type MethodKeyOf<R, Args extends unknown[]> = {
  [K in keyof R]-?: SlotFits<R[K], Args> extends true ? K : never;
}[keyof R];

// A signal's one field, `holderOf(signal)[slots]`, is the slot list head or its terminal while
// there are no connections (core/slot-list.ts): symbol-keyed, and left out of the class's
// declared type, so that no subclass's field collides with it and no declaration output has to
// name it.
export class Signal<Args extends unknown[] = []> {
  constructor(owner?: object, name?: string) {
    // The standard form, `new Signal(this, 'clicked')` in a field initializer, in a few loads:
    // the next signal of the object being made, with its class's verified name at its position
    // (signal-names.ts). Small enough that V8 inlines it into a class's field initializers, five
    // and more of them, which is most of the cost of creating an object with signals (measured,
    // docs/benchmarks.md). Everything else (and every argument error) is initOther's.
    const m = MAKING;
    if (owner === m.owner && typeof name === 'string' && m.names[++m.index] === name) {
      (this as unknown as SlotHolder)[SLOTS] = owner;
    } else {
      initOther(this, owner, name);
    }
  }

  /** Calls every connected slot, in connection order, with `args`. */
  // eslint-disable-next-line @typescript-eslint/no-unused-vars -- read through `arguments`, see below
  emit(...args: Args): void {
    // Without a signal as `this` (an unbound `const f = sig.emit; f()`) the read throws: say why.
    // (Measured: with a try, emit stays as fast as without it; an explicit test of `this` did not.)
    let head: Connection | object | string | undefined;
    try {
      head = (this as unknown as SlotHolder)[SLOTS];
    } catch {
      throwUnboundEmit(this);
    }
    if (!isConnection(head)) return;
    if ((head._flags & BLOCKED_HEAD) !== 0) {
      // Blocked, or (development) the owner was disposed: its sentinel head has no signal (leaks/disposed-sentinel.ts).
      if (head._signal === undefined) reportEmitAfterDispose(this);
      return;
    }
    // Up to three arguments travel as parameters: V8 then builds no array for the emission
    // (measured: about 2x faster than passing `args` along); more go through an array.
    /* eslint-disable prefer-rest-params */
    const n = arguments.length;
    if (n > 3) {
      const errors = deliver(head, n, undefined, undefined, undefined, Array.prototype.slice.call(arguments));
      if (errors !== undefined) throwSlotErrors(this, errors);
    } else if (head._prev === head && (head._flags & EMIT) === 0) {
      // One plain function slot, the most common case: call it here (nothing else to isolate it from).
      const slot = head._slot as StoredSlot;
      const result = callSlot(slot, n, arguments[0], arguments[1], arguments[2]);
      if (result !== undefined) watchSlotResult(result, this, slot, undefined);
    } else {
      const errors = deliver(head, n, arguments[0], arguments[1], arguments[2], undefined);
      if (errors !== undefined) throwSlotErrors(this, errors);
    }
    /* eslint-enable prefer-rest-params */
  }

  // The overloads are ordered for the compiler's messages as much as for reading: a call with one
  // argument has exactly one candidate (so a wrong slot gets one plain error), and with two
  // arguments there are four candidates (more than three), so TypeScript reports only the last one,
  // the method-name form, whose error names the method that does not fit. The method-name form
  // comes twice: `{ [P in K]: slot }` accepts `this` inside a class (a type TypeScript cannot
  // resolve `MethodKeyOf<this, Args>` for), `MethodKeyOf` gives the readable error.
  /** Connects a function, or forwards every emission to a signal (held weakly, like a receiver). */
  connect(slotOrTarget: ((...args: Args) => unknown) | Signal<Args>): Connection;
  /** The same, with options. */
  connect(slotOrTarget: ((...args: Args) => unknown) | Signal<Args>, options: ConnectOptions | undefined): Connection;
  /** Connects a function called with `this` = `receiver`; the receiver is held weakly. */
  connect<R extends object>(receiver: R, slot: (this: R, ...args: Args) => unknown, options?: ConnectOptions): Connection;
  /** Connects the method named `method` of `receiver` (resolved now); the receiver is held weakly. */
  connect<K extends PropertyKey, R extends { [P in K]: (...args: Args) => unknown }>(receiver: R, method: K, options?: ConnectOptions): Connection;
  /** Connects the method named `method` of `receiver` (resolved now); the receiver is held weakly. */
  connect<R extends object>(receiver: R, method: MethodKeyOf<R, Args>, options?: ConnectOptions): Connection;
  connect(first: unknown, second?: unknown, third?: unknown): Connection {
    if (second === undefined && typeof first === 'function') return connectFunction(this, first as StoredSlot);
    return connectSlot(this, first, second, third);
  }

  /** Disconnects every slot; returns how many connections ended. */
  disconnect(): number;
  /** Disconnects a slot function, every slot of a receiver, or a forwarding to a signal. */
  disconnect(slotOrReceiverOrSignal: object): number;
  /** Disconnects one method of one receiver (the function, or its name). */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- the contract's type: any function value
  disconnect(receiver: object, slot: Function | string): number;
  disconnect(...args: unknown[]): number {
    return disconnectMatching(this, args);
  }

  /**
   * The arguments of the next emission (the connection ends then). Rejects with the AbortSignal's
   * reason when it aborts first, and with an error when the owner is disposed (or the signal
   * disconnected) first. A pending next() does not keep the owner alive.
   */
  next(options?: NextOptions): Promise<Args> {
    return nextEmission<Args>(this, options);
  }

  /** How many connections are live. */
  get connectionCount(): number {
    return connectionCount(this);
  }

  /** The object this signal belongs to (the first constructor argument). */
  get owner(): object | undefined {
    return ownerOf(this);
  }

  /** The signal's name (the second constructor argument). */
  get name(): string | undefined {
    return nameOf(this);
  }
}

/** The Signal constructor's other cases (see there) and its argument errors. */
function initOther(signal: AnySignal, owner: unknown, name: unknown): void {
  // The constructor moved making.index on when it got this far in its test.
  const counted = owner === making.owner && typeof name === 'string';
  if (owner !== undefined && (typeof owner !== 'object' || owner === null) && typeof owner !== 'function') {
    throw new TypeError(`new Signal(owner, name): owner must be an object (usually \`this\`), got ${owner === null ? 'null' : typeof owner}.`);
  }
  if (name !== undefined && typeof name !== 'string') {
    throw new TypeError(`new Signal(owner, name): name must be a string, got ${typeof name}.`);
  }
  if (owner === undefined) {
    holderOf(signal)[slots] = name;
  } else {
    holderOf(signal)[slots] = owner;
    if (name !== undefined) rememberName(signal, owner, name, counted);
  }
}

function throwUnboundEmit(self: unknown): never {
  const label = self === undefined ? 'this is undefined' : `this is ${describeValue(self)}`;
  throw new TypeError(`Signal.emit was called without its signal as \`this\` (${label}). Call it as signal.emit(…), or pass (…args) => signal.emit(…args).`);
}

// core/protocols.ts: as a forwarding target, a signal is ended with its owner.
const forwardingTarget: HasSenderHost = {
  [senderHost](this: AnySignal): SenderHost | undefined {
    return hostOf(ownerOf(this));
  },
};
Object.assign(Signal.prototype, forwardingTarget);

/** Calls a function slot with n <= 3 arguments, without building an array. */
function callSlot(slot: StoredSlot, n: number, a: unknown, b: unknown, c: unknown): unknown {
  return n === 1 ? slot(a) : n === 0 ? slot() : n === 2 ? slot(a, b) : slot(a, b, c);
}

/**
 * The emit loop: calls each live connection from `head` to the tail as it was when the emission
 * started (slots connected meanwhile wait for the next emission), collecting what they throw.
 * Function slots with no flags are called right here; everything else goes to delivery.ts.
 * One `try` around the whole walk rather than one per slot: after a throw, the walk resumes at
 * the next connection.
 */
function deliver(head: Connection, n: number, a: unknown, b: unknown, c: unknown, more: unknown[] | undefined): unknown[] | undefined {
  const end = head._prev as Connection;
  let connection = head;
  let errors: unknown[] | undefined;
  emission.depth++;
  try {
    for (;;) {
      try {
        for (;;) {
          const flags = connection._flags & EMIT;
          if (flags === 0) {
            // A plain function slot: the loop's one common case.
            const slot = connection._slot as StoredSlot;
            const result = n === 1 ? slot(a) : n <= 3 ? callSlot(slot, n, a, b, c) : slot(...(more as unknown[]));
            if (result !== undefined) watchPlainResult(result, head, slot);
          } else {
            errors = deliverOther(connection, flags, n, a, b, c, more, errors);
          }
          if (connection === end) return errors;
          connection = connection._next as Connection;
        }
      } catch (error) {
        // The slot of `connection` threw (or its returned thenable did): the walk goes on after it.
        (errors ??= []).push(error);
        if (connection === end) return errors;
        connection = connection._next as Connection;
      }
    }
  } finally {
    if (--emission.depth === 0 && emission.pending.length !== 0) flushPending();
  }
}

/** A connection that is not a plain function slot: receiver-bound, once, queued, or ended. Returns the emission's error list; what a bound slot throws propagates to the walk. */
function deliverOther(
  connection: Connection,
  flags: number,
  n: number,
  a: unknown,
  b: unknown,
  c: unknown,
  more: unknown[] | undefined,
  errors: unknown[] | undefined,
): unknown[] | undefined {
  if (flags === BOUND_SLOT) {
    const slot = connection._slot as StoredSlot;
    const receiver = connection._receiver;
    const result = callBound(connection, n, a, b, c, more);
    if (result !== undefined) watchSlotResult(result, connection._signal as AnySignal, slot, receiver?.deref());
    return errors;
  }
  if ((flags & ENDED) !== 0) return errors;
  return deliverRare(connection, argumentList(n, a, b, c, more), errors);
}

/** A plain slot returned something (a promise is watched); the head is still the signal's, as nothing unlinks during an emission. */
function watchPlainResult(result: unknown, head: Connection, slot: StoredSlot): void {
  watchSlotResult(result, head._signal as AnySignal, slot, undefined);
}

/** A connection's slot when it forwards to a signal: the target's own emit, called with `this` = target. */
// eslint-disable-next-line @typescript-eslint/unbound-method -- deliberately unbound: called with `this` = the target
export const forwardSlot = Signal.prototype.emit as StoredSlot;

/** `instanceof Signal`, typed for signals of any argument list. */
export function isSignal(value: unknown): value is AnySignal {
  return value instanceof Signal;
}
