// The development registry: leak detection's implementation of the runtime's DevHooks. It keeps
// an ObjectRecord per SignalObject (and per other object once it owns a connected signal or is a
// receiver), a ConnectionRecord per connection (carried by the Connection), the probes and the
// growth monitor. Everything it holds on to objects is weak: WeakMap keys, WeakRefs,
// FinalizationRegistry targets.
import type { Connection } from '../core/connection.js';
import type { AnySignal, DevHooks } from '../core/dev-hooks.js';
import { SignalObject } from '../objects/object.js';
import { isSignal } from '../signals/signal.js';
import { liveConnections } from '../core/slot-list.js';
import { typeName } from '../core/slot-names.js';
import { captureSite, constructorChain } from './call-sites.js';
import type { GrowthMonitor } from './growth-monitor.js';
import { spreadOf } from './growth-monitor.js';
import { listenerThreshold, usedAfterDispose, type LeakSubject } from './leak-messages.js';
import type { LeakConnection, LeakReport } from './leak-report.js';
import { addIncoming, addOutgoing, leakConnection, nameOf, ObjectRecord, removeIncoming, removeOutgoing, type ConnectionRecord, type RecordScope } from './object-records.js';
import { addIndexed, removeIndexed, takeIndexed } from './indexed-lists.js';
import { Probes } from './probes.js';

/** What configureLeakDetection sets; read on every event, so a change applies at once. */
export interface DetectionSettings {
  captureStacks: boolean;
  monitor: GrowthMonitor;
  onLeak: (report: LeakReport) => void;
}

/** The signal's name, as reports show it. */
function signalName(signal: AnySignal): string {
  return signal.name ?? '(unnamed signal)';
}

/** The object that a signal's connections are counted on: its owner, or the signal itself. */
function emitterOf(signal: AnySignal): object {
  return signal.owner ?? signal;
}

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

export class DevRegistry implements DevHooks {
  /** Records of objects other than SignalObjects (see #track). */
  readonly #records = new WeakMap<object, ObjectRecord>();
  /** Records of live, undisposed SignalObjects, for liveObjects(). */
  readonly #live: ObjectRecord[] = [];
  readonly #probes: Probes;
  /** Signals already reported for emit-after-dispose: one report each, however often it repeats. */
  readonly #emittedAfterDispose = new WeakSet<AnySignal>();
  /** Connections recorded so far: each record's order. */
  #order = 0;
  /** Bumped each time detection is turned back on: older records missed events while it was off. */
  #generation = 0;
  /** While off, the probes of objects made before stay silent (and are ignored if it comes back on). */
  #active = true;
  /** Test scopes open now; each adopts the objects created while it is open. */
  readonly openScopes: RecordScope[] = [];

  constructor(private readonly settings: DetectionSettings) {
    this.#probes = new Probes({
      isCurrent: (record) => this.#active && record.generation === this.#generation,
      forget: (record) => {
        removeIndexed(this.#live, record, 'liveAt');
      },
      report: (report, about) => {
        this.deliver(report, about);
      },
    });
  }

  /** Leak detection is turned off. */
  stop(): void {
    this.#active = false;
  }

  /** Leak detection is turned on again after it was off: what it recorded before missed events. */
  restart(): void {
    this.#active = true;
    this.#generation += 1;
    takeIndexed(this.#live, 'liveAt');
  }

  /** Hands a report to the test scopes of its object, or else to onLeak. */
  deliver(report: LeakReport, about?: ObjectRecord): void {
    let taken = false;
    for (const scope of about?.scopes ?? []) taken = scope.take(report) || taken;
    if (!taken) this.settings.onLeak(report);
  }

  /** The current record of an object, if leak detection has seen it. */
  recordOf(object: object): ObjectRecord | undefined {
    // A copy made with spread or Object.assign carries the symbol too, but is no SignalObject.
    const record = object instanceof SignalObject ? (object as Recorded)[recordKey] : this.#records.get(object);
    return record !== undefined && record.generation === this.#generation ? record : undefined;
  }

  #track(object: object, isSignalObject: boolean): ObjectRecord {
    const record = new ObjectRecord(object, typeName(object), this.#generation, isSignalObject);
    // A SignalObject carries its record (development only, under a symbol: not in Object.keys,
    // for…in or JSON): one weak table entry less per object, the costliest step after the probe.
    // Other objects (plain owners, receivers) are looked up weakly.
    if (isSignalObject) (object as Recorded)[recordKey] = record;
    else this.#records.set(object, record);
    this.#probes.watch(object, record);
    return record;
  }

  /** The record of an emitter or receiver, made now if leak detection has not seen it yet. */
  #recordForConnection(object: object): ObjectRecord {
    const record = this.recordOf(object) ?? this.#track(object, object instanceof SignalObject);
    record.objectName = nameOf(object) ?? record.objectName;
    return record;
  }

  objectCreated(object: SignalObject): void {
    const record = this.#track(object, true);
    if (this.settings.captureStacks) record.createdAt = captureSite(constructorChain(object));
    addIndexed(this.#live, record, 'liveAt');
    const scopes = this.openScopes;
    if (scopes.length === 0) return;
    record.scopes = [...scopes];
    for (const scope of scopes) scope.adopt(record);
  }

  connected(signal: AnySignal, connection: Connection): void {
    const emitter = this.#recordForConnection(emitterOf(signal));
    const target = connection.receiver;
    // A forwarding connection's receiver is the target signal: its owner is the one that goes.
    const receiverObject = target !== undefined && isSignal(target) ? emitterOf(target) : target;
    const receiver = receiverObject === undefined ? undefined : this.#recordForConnection(receiverObject);
    const record: ConnectionRecord = {
      order: this.#order++,
      signal: signalName(signal),
      slot: connection.slotName,
      connectedAt: this.settings.captureStacks ? captureSite() : undefined,
      emitter,
      receiver,
      connection: receiver === undefined ? undefined : new WeakRef(connection),
      outgoingAt: -1,
      incomingAt: -1,
    };
    (connection as RecordedConnection)[connectionKey] = record;
    addOutgoing(record);
    if (receiver !== undefined) addIncoming(record, receiver);
    const count = signal.connectionCount;
    if (count > this.settings.monitor.threshold && this.settings.monitor.due(signal, count)) this.#reportGrowth(signal, count, emitter);
  }

  disconnected(_signal: AnySignal, connection: Connection): void {
    const record = connectionRecordOf(connection);
    if (record === undefined) return;
    // The entry stays while a kept Connection handle lives (its site still answers connectionSite).
    removeOutgoing(record);
    removeIncoming(record);
  }

  disposed(object: SignalObject): void {
    const record = this.recordOf(object);
    if (record === undefined) return;
    record.disposed = true;
    this.#probes.unwatch(object);
    removeIndexed(this.#live, record, 'liveAt');
  }

  usedAfterDispose(signal: AnySignal, action: 'connect' | 'emit'): void {
    if (action === 'emit') {
      if (this.#emittedAfterDispose.has(signal)) return;
      this.#emittedAfterDispose.add(signal);
    }
    const owner = emitterOf(signal);
    const record = this.recordOf(owner);
    const attempt: LeakConnection = { signal: signalName(signal), slot: action === 'connect' ? '(refused)' : '(emit ignored)' };
    // Rare, and the one place that says where the misuse is: its site is captured even without stacks.
    const site = captureSite();
    if (site !== undefined) attempt.connectedAt = site;
    this.deliver(usedAfterDispose(this.#subject(owner, record), signalName(signal), action, [attempt]), record);
  }

  liveObjects(): SignalObject[] {
    const objects: SignalObject[] = [];
    for (const record of this.#live) {
      const object = record.ref?.deref();
      if (object instanceof SignalObject && !object.isDisposed) objects.push(object);
    }
    return objects;
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
    const owner = emitterOf(signal);
    const report = listenerThreshold(this.#subject(owner, emitter), signalName(signal), count, this.settings.monitor.threshold, spreadOf(connections), connections);
    this.deliver(report);
  }
}
