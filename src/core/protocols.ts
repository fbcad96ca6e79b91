// The protocols through which the core and the signals layer reach the layers above them without
// importing them: symbols that upper layers implement (SignalObject, Signal). Symbols, so a
// user's subclass can never name them by accident; the bits of `objectFlags` live here because
// every layer reads them.

/** On a SignalObject: its state bits (OBJECT_DISPOSED | OBJECT_BLOCKED); absent on other owners. */
export const objectFlags: unique symbol = Symbol('slotguard.objectFlags');
export const OBJECT_DISPOSED = 1;
export const OBJECT_BLOCKED = 2;

/** An owner whose state the signals read: a SignalObject. */
export interface FlaggedOwner {
  [objectFlags]: number;
  /** Whether a first connection of `signal` starts blocked (the owner blocked signals; `destroyed` never is). */
  [blocksSignal](signal: object): boolean;
  /** One of its signals got its first connection: the owner records it, so dispose() ends it wherever it is kept. */
  [firstConnected](signal: object): void;
}
export const blocksSignal: unique symbol = Symbol('slotguard.blocksSignal');
export const firstConnected: unique symbol = Symbol('slotguard.firstConnected');

/**
 * On a receiver: the object whose disposal ends receiver-bound connections to it (a
 * SignalObject returns itself; a Signal, as a forwarding target, its owner's host).
 */
export const senderHost: unique symbol = Symbol('slotguard.senderHost');
export const addSender: unique symbol = Symbol('slotguard.addSender');
export const senderEnded: unique symbol = Symbol('slotguard.senderEnded');

export interface SenderHost {
  [objectFlags]: number;
  /** Records a receiver-bound connection to this object (a Connection). */
  [addSender](connection: object): void;
  /** One of the recorded connections ended. */
  [senderEnded](): void;
}

export interface HasSenderHost {
  [senderHost](): SenderHost | undefined;
}

/** The sender host of a receiver, if it implements the protocol. */
export function hostOf(receiver: unknown): SenderHost | undefined {
  return (receiver as Partial<HasSenderHost> | undefined)?.[senderHost]?.();
}

/**
 * On an owner: the name of one of its signals that no field names (a class-level signal,
 * signals/signal-names.ts asks before it scans fields).
 */
export const signalNameOf: unique symbol = Symbol('slotguard.signalNameOf');

export interface NamesSignals {
  [signalNameOf](signal: object): string | undefined;
}

/**
 * The getters of class-level signals: a name lookup must not call them (it would make the
 * signal). A table rather than a mark on the function, which would cost the getter its inlining.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- any getter function
export const signalGetters = new WeakSet<Function>();
