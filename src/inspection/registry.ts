// The connection registry: what is connected to what, read from the slot lists themselves (no
// table of its own, so it never retains an object). `liveObjects()` needs the dev registry that
// leak detection installs; in production it returns [].
import type { Connection } from '../core/connection.js';
import { devHooks } from '../core/dev-hooks.js';
import { liveConnections } from '../core/slot-list.js';
import { describeObject } from '../core/slot-names.js';
import { readCounters, type RuntimeCounters } from '../core/stats.js';
import { destroyedSignalOf, type SignalObject } from '../objects/object.js';
import { ownSignals } from '../objects/own-signals.js';
import { isSignal, type AnySignal } from '../signals/signal.js';

export interface ConnectionInfo {
  /** The signal's name. */
  signal: string;
  /** The slot: `fn`, `Type.method`, or `signal Owner.name` for a forwarding. */
  slot: string;
  /** The receiver of a receiver-bound connection, as `Type::objectName` (or `Type`). */
  receiver?: string;
  /** "file:line:column" of the connect call, when leak detection captured it. */
  connectedAt?: string;
}

export interface RegistryStats extends RuntimeCounters {
  /** Connections made and not yet ended. */
  readonly liveConnections: number;
  /** Objects created and not yet disposed (includes objects dropped without dispose). */
  readonly undisposedObjects: number;
  /**
   * Live, undisposed SignalObjects that leak detection watches (every one that was connected, or
   * created in a test scope or with `trackLiveObjects`), counted without touching them; undefined
   * when leak detection is off.
   */
  readonly liveObjects: number | undefined;
}

export interface NamedSignal {
  readonly name: string;
  readonly signal: AnySignal;
}

/** The object's signals with their names (`destroyed` last, if it was created), or the signal itself when given one. */
export function signalsFor(object: object): NamedSignal[] {
  if (isSignal(object)) return [{ name: object.name ?? '(unnamed)', signal: object }];
  const signals: NamedSignal[] = ownSignals(object);
  const destroyed = destroyedSignalOf(object);
  if (destroyed !== undefined) signals.push({ name: 'destroyed', signal: destroyed });
  return signals;
}

export function connectionInfo(signalName: string, connection: Connection): ConnectionInfo {
  const info: ConnectionInfo = { signal: signalName, slot: connection.slotName };
  // A forwarding's receiver is the target signal: name the object that owns it.
  const receiver = connection.receiver;
  const holder = isSignal(receiver) ? receiver.owner : receiver;
  if (holder !== undefined) info.receiver = describeObject(holder);
  const site = devHooks?.connectionSite(connection);
  if (site !== undefined) info.connectedAt = site;
  return info;
}

export const registry = {
  /** One entry per live connection of the object's signals (or of one signal). */
  connectionsOf(object: object): ConnectionInfo[] {
    if (typeof object !== 'object' || object === null) {
      throw new TypeError('registry.connectionsOf: expected a SignalObject, an object with Signal fields, or a Signal.');
    }
    return signalsFor(object).flatMap(({ name, signal }) => liveConnections(signal).map((c) => connectionInfo(name, c)));
  },
  /**
   * The live, undisposed SignalObjects (dev mode with `configureLeakDetection({ trackLiveObjects: true })`,
   * weakly tracked); [] when leak detection is off.
   */
  liveObjects(): SignalObject[] {
    return devHooks?.liveObjects() ?? [];
  },
  /** Process-wide counters. */
  stats(): RegistryStats {
    const counters = readCounters();
    return {
      ...counters,
      liveConnections: counters.connectionsMade - counters.connectionsEnded,
      undisposedObjects: counters.objectsCreated - counters.objectsDisposed,
      liveObjects: devHooks?.liveObjectCount(),
    };
  },
};
