// A Connection is both the handle `connect` returns and the node of its signal's slot list, so a
// connection costs one object (plus a WeakRef when it is receiver-bound). See slot-list.ts for the
// list's shape.
import { DEAD } from './connection-flags.js';
import { endConnection, IS_CONNECTION } from './slot-list.js';
import type { AnySignal } from './runtime-types.js';
import { describeSlot } from './slot-names.js';

declare module './runtime-types.js' {
  interface RuntimeTypes {
    readonly connection: Connection;
  }
}

/** A slot as stored: a function, called with the receiver (if any) as `this`. */
export type StoredSlot = (this: unknown, ...args: unknown[]) => unknown;

export class Connection implements Disposable {
  /** @internal The signal this connection belongs to; cleared when the ended connection leaves the list, so a kept handle retains nothing. */
  _signal: AnySignal | undefined;
  /** @internal The slot; undefined once the connection ended, so it retains nothing. */
  _slot: StoredSlot | undefined;
  /** @internal The receiver, held weakly; undefined for a plain function slot. */
  _receiver: WeakRef<object> | undefined;
  /** @internal Bits from connection-flags.ts; the list head also carries the signal's bits. */
  _flags: number;
  /** @internal Next connection; the last one's `_next` is the signal's terminal (slot-list.ts). */
  _next: Connection | object | string | undefined;
  /** @internal Previous connection; the head's `_prev` is the tail. */
  _prev: Connection | undefined;

  /** @internal Connections are made by `Signal.connect`. */
  constructor(signal: AnySignal, slot: StoredSlot, receiver: WeakRef<object> | undefined, flags: number) {
    this._signal = signal;
    this._slot = slot;
    this._receiver = receiver;
    this._flags = flags;
    this._next = undefined;
    this._prev = undefined;
  }

  /** True until the connection ends (disconnect, once, abort, dispose, collected receiver). */
  get connected(): boolean {
    return (this._flags & DEAD) === 0;
  }

  /** Ends the connection; true the first time, false when it had already ended. */
  disconnect(): boolean {
    if ((this._flags & DEAD) !== 0) return false;
    endConnection(this);
    return true;
  }

  [Symbol.dispose](): void {
    this.disconnect();
  }

  /** The signal this connection was made on; undefined once it has ended and left the signal's list. */
  get signal(): AnySignal | undefined {
    return this._signal;
  }

  /** The receiver of a receiver-bound connection, while it is alive and connected. */
  get receiver(): object | undefined {
    return this._receiver?.deref();
  }

  /** The slot function while connected (for a forwarding connection: the target's `emit`). */
  get slot(): ((...args: never[]) => unknown) | undefined {
    return this._slot;
  }

  /** A readable name for the slot: `fn`, `Type.method`, or `Type::name.signal` when forwarding. */
  get slotName(): string {
    return describeSlot(this._slot, this._receiver?.deref());
  }
}

Object.defineProperty(Connection.prototype, IS_CONNECTION, { value: true });
