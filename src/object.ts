// SignalObject, the QObject analog: parent/children ownership, objectName, blockSignals, track,
// and dispose. Per-instance cost is two fields (flags, and a state record created only when a
// parent, children, a name, tracked resources, senders or `destroyed` are first needed), so
// a subclass with five signals stays below a bare node:events EventEmitter.
import type { Connection } from './connection.js';
import { devHooks, type AnySignal } from './dev-hooks.js';
import { ownSignals } from './own-signals.js';
import { storeName } from './signal-names.js';
import { isSignal, Signal } from './signal.js';
import { endConnection, liveConnections, ownerOf, setBlocked } from './slot-list.js';
import { countCreated, countDisposed } from './stats.js';
import { describeObject, typeName } from './slot-names.js';

const DISPOSED = 1;
const BLOCKED = 2;
const NO_CHILDREN: readonly SignalObject[] = Object.freeze([]);
/** A sender list shorter than this is never compacted on `addSender`. */
const MIN_SENDERS_COMPACT = 16;

class ObjectState {
  parent: SignalObject | null = null;
  children: SignalObject[] | undefined = undefined;
  objectName = '';
  tracked: Disposable[] | undefined = undefined;
  /**
   * Receiver-bound connections whose receiver is this object, ended when it is disposed. Held
   * weakly: a connection holds its signal, the signal its owner, so a strong entry would keep
   * every emitter connected to a long-lived receiver alive even after the program dropped it.
   */
  senders: WeakRef<Connection>[] | undefined = undefined;
  /** How many entries of `senders` have ended since it was last compacted. */
  endedSenders = 0;
  /** `addSender` compacts `senders` when it reaches this length (entries of collected emitters never report ending). */
  compactSendersAt = MIN_SENDERS_COMPACT;
  destroyed: Signal<[SignalObject]> | undefined = undefined;
}

function stateOf(object: SignalObject): ObjectState {
  return (object._state ??= new ObjectState());
}

function describeValue(value: unknown): string {
  return value === null ? 'null' : typeof value === 'object' ? typeName(value) : typeof value;
}

export class SignalObject implements Disposable {
  /** @internal DISPOSED | BLOCKED */
  _flags = 0;
  /** @internal Created on first need (see ObjectState). */
  _state: ObjectState | undefined = undefined;

  constructor(parent: SignalObject | null = null) {
    if (parent !== null) this.setParent(parent);
    countCreated(); // after setParent: a construction it refuses creates nothing
    devHooks?.objectCreated(this);
  }

  /** A name for debugging and leak reports (`Type::objectName`). */
  get objectName(): string {
    return this._state?.objectName ?? '';
  }
  set objectName(name: string) {
    if (typeof name !== 'string') throw new TypeError(`objectName must be a string, got ${describeValue(name)}.`);
    stateOf(this).objectName = name;
  }

  get parent(): SignalObject | null {
    return this._state?.parent ?? null;
  }

  /** The live children, in the order they were added (a view: do not modify it). */
  get children(): readonly SignalObject[] {
    return this._state?.children ?? NO_CHILDREN;
  }

  /** Makes `parent` own this object (disposing it disposes this), or detaches it with null. */
  setParent(parent: SignalObject | null): void {
    if (parent !== null && !(parent instanceof SignalObject)) {
      throw new TypeError(`setParent: the parent must be a SignalObject or null, got ${describeValue(parent)}.`);
    }
    const current = this._state?.parent ?? null;
    if (parent === current) return;
    if (this.isDisposed) throw new Error(`setParent: ${describeObject(this)} was disposed; a disposed object cannot be re-parented.`);
    if (parent !== null) {
      if (parent.isDisposed) throw new Error(`setParent: the new parent ${describeObject(parent)} was disposed; choose a live parent.`);
      for (let p: SignalObject | null = parent; p !== null; p = p.parent) {
        if (p === this) throw new Error(`setParent: ${describeObject(parent)} is ${describeObject(this)} or one of its descendants; that would make a cycle.`);
      }
    }
    if (current !== null) removeChild(current, this);
    stateOf(this).parent = parent;
    if (parent !== null) (stateOf(parent).children ??= []).push(this);
  }

  /** Emitted with this object at the start of `dispose()`, exactly once (never blocked). */
  get destroyed(): Signal<[SignalObject]> {
    const state = stateOf(this);
    if (state.destroyed === undefined) {
      state.destroyed = new Signal<[SignalObject]>(this);
      storeName(state.destroyed, 'destroyed');
    }
    return state.destroyed;
  }

  get isDisposed(): boolean {
    return (this._flags & DISPOSED) !== 0;
  }

  /** While blocked, this object's signals do not emit (except `destroyed`). Returns the previous state. */
  blockSignals(block: boolean): boolean {
    const previous = this.signalsBlocked();
    this._flags = block ? this._flags | BLOCKED : this._flags & ~BLOCKED;
    for (const { signal } of ownSignals(this)) setBlocked(signal, block);
    return previous;
  }

  signalsBlocked(): boolean {
    return (this._flags & BLOCKED) !== 0;
  }

  /** Disposes `resource` when this object is disposed (at once if it already is). Returns it. */
  track<T extends Disposable>(resource: T): T {
    const dispose = (resource as Partial<Disposable> | null | undefined)?.[Symbol.dispose];
    if (typeof dispose !== 'function') {
      throw new TypeError(
        `track: expected a Disposable (an object with a [Symbol.dispose]() method, such as a Connection or a SignalObject), got ${describeValue(resource)}.`,
      );
    }
    if (this.isDisposed) resource[Symbol.dispose]();
    else (stateOf(this).tracked ??= []).push(resource);
    return resource;
  }

  /**
   * Emits `destroyed`, ends every connection of this object's signals and every receiver-bound
   * connection to it, disposes what it tracks (last tracked first) and its children, and leaves
   * its parent. Idempotent. Errors thrown on the way are rethrown at the end.
   */
  dispose(): void {
    if (this.isDisposed) return;
    this._flags |= DISPOSED;
    const errors: unknown[] = [];
    const state = this._state;
    if (state?.destroyed !== undefined) collect(errors, () => state.destroyed?.emit(this));
    const signals = ownSignals(this);
    for (const { signal } of signals) endAll(signal);
    if (state !== undefined) disposeState(this, state, errors);
    countDisposed();
    devHooks?.disposed(this, signals);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} errors while disposing ${describeObject(this)}.`);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

function collect(errors: unknown[], run: () => void): void {
  try {
    run();
  } catch (error) {
    errors.push(error);
  }
}

function endAll(signal: AnySignal): void {
  for (const c of liveConnections(signal)) endConnection(c);
}

function removeChild(parent: SignalObject, child: SignalObject): void {
  const children = parent._state?.children;
  const index = children?.indexOf(child) ?? -1;
  if (index >= 0) children?.splice(index, 1);
}

function disposeState(object: SignalObject, state: ObjectState, errors: unknown[]): void {
  if (state.destroyed !== undefined) endAll(state.destroyed);
  const senders = state.senders;
  state.senders = undefined;
  for (const ref of senders ?? []) ref.deref()?.disconnect();
  const tracked = state.tracked;
  state.tracked = undefined;
  for (let i = (tracked?.length ?? 0) - 1; i >= 0; i--) {
    const resource = tracked?.[i];
    if (resource !== undefined) collect(errors, () => resource[Symbol.dispose]());
  }
  for (const child of [...(state.children ?? [])]) collect(errors, () => child.dispose());
  if (state.parent !== null) {
    removeChild(state.parent, object);
    state.parent = null;
  }
}

/** The SignalObject whose disposal ends a connection to `receiver` (for a forwarding: the target signal's owner). */
export function senderListFor(receiver: object | undefined): SignalObject | undefined {
  const holder = isSignal(receiver) ? ownerOf(receiver) : receiver;
  return holder instanceof SignalObject ? holder : undefined;
}

/** Records a receiver-bound connection to `receiver`, so disposing the receiver ends it. */
export function addSender(receiver: SignalObject, connection: Connection): void {
  const state = stateOf(receiver);
  if ((state.senders?.length ?? 0) >= state.compactSendersAt) compactSenders(state);
  (state.senders ??= []).push(new WeakRef(connection));
}

function liveSender(ref: WeakRef<Connection>): boolean {
  return ref.deref()?.connected === true;
}

/** Drops entries whose connection ended or was collected; the next compaction waits for the list to double. */
function compactSenders(state: ObjectState): void {
  const live = (state.senders ?? []).filter(liveSender);
  state.senders = live;
  state.endedSenders = 0;
  state.compactSendersAt = Math.max(MIN_SENDERS_COMPACT, live.length * 2);
}

/**
 * A receiver-bound connection to `receiver` ended. Ended entries are dropped once they are half
 * of the list (amortised O(1)), so a receiver whose senders all ended keeps no list behind.
 */
export function senderEnded(receiver: object | undefined): void {
  const state = senderListFor(receiver)?._state;
  if (state?.senders === undefined) return;
  state.endedSenders++;
  if (state.endedSenders * 2 >= state.senders.length) compactSenders(state);
}

/** The receiver-bound connections to `receiver` that are still live (for dumpObjectInfo). */
export function sendersOf(receiver: SignalObject): Connection[] {
  const live: Connection[] = [];
  for (const ref of receiver._state?.senders ?? []) {
    const c = ref.deref();
    if (c?.connected === true) live.push(c);
  }
  return live;
}

export function isDisposedObject(object: SignalObject): boolean {
  return (object._flags & DISPOSED) !== 0;
}

/** Does a new first connection of `signal` start blocked? (its owner blocked signals; `destroyed` is never blocked) */
export function isBlockedFor(owner: object | undefined, signal: AnySignal): boolean {
  return owner instanceof SignalObject && owner.signalsBlocked() && owner._state?.destroyed !== signal;
}
