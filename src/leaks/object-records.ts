// What leak detection remembers about an object and its connections: small copies (type, name,
// sites, signal and slot names) that outlive the object, so that a probe can say what was lost
// after the collector took it. A record never reaches the object (a record is a probe's held
// value, which the FinalizationRegistry keeps strongly): at most through a WeakRef, and only for
// the objects of a test scope or with `trackLiveObjects`.
import type { LeakConnection, LeakReport } from './leak-report.js';
import { addIndexed, removeIndexed, takeIndexed } from './indexed-lists.js';
import type { LeakSubject } from './leak-messages.js';

/**
 * How a connection's slot is named in reports: a function by its name; a receiver's method as
 * `Receiver.method` (with the receiver's objectName when it has one); a forwarding as
 * `signal Owner.name`. The text is built when a report is made, not on every connect.
 */
export type SlotForm = 'function' | 'method' | 'forward';

/** One connection, as copied when it was made. */
export interface ConnectionRecord {
  /** Order of creation, to list connections in the order they were made. */
  readonly order: number;
  /** The signal's name. */
  readonly signal: string;
  readonly form: SlotForm;
  /** The function's name, or for a forwarding the target signal's name. */
  readonly slotName: string;
  /** "file:line:column" of the connect call, when stacks are captured. */
  readonly connectedAt: string | undefined;
  /** The record of the signal's owner (or of the signal itself when it has none). */
  readonly emitter: ObjectRecord;
  /** The record of the receiver (for a forwarding: the target signal's owner). */
  readonly receiver: ObjectRecord | undefined;
  /** Position in `emitter.outgoing`, and in `receiver.incoming` (-1 once removed). */
  outgoingAt: number;
  incomingAt: number;
  /** A test scope already reported this connection (see leak-scopes.ts). */
  scopeReported: boolean;
}

/** A test scope that adopts the objects created while it is open (see leak-scopes.ts). */
export interface RecordScope {
  /** A SignalObject was created while the scope is open. */
  adopt(record: ObjectRecord): void;
  /** A connection was made while the scope is open. */
  connectionMade(record: ConnectionRecord): void;
  /** Takes a report about one of its objects; false when it is not for the scope (or it is closed). */
  take(report: LeakReport): boolean;
}

export class ObjectRecord implements LeakSubject {
  readonly objectType: string;
  objectName: string | undefined;
  createdAt: string | undefined;
  /** Records made before leak detection was last turned off are ignored (they missed events). */
  readonly generation: number;
  readonly isSignalObject: boolean;
  /** Only for the objects of a test scope, or with `trackLiveObjects` (a WeakRef keeps its target to the end of the job). */
  ref: WeakRef<object> | undefined;
  /** Live connections of the object's signals, in no order (removal swaps in the last one). */
  outgoing: ConnectionRecord[] | undefined;
  /** Live receiver-bound connections whose receiver the object is, in no order. */
  incoming: ConnectionRecord[] | undefined;
  disposed: boolean;
  /** The probe saw the object go. */
  collected: boolean;
  /** Its loss as a receiver was reported (by an emission that pruned it, or by its probe). */
  receiverReported: boolean;
  /** A test scope reported it at its end: nothing reports it again. */
  scopeReported: boolean;
  /** Open test scopes the object was created in, outermost first. */
  scopes: RecordScope[] | undefined;
  /** Position in the registry's list of tracked live objects (-1 when not in it). */
  liveAt: number;
  /** Position in the registry's objects waiting for their probe (-1 when not waiting). */
  pendingAt: number;
  /** Watched: its probe is registered, or waits for the end of the job. */
  watched: boolean;

  constructor(objectType: string, generation: number, isSignalObject: boolean) {
    this.objectType = objectType;
    this.objectName = undefined;
    this.createdAt = undefined;
    this.generation = generation;
    this.isSignalObject = isSignalObject;
    this.ref = undefined;
    this.outgoing = undefined;
    this.incoming = undefined;
    this.disposed = false;
    this.collected = false;
    this.receiverReported = false;
    this.scopeReported = false;
    this.scopes = undefined;
    this.liveAt = -1;
    this.pendingAt = -1;
    this.watched = false;
  }

  /** Whether anything is still connected to or from the object. */
  get connected(): boolean {
    return (this.outgoing?.length ?? 0) + (this.incoming?.length ?? 0) > 0;
  }
}

export function addOutgoing(record: ConnectionRecord): void {
  addIndexed((record.emitter.outgoing ??= []), record, 'outgoingAt');
}

export function addIncoming(record: ConnectionRecord, receiver: ObjectRecord): void {
  addIndexed((receiver.incoming ??= []), record, 'incomingAt');
}

export function removeOutgoing(record: ConnectionRecord): void {
  removeIndexed(record.emitter.outgoing, record, 'outgoingAt');
}

export function removeIncoming(record: ConnectionRecord): void {
  removeIndexed(record.receiver?.incoming, record, 'incomingAt');
}

/** Empties the object's lists, returning what was in them. */
export function takeOutgoing(object: ObjectRecord): ConnectionRecord[] {
  return takeIndexed(object.outgoing, 'outgoingAt');
}

export function takeIncoming(object: ObjectRecord): ConnectionRecord[] {
  return takeIndexed(object.incoming, 'incomingAt');
}

export function byOrder(a: ConnectionRecord, b: ConnectionRecord): number {
  return a.order - b.order;
}

/** Connection records in the order they were made, as public copies. */
export function inOrder(records: readonly ConnectionRecord[]): LeakConnection[] {
  return [...records].sort(byOrder).map(leakConnection);
}

/** The object's `objectName`, when it has a non-empty one. */
export function nameOf(object: object): string | undefined {
  const name = (object as { objectName?: unknown }).objectName;
  return typeof name === 'string' && name !== '' ? name : undefined;
}

/** Reads the name again from the object while it is alive (it is often set after creation). */
export function refreshName(record: ObjectRecord): void {
  const object = record.ref?.deref();
  if (object !== undefined) record.objectName = nameOf(object) ?? record.objectName;
}

/** `Type::name` (or `Type`), as the runtime names receivers. */
function qualified(record: ObjectRecord): string {
  return record.objectName === undefined ? record.objectType : `${record.objectType}::${record.objectName}`;
}

/** The slot as reports name it: `fn`, `Receiver::name.method`, `signal Owner::name.signal`. */
export function slotText(record: ConnectionRecord): string {
  if (record.form === 'function' || record.receiver === undefined) return record.slotName;
  if (record.form === 'method') return `${qualified(record.receiver)}.${record.slotName}`;
  return `signal ${qualified(record.receiver)}.${record.slotName}`;
}

/** The public copy of a connection record (a LeakReport carries no internals). */
export function leakConnection(record: ConnectionRecord): LeakConnection {
  const copy: LeakConnection = { signal: record.signal, slot: slotText(record) };
  if (record.connectedAt !== undefined) copy.connectedAt = record.connectedAt;
  return copy;
}
