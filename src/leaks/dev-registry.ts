// The development registry: leak detection's implementation of the runtime's DevHooks. It keeps
// an ObjectRecord per object it watches and a ConnectionRecord per connection (carried by the
// Connection), the probes and the growth monitor.
//
// What it holds on to objects is weak, and never a WeakRef per object (V8 keeps a WeakRef's
// target alive to the end of the job that made or read it). An object is watched from its first
// connection (as emitter or receiver) by a probe registration, which keeps nothing alive; an
// object that is never connected costs nothing.
//
// Most of that work waits for the end of the job (a microtask), or until more than `pendingLimit`
// connections or objects wait: a connection's record (and its objects' records) is made then,
// for the connections still live, and the objects are registered then, those not disposed. An
// object connected and disposed in the same job (a row built and thrown away in one loop) then
// costs a push onto a list, no record and no registration, and leaves no FinalizationRegistry
// cell behind (V8 keeps the cells of a job's dead targets, with their held records, until the job
// ends: a million of them exhaust a small heap). An ended connection in the list holds nothing (it
// lets go of its signal, slot and receiver when it ends). A live one holds its signal and owner
// until then: at most `pendingLimit` objects that were connected and dropped without dispose()
// (leaks) live a little longer, to the end of the job; no other object does. A receiver cannot be
// collected before the end of the job that connected it (the dereference below keeps it, as the
// connection's new WeakRef does), so no loss goes unrecorded.
//
// Connections are recorded at once (nothing waits) while a test scope is open (it sees every
// connection made in it) and with captureStacks (the site is the connect call's).
// WeakRefs are made only for the objects of an open test scope and with `trackLiveObjects`.
import type { Connection } from '../core/connection.js';
import type { AnySignal, DevHooks } from '../core/dev-hooks.js';
import { SignalObject } from '../objects/object.js';
import { isSignal } from '../signals/signal.js';
import { knownName } from '../signals/signal-names.js';
import { liveConnections, ownerOf } from '../core/slot-list.js';
import { typeName } from '../core/slot-names.js';
import { countEnded } from '../core/stats.js';
import { captureSite, constructorChain } from './call-sites.js';
import type { GrowthMonitor } from './growth-monitor.js';
import { spreadOf } from './growth-monitor.js';
import { listenerThreshold, usedAfterDispose, type LeakSubject } from './leak-messages.js';
import type { LeakConnection, LeakReport } from './leak-report.js';
import { addIncoming, addOutgoing, leakConnection, nameOf, ObjectRecord, removeIncoming, removeOutgoing, type ConnectionRecord, type RecordScope, type SlotForm } from './object-records.js';
import { addIndexed, removeIndexed, takeIndexed } from './indexed-lists.js';
import { Probes } from './probes.js';
import { markOwnerDisposed } from './disposed-sentinel.js';

/** What configureLeakDetection sets; read on every event, so a change applies at once. */
export interface DetectionSettings {
  captureStacks: boolean;
  trackLiveObjects: boolean;
  monitor: GrowthMonitor;
  onLeak: (report: LeakReport) => void;
}

/** The signal's name, as reports show it (found without calling a getter). */
function signalName(signal: AnySignal): string {
  return knownName(signal) ?? '(unnamed signal)';
}

/** Objects waiting for their probe beyond this are registered at once (bounds what waits). */
export const pendingLimit = 1024;

const recordKey = Symbol('slotguard.leakRecord');

interface Recorded {
  [recordKey]?: ObjectRecord;
}

const connectionKey = Symbol('slotguard.leakConnection');

/** A connection carries its record (development only): no weak table entry per connection. */
interface RecordedConnection {
  [connectionKey]?: ConnectionRecord;
}

function connectionRecordOf(connection: Connection): ConnectionRecord | undefined {
  return (connection as RecordedConnection)[connectionKey];
}

/** An onLeak that throws (a CI making leaks fatal) must not break the program it watches: it is isolated like a throwing slot. */
function reportHandlerError(error: unknown, report: LeakReport): void {
  console.error(`slotguard: onLeak threw while handling a ${report.kind} report (the program and leak detection carried on):`, error);
}

export class DevRegistry implements DevHooks {
  /** Records of objects other than SignalObjects (see #track). */
  readonly #records = new WeakMap<object, ObjectRecord>();
  /** Records of live, undisposed SignalObjects, for liveObjects() (with trackLiveObjects only). */
  readonly #live: ObjectRecord[] = [];
  /** Watched SignalObjects neither disposed nor collected. */
  #liveCount = 0;
  readonly #probes: Probes;
  /** Connections made in this job, not yet recorded (see the top). */
  #pendingConnections: Connection[] = [];
  /** Objects connected in this job, not yet registered with the probes (see the top). */
  #pending: object[] = [];
  #pendingRecords: ObjectRecord[] = [];
  #registrationScheduled = false;
  /** Signals already reported for emit-after-dispose: one report each, however often it repeats. */
  readonly #emittedAfterDispose = new WeakSet<AnySignal>();
  /** Connections recorded so far: each record's order. */
  #order = 0;
  /** Bumped each time detection is turned back on: older records missed events while it was off. */
  #generation = 0;
  /** While off, the probes of objects made before stay silent (and are ignored if it comes back on). */
  #active = true;
  /** Test scopes open now, outermost first; each adopts the objects created while it is open. */
  readonly openScopes: RecordScope[] = [];

  constructor(private readonly settings: DetectionSettings) {
    this.#probes = new Probes({
      isCurrent: (record) => this.#isCurrent(record),
      forget: (record, lostConnections) => {
        // The connections of a collected emitter ended with it: registry.stats() counts them so.
        for (let i = 0; i < lostConnections; i++) countEnded();
        if (!this.#isCurrent(record) || !record.isSignalObject || record.disposed) return;
        this.#liveCount--;
        removeIndexed(this.#live, record, 'liveAt');
      },
      report: (report, about) => {
        this.deliver(report, about);
      },
    });
  }

  #isCurrent(record: ObjectRecord): boolean {
    return this.#active && record.generation === this.#generation;
  }

  /** Leak detection is turned off. */
  stop(): void {
    this.#active = false;
    this.#pendingConnections = [];
  }

  /** Opens a test scope: what was connected before it is recorded first (connections in it are recorded at once). */
  openScope(scope: RecordScope): void {
    this.#recordPendingConnections();
    this.openScopes.push(scope);
  }

  /** Leak detection is turned on again after it was off: what it recorded before missed events. */
  restart(): void {
    this.#active = true;
    this.#generation += 1;
    this.#liveCount = 0;
    takeIndexed(this.#live, 'liveAt');
    this.#pending = [];
    takeIndexed(this.#pendingRecords, 'pendingAt');
    this.#pendingConnections = [];
  }

  /**
   * Hands a report to the innermost open test scope of its object, or else to onLeak. An object a
   * scope already reported (undisposed at its end) is not reported again when it is collected.
   */
  deliver(report: LeakReport, about?: ObjectRecord): void {
    if (about?.scopeReported === true) return;
    const scopes = about?.scopes ?? [];
    for (let i = scopes.length - 1; i >= 0; i--) if (scopes[i]?.take(report) === true) return;
    try {
      this.settings.onLeak(report);
    } catch (error) {
      reportHandlerError(error, report);
    }
  }

  /** The current record of an object, if leak detection has seen it. */
  recordOf(object: object): ObjectRecord | undefined {
    // A copy made with spread or Object.assign carries the symbol too, but is no SignalObject.
    const record = object instanceof SignalObject ? (object as Recorded)[recordKey] : this.#records.get(object);
    return record !== undefined && record.generation === this.#generation ? record : undefined;
  }

  /** A record for an object leak detection has not seen yet. */
  #track(object: object, isSignalObject: boolean): ObjectRecord {
    const record = new ObjectRecord(typeName(object), this.#generation, isSignalObject);
    // A SignalObject carries its record (development only, under a symbol: not in Object.keys,
    // for…in or JSON): no weak table entry per object. Other objects are looked up weakly.
    if (isSignalObject) (object as Recorded)[recordKey] = record;
    else this.#records.set(object, record);
    return record;
  }

  /** Watches an object from its first connection: its probe is registered at the end of the job (see the top). */
  #watch(object: object, record: ObjectRecord): void {
    record.watched = true;
    if (record.isSignalObject) this.#liveCount++;
    this.#scheduleEndOfJob();
    if (this.#pending.length >= pendingLimit) this.#registerPending();
    record.pendingAt = this.#pending.length;
    this.#pending.push(object);
    this.#pendingRecords.push(record);
  }

  #scheduleEndOfJob(): void {
    if (this.#registrationScheduled) return;
    this.#registrationScheduled = true;
    queueMicrotask(this.#endOfJob);
  }

  readonly #endOfJob = (): void => {
    this.#registrationScheduled = false;
    this.#recordPendingConnections();
    this.#registerPending();
  };

  /** Records the connections made since the last time that are still live (see the top). */
  #recordPendingConnections(): void {
    const connections = this.#pendingConnections;
    if (connections.length === 0) return;
    this.#pendingConnections = [];
    for (const connection of connections) {
      const signal = connection._signal;
      if (signal !== undefined && connection.connected && connectionRecordOf(connection) === undefined) this.#record(signal, connection);
    }
  }

  #registerPending(): void {
    const objects = this.#pending;
    const records = this.#pendingRecords;
    this.#pending = [];
    this.#pendingRecords = [];
    for (let i = 0; i < objects.length; i++) {
      const record = records[i] as ObjectRecord;
      record.pendingAt = -1;
      if (!record.disposed && this.#isCurrent(record)) this.#probes.watch(objects[i] as object, record);
    }
  }

  /** A disposed object no longer waits for a probe: nothing of it stays. */
  #unpend(record: ObjectRecord): void {
    const at = record.pendingAt;
    if (at < 0) return;
    const lastObject = this.#pending.pop() as object;
    const lastRecord = this.#pendingRecords.pop() as ObjectRecord;
    if (lastRecord !== record) {
      this.#pending[at] = lastObject;
      this.#pendingRecords[at] = lastRecord;
      lastRecord.pendingAt = at;
    }
    record.pendingAt = -1;
  }

  /** The record of an emitter or receiver, watched from now on (unless it was disposed before its record was made). */
  #recordForConnection(object: object): ObjectRecord {
    const record = this.recordOf(object) ?? this.#track(object, object instanceof SignalObject);
    if (!record.watched && !record.disposed) {
      if (object instanceof SignalObject && object.isDisposed) record.disposed = true;
      else this.#watch(object, record);
    }
    record.objectName = nameOf(object) ?? record.objectName;
    return record;
  }

  objectCreated(object: SignalObject): void {
    const settings = this.settings;
    const scopes = this.openScopes;
    // The common case: nothing until the object is first connected.
    if (!settings.captureStacks && !settings.trackLiveObjects && scopes.length === 0) return;
    const record = this.#track(object, true);
    if (settings.captureStacks) record.createdAt = captureSite(constructorChain(object));
    if (!settings.trackLiveObjects && scopes.length === 0) return;
    // Listed or adopted objects are watched from their creation (a scope needs to see them go).
    this.#watch(object, record);
    record.ref = new WeakRef(object);
    if (settings.trackLiveObjects) addIndexed(this.#live, record, 'liveAt');
    if (scopes.length === 0) return;
    record.scopes = [...scopes];
    for (const scope of scopes) scope.adopt(record);
  }

  connected(signal: AnySignal, connection: Connection): void {
    const count = signal.connectionCount;
    if (this.settings.captureStacks || this.openScopes.length > 0) {
      this.#record(signal, connection);
    } else {
      // Read once in this job, the receiver lives at least to its end (see the top); the WeakRef is new anyway.
      if (connection._receiver !== undefined) connection._receiver.deref();
      this.#scheduleEndOfJob();
      if (this.#pendingConnections.length >= pendingLimit) this.#recordPendingConnections();
      this.#pendingConnections.push(connection);
    }
    if (count > this.settings.monitor.threshold && this.settings.monitor.due(signal, count)) {
      this.#recordPendingConnections();
      this.#reportGrowth(signal, count, this.#recordForConnection(ownerOf(signal) ?? signal));
    }
  }

  /** Makes the records of a live connection (at once, or at the end of its job). */
  #record(signal: AnySignal, connection: Connection): void {
    const owner = ownerOf(signal);
    const emitter = this.#recordForConnection(owner ?? signal);
    const target = connection.receiver;
    const slot = connection.slot;
    let form: SlotForm = 'function';
    let slotName = slot === undefined || slot.name === '' ? '(anonymous)' : slot.name;
    let receiver: ObjectRecord | undefined;
    if (target !== undefined) {
      // A forwarding connection's receiver is the target signal: its owner is the one that goes.
      const forwardTo = isSignal(target) ? target : undefined;
      const targetOwner = forwardTo === undefined ? undefined : ownerOf(forwardTo);
      receiver = this.#recordForConnection(forwardTo === undefined ? target : targetOwner ?? forwardTo);
      if (forwardTo === undefined) form = 'method';
      else if (targetOwner === undefined) slotName = `signal ${signalName(forwardTo)}`;
      else [form, slotName] = ['forward', signalName(forwardTo)];
    }
    const record: ConnectionRecord = {
      order: this.#order++,
      signal: signalName(signal),
      form,
      slotName,
      connectedAt: this.settings.captureStacks ? captureSite() : undefined,
      emitter,
      receiver,
      outgoingAt: -1,
      incomingAt: -1,
      scopeReported: false,
    };
    (connection as RecordedConnection)[connectionKey] = record;
    addOutgoing(record);
    if (receiver !== undefined) addIncoming(record, receiver);
    for (const scope of this.openScopes) scope.connectionMade(record);
  }

  disconnected(_signal: AnySignal, connection: Connection): void {
    const record = connectionRecordOf(connection);
    if (record === undefined) return;
    // The entry stays while a kept Connection handle lives (its site still answers connectionSite).
    removeOutgoing(record);
    removeIncoming(record);
  }

  receiverCollected(connection: Connection): void {
    const receiver = connectionRecordOf(connection)?.receiver;
    if (receiver !== undefined) this.#probes.reportLostReceiver(receiver);
  }

  disposed(object: SignalObject, signals: readonly AnySignal[]): void {
    markOwnerDisposed(object, signals);
    const record = this.recordOf(object);
    if (record === undefined || record.disposed) return;
    // The probe stays registered (no unregister token: cheaper); a disposed record makes it silent.
    record.disposed = true;
    if (record.watched && !record.collected) this.#liveCount--;
    this.#unpend(record);
    removeIndexed(this.#live, record, 'liveAt');
    // What a disposed record keeps until its probe runs (if it was registered) is all of it.
    record.outgoing = undefined;
    record.incoming = undefined;
  }

  usedAfterDispose(signal: AnySignal, action: 'connect' | 'emit'): void {
    if (action === 'emit') {
      if (this.#emittedAfterDispose.has(signal)) return;
      this.#emittedAfterDispose.add(signal);
    }
    const owner = ownerOf(signal) ?? signal;
    const record = this.recordOf(owner);
    const attempt: LeakConnection = { signal: signalName(signal), slot: action === 'connect' ? '(refused)' : '(emit ignored)' };
    // Rare, and the one place that says where the misuse is: its site is captured even without stacks.
    const site = captureSite();
    if (site !== undefined) attempt.connectedAt = site;
    this.deliver(usedAfterDispose(this.#subject(owner, record), signalName(signal), action, [attempt]), record);
  }

  liveObjects(): SignalObject[] {
    if (!this.settings.trackLiveObjects) {
      throw new Error(
        'registry.liveObjects(): call configureLeakDetection({ trackLiveObjects: true }) first (before the objects are created). ' +
          'Listing objects takes a WeakRef per object, which keeps each one alive to the end of the job that created it, so it is off by default; ' +
          'registry.stats().liveObjects counts the watched objects without it.',
      );
    }
    const objects: SignalObject[] = [];
    for (const record of this.#live) {
      const object = record.ref?.deref();
      if (object instanceof SignalObject && !object.isDisposed) objects.push(object);
    }
    return objects;
  }

  liveObjectCount(): number {
    this.#recordPendingConnections();
    return this.#liveCount;
  }

  connectionSite(connection: Connection): string | undefined {
    return connectionRecordOf(connection)?.connectedAt;
  }

  #subject(object: object, record: ObjectRecord | undefined): LeakSubject {
    return { objectType: typeName(object), objectName: nameOf(object), createdAt: record?.createdAt };
  }

  #reportGrowth(signal: AnySignal, count: number, emitter: ObjectRecord): void {
    const connections = liveConnections(signal).map((connection): LeakConnection => {
      const record = connectionRecordOf(connection);
      return record === undefined ? { signal: signalName(signal), slot: connection.slotName } : leakConnection(record);
    });
    const owner = ownerOf(signal) ?? signal;
    const report = listenerThreshold(this.#subject(owner, emitter), signalName(signal), count, this.settings.monitor.threshold, spreadOf(connections), connections);
    this.deliver(report);
  }
}
