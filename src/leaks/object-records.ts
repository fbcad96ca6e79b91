// What leak detection remembers about an object and its connections: small copies (type, name,
// sites, signal and slot names) that outlive the object, so that a probe can say what was lost
// after the collector took it. A record never reaches the object: only through a WeakRef.
import type { Connection } from '../core/connection.js';
import type { LeakConnection, LeakReport } from './leak-report.js';
import { addIndexed, removeIndexed, takeIndexed } from './indexed-lists.js';
import type { LeakSubject } from './leak-messages.js';

/** One connection, as copied when it was made. */
export interface ConnectionRecord extends LeakConnection {
  /** Order of creation, to list connections in the order they were made. */
  readonly order: number;
  /** The record of the signal's owner (or of the signal itself when it has none). */
  readonly emitter: ObjectRecord;
  /** The record of the receiver, for a receiver-bound connection. */
  readonly receiver: ObjectRecord | undefined;
  /** Kept for receiver-bound connections only, to prune them when their receiver is collected. */
  readonly connection: WeakRef<Connection> | undefined;
  /** Position in `emitter.outgoing`, and in `receiver.incoming` (-1 once removed). */
  outgoingAt: number;
  incomingAt: number;
}

/** A test scope that adopts the objects created while it is open (see leak-scopes.ts). */
export interface RecordScope {
  /** A SignalObject was created while the scope is open. */
  adopt(record: ObjectRecord): void;
  /** Takes a report about one of its objects; false when it is not for the scope. */
  take(report: LeakReport): boolean;
}

export class ObjectRecord implements LeakSubject {
  /** For SignalObjects only (liveObjects, test scopes): other objects are only probed. */
  readonly ref: WeakRef<object> | undefined;
  readonly objectType: string;
  objectName: string | undefined;
  createdAt: string | undefined;
  /** Records made before leak detection was last turned off are ignored (they missed events). */
  readonly generation: number;
  readonly isSignalObject: boolean;
  /** Live connections of the object's signals, in no order (removal swaps in the last one). */
  outgoing: ConnectionRecord[] | undefined;
  /** Live receiver-bound connections whose receiver the object is, in no order. */
  incoming: ConnectionRecord[] | undefined;
  disposed = false;
  /** The probe saw the object go. */
  collected = false;
  /** Open test scopes the object was created in. */
  scopes: RecordScope[] | undefined;
  /** Position in the registry's list of live SignalObjects (-1 when not in it). */
  liveAt = -1;

  constructor(object: object, objectType: string, generation: number, isSignalObject: boolean) {
    this.ref = isSignalObject ? new WeakRef(object) : undefined;
    this.objectType = objectType;
    this.objectName = undefined;
    this.createdAt = undefined;
    this.generation = generation;
    this.isSignalObject = isSignalObject;
    this.outgoing = undefined;
    this.incoming = undefined;
    this.scopes = undefined;
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

/** The public copy of a connection record (a LeakReport carries no internals). */
export function leakConnection(record: LeakConnection): LeakConnection {
  const copy: LeakConnection = { signal: record.signal, slot: record.slot };
  if (record.connectedAt !== undefined) copy.connectedAt = record.connectedAt;
  return copy;
}
