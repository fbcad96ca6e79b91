// SignalObject, the QObject analog: parent/children ownership, objectName, blockSignals, track,
// and dispose. Per-instance cost is two fields (flags, and a state record created only when a
// parent, children, a name, tracked resources, senders or `destroyed` are first needed), so
// a subclass with five signals stays below a bare node:events EventEmitter. Both fields are
// keyed by symbols: a subclass's own `_flags` or `_state` is its own business.
import type { Connection } from '../core/connection.js';
import { devHooks } from '../core/dev-hooks.js';
import {
  addSender,
  blocksSignal,
  firstConnected,
  OBJECT_BLOCKED as BLOCKED,
  OBJECT_DISPOSED as DISPOSED,
  objectFlags,
  senderEnded,
  senderHost,
  signalNameOf,
  type FlaggedOwner,
  type HasSenderHost,
  type NamesSignals,
  type SenderHost,
} from '../core/protocols.js';
import type { AnySignal } from '../core/runtime-types.js';
import { endConnection, liveConnections, setBlocked } from '../core/slot-list.js';
import { describeObject, describeValue } from '../core/slot-names.js';
import { countCreated, countDisposed } from '../core/stats.js';
import { storeName } from '../signals/signal-names.js';
import { Signal } from '../signals/signal.js';
import { classNameOf, ownedField, ownedSignals, recordConnected, type OwnedHolder } from './owned-signals.js';
import { ChildList } from './child-list.js';
import { TrackedList } from './tracked-list.js';
import { WeakConnectionList } from '../core/weak-connection-list.js';

declare module '../core/runtime-types.js' {
  interface RuntimeTypes {
    readonly signalObject: SignalObject;
  }
}

// Local copies of the imported symbols the constructor stores (V8 folds a local const, not an import).
const FLAGS: typeof objectFlags = objectFlags;
const OWNED: typeof ownedField = ownedField;

/** The state record's field (see ObjectState). */
const objectState: unique symbol = Symbol('slotguard.objectState');

/**
 * What a SignalObject carries besides its public members: symbol-keyed, so that no field name of
 * a subclass collides with them, and left out of the class's declared type, so that a user's
 * class expression (`return class extends SignalObject {…}`) never has to name them in its
 * declaration output.
 */
interface ObjectInternals extends FlaggedOwner, SenderHost, HasSenderHost, NamesSignals, OwnedHolder {
  [objectState]: ObjectState | undefined;
}

function inner(object: SignalObject): ObjectInternals {
  return object as unknown as ObjectInternals;
}
const NO_CHILDREN: readonly SignalObject[] = Object.freeze([]);

class ObjectState {
  parent: SignalObject | null = null;
  children: ChildList<SignalObject> | undefined = undefined;
  /** This object's position in its parent's `children` (child-list.ts), -1 without a parent. */
  indexInParent = -1;
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
  return (inner(object)[objectState] ??= new ObjectState());
}

export class SignalObject implements Disposable {
  constructor(parent: SignalObject | null = null) {
    const self = inner(this);
    self[FLAGS] = 0; // DISPOSED | BLOCKED (core/protocols.ts)
    self[objectState] = undefined; // created on first need (see ObjectState)
    self[OWNED] = undefined; // signals found by no field scan (owned-signals.ts)
    if (parent !== null) this.setParent(parent);
    countCreated(); // after setParent: a construction it refuses creates nothing
    devHooks?.objectCreated(this);
  }

  /** A name for debugging and leak reports (`Type::objectName`). */
  get objectName(): string {
    return inner(this)[objectState]?.objectName ?? '';
  }
  set objectName(name: string) {
    if (typeof name !== 'string') throw new TypeError(`objectName must be a string, got ${describeValue(name)}.`);
    stateOf(this).objectName = name;
  }

  get parent(): SignalObject | null {
    return inner(this)[objectState]?.parent ?? null;
  }

  /** The live children, in the order they were added (a view: do not modify it). */
  get children(): readonly SignalObject[] {
    return inner(this)[objectState]?.children?.view() ?? NO_CHILDREN;
  }

  /** Makes `parent` own this object (disposing it disposes this), or detaches it with null. */
  setParent(parent: SignalObject | null): void {
    if (parent !== null && !(parent instanceof SignalObject)) {
      throw new TypeError(`setParent: the parent must be a SignalObject or null, got ${describeValue(parent)}.`);
    }
    const current = inner(this)[objectState]?.parent ?? null;
    if (parent === current) return;
    if (this.isDisposed) throw new Error(`setParent: ${describeObject(this)} was disposed; a disposed object cannot be re-parented.`);
    if (parent !== null) {
      if (parent.isDisposed) throw new Error(`setParent: the new parent ${describeObject(parent)} was disposed; choose a live parent.`);
      refuseCycle(this, parent);
    }
    if (current !== null) removeChild(current, this);
    stateOf(this).parent = parent;
    if (parent !== null) (stateOf(parent).children ??= new ChildList(setIndexInParent)).add(this);
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
    return (inner(this)[objectFlags] & DISPOSED) !== 0;
  }

  /** While blocked, this object's signals do not emit (except `destroyed`). Returns the previous state. */
  blockSignals(block: boolean): boolean {
    const previous = this.signalsBlocked();
    inner(this)[objectFlags] = block ? inner(this)[objectFlags] | BLOCKED : inner(this)[objectFlags] & ~BLOCKED;
    // Only connected signals carry the state (on their list head); each was recorded at its first connection.
    for (const signal of ownedSignals(inner(this))) setBlocked(signal, block);
    return previous;
  }

  signalsBlocked(): boolean {
    return (inner(this)[objectFlags] & BLOCKED) !== 0;
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
    inner(this)[objectFlags] |= DISPOSED;
    const errors: unknown[] = [];
    const state = inner(this)[objectState];
    if (state?.destroyed !== undefined) collect(errors, () => state.destroyed?.emit(this));
    // Every owned signal that was ever connected was recorded at its first connection, wherever it is kept.
    const signals = ownedSignals(inner(this));
    for (const signal of signals) endAll(signal);
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

function setIndexInParent(child: SignalObject, index: number): void {
  stateOf(child).indexInParent = index;
}

function removeChild(parent: SignalObject, child: SignalObject): void {
  inner(parent)[objectState]?.children?.remove(child, stateOf(child).indexInParent);
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
  // The list is taken, so each child's dispose leaves it in O(1); a child moved to another
  // parent meanwhile (by a slot of an earlier one) is no longer ours and is left alone.
  for (const child of state.children?.take() ?? []) {
    if (child !== undefined && child.parent === object) collect(errors, () => child.dispose());
  }
  state.children = undefined;
  if (state.parent !== null) {
    removeChild(state.parent, object);
    state.parent = null;
  }
}

/** The receiver-bound connections to `receiver` that are still live (for dumpObjectInfo). */
export function sendersOf(receiver: SignalObject): Connection[] {
  return inner(receiver)[objectState]?.senders?.live() ?? [];
}

/** @internal For tests: the entries `receiver`'s sender list holds, live or not yet dropped. */
export function senderEntryCount(receiver: SignalObject): number {
  return inner(receiver)[objectState]?.senders?.entryCount ?? 0;
}

/** @internal For tests: the resources `object` tracks, released or not yet dropped. */
export function trackedEntryCount(object: SignalObject): number {
  return inner(object)[objectState]?.tracked?.entryCount ?? 0;
}

/** The object's `destroyed` signal, if it was ever asked for (the registry lists it). */
export function destroyedSignalOf(object: object): AnySignal | undefined {
  return object instanceof SignalObject ? inner(object)[objectState]?.destroyed : undefined;
}

// The protocols of core/protocols.ts, on the prototype (not in the declared type, see ObjectInternals).
const protocols: Omit<ObjectInternals, typeof objectFlags | typeof objectState | typeof ownedField> = {
  /** Records an owned signal at its first connection (`destroyed` is ended by dispose() anyway). */
  [firstConnected](this: ObjectInternals, signal: object): void {
    if (signal !== this[objectState]?.destroyed) recordConnected(this, signal as AnySignal);
  },
  /** The name of a class-level signal (class-signals.ts). */
  [signalNameOf](this: ObjectInternals, signal: object): string | undefined {
    return classNameOf(this, signal);
  },
  /** A first connection starts blocked while signals are blocked, except `destroyed`'s. */
  [blocksSignal](this: ObjectInternals & SignalObject, signal: object): boolean {
    return this.signalsBlocked() && this[objectState]?.destroyed !== signal;
  },
  /** This object ends the receiver-bound connections made to it. */
  [senderHost](this: ObjectInternals): SenderHost {
    return this;
  },
  /** Records a receiver-bound connection to this object, so disposing it ends the connection. */
  [addSender](this: ObjectInternals & SignalObject, connection: object): void {
    (stateOf(this).senders ??= new WeakConnectionList()).add(connection as Connection);
  },
  /** A receiver-bound connection to this object ended: its entry is dropped in time (core/weak-connection-list.ts). */
  [senderEnded](this: ObjectInternals): void {
    this[objectState]?.senders?.connectionEnded();
  },
};
Object.assign(SignalObject.prototype, protocols);
