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
  /** `object.dispose()` ran for the first time (after `destroyed` was emitted). */
  disposed(object: SignalObject): void;
  /** `connect` (which then throws) or `emit` (a no-op) on a signal whose owner is disposed. */
  usedAfterDispose(signal: AnySignal, action: 'connect' | 'emit'): void;
  /** For registry.liveObjects(): the live SignalObjects the dev registry knows (weakly). */
  liveObjects(): SignalObject[];
  /** For registry.connectionsOf(): "file:line:column" where the connection was made, if captured. */
  connectionSite(connection: Connection): string | undefined;
}

export let devHooks: DevHooks | undefined;

export function setDevHooks(hooks: DevHooks | undefined): void {
  devHooks = hooks;
}
