// The seam between the runtime and leak detection. `devHooks` is undefined in production, so the
// runtime pays one comparison on its cold paths (create, connect, disconnect, dispose) and nothing
// at all on the emit hot path. Leak detection (src/leaks/) installs an implementation.
import type { AnyConnection as Connection, AnySignal, AnySignalObject as SignalObject } from './runtime-types.js';

export type { AnySignal } from './runtime-types.js';

export interface DevHooks {
  /** A SignalObject finished its base constructor. */
  objectCreated(object: SignalObject): void;
  /** A connection was added to `signal` (after it is in the list). */
  connected(signal: AnySignal, connection: Connection): void;
  /** A connection ended, for any reason: disconnect, once, abort, dispose, pruned receiver. */
  disconnected(signal: AnySignal, connection: Connection): void;
  /** `object.dispose()` ran for the first time (after `destroyed` was emitted), with the object's signals it found. */
  disposed(object: SignalObject, signals: readonly AnySignal[]): void;
  /**
   * A receiver-bound connection is about to be pruned because its receiver was collected (called
   * before `disconnected`): the leak is reported here when the probe has not reported it yet.
   */
  receiverCollected(connection: Connection): void;
  /** `connect` (which then throws) or `emit` (a no-op) on a signal whose owner is disposed. */
  usedAfterDispose(signal: AnySignal, action: 'connect' | 'emit'): void;
  /** For registry.liveObjects(): the live SignalObjects the dev registry lists (weakly), or an error saying how to turn the list on. */
  liveObjects(): SignalObject[];
  /** For registry.stats(): the live, undisposed SignalObjects the dev registry watches, counted without touching them. */
  liveObjectCount(): number;
  /** For registry.connectionsOf(): "file:line:column" where the connection was made, if captured. */
  connectionSite(connection: Connection): string | undefined;
}

export let devHooks: DevHooks | undefined;

export function setDevHooks(hooks: DevHooks | undefined): void {
  devHooks = hooks;
}
