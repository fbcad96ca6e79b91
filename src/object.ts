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
import { TrackedList } from './tracked-list.js';
import { WeakConnectionList } from './weak-connection-list.js';
import { describeObject, describeValue } from './slot-names.js';

const DISPOSED = 1;
const BLOCKED = 2;
const NO_CHILDREN: readonly SignalObject[] = Object.freeze([]);

class ObjectState {
  parent: SignalObject | null = null;
  children: SignalObject[] | undefined = undefined;
  objectName = '';
  tracked: TrackedList | undefined = undefined;
  /**
   * Receiver-bound connections whose receiver is this object, ended when it is disposed. Held
   * weakly: a connection holds its signal, the signal its owner, so a strong entry would keep
   * every emitter connected to a long-lived receiver alive even after the program dropped it.
   */
  senders: WeakConnectionList | undefined = undefined;
  destroyed: Signal<[SignalObject]> | undefined = undefined;
}

function stateOf(object: SignalObject): ObjectState {
  return (object._state ??= new ObjectState());
}

export class SignalObject implements Disposable {
  /** @internal DISPOSED | BLOCKED */
  _flags = 0;
  /** @internal Created on first need (see ObjectState). */
  _state: ObjectState | undefined = undefined;

  constructor(parent: SignalObject | null = null) {
    countCreated();
    if (parent !== null) this.setParent(parent);
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
      refuseCycle(this, parent);
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
    else (stateOf(this).tracked ??= new TrackedList()).add(resource);
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
    for (const { signal } of ownSignals(this)) endAll(signal);
    if (state !== undefined) disposeState(this, state, errors);
    countDisposed();
    devHooks?.disposed(this);
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `${errors.length} errors while disposing ${describeObject(this)}.`);
  }

  [Symbol.dispose](): void {
    this.dispose();
  }
}

/** setParent(parent) on `object` would make a cycle if `parent` is `object` or one of its descendants. */
function refuseCycle(object: SignalObject, parent: SignalObject): void {
  if (parent === object) throw new Error(`setParent: an object cannot be its own parent (${describeObject(object)}); that would make a cycle.`);
  let depth = 1;
  for (let p = parent.parent; p !== null; p = p.parent, depth++) {
    if (p !== object) continue;
    const where = depth === 1 ? `a child of this ${describeObject(object)}` : `a descendant of this ${describeObject(object)}, ${depth} levels down`;
    throw new Error(`setParent: the new parent (${describeObject(parent)}) is ${where}; that would make a cycle. Detach it first, or choose another parent.`);
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
  for (const c of senders?.live() ?? []) c.disconnect();
  const tracked = state.tracked?.release() ?? [];
  state.tracked = undefined;
  for (let i = tracked.length - 1; i >= 0; i--) {
    const resource = tracked[i] as Disposable;
    collect(errors, () => resource[Symbol.dispose]());
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
  (stateOf(receiver).senders ??= new WeakConnectionList()).add(connection);
}

/** A receiver-bound connection to `receiver` ended: its entry is dropped in time (weak-connection-list.ts). */
export function senderEnded(receiver: object | undefined): void {
  senderListFor(receiver)?._state?.senders?.connectionEnded();
}

/** The receiver-bound connections to `receiver` that are still live (for dumpObjectInfo). */
export function sendersOf(receiver: SignalObject): Connection[] {
  return receiver._state?.senders?.live() ?? [];
}

/** @internal For tests: the entries `receiver`'s sender list holds, live or not yet dropped. */
export function senderEntryCount(receiver: SignalObject): number {
  return receiver._state?.senders?.entryCount ?? 0;
}

/** @internal For tests: the resources `object` tracks, released or not yet dropped. */
export function trackedEntryCount(object: SignalObject): number {
  return object._state?.tracked?.entryCount ?? 0;
}

export function isDisposedObject(object: SignalObject): boolean {
  return (object._flags & DISPOSED) !== 0;
}

/** Does a new first connection of `signal` start blocked? (its owner blocked signals; `destroyed` is never blocked) */
export function isBlockedFor(owner: object | undefined, signal: AnySignal): boolean {
  return owner instanceof SignalObject && owner.signalsBlocked() && owner._state?.destroyed !== signal;
}
