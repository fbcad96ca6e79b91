// A receiver-bound connection whose receiver was collected is found dead when its signal emits
// (delivery.ts). A signal that rarely emits would keep such entries, so receiver-bound connects
// sweep them too, amortised: once a signal has at least SWEEP_FROM connections, a sweep
// (O(connections)) runs each time the count has doubled since the last one, so each connect
// pays O(1) and the list holds at most about twice its peak of live connections.
import type { Connection } from '../core/connection.js';
import type { AnySignal } from '../core/runtime-types.js';
import { connectionCount, liveConnections, pruneConnection } from '../core/slot-list.js';

const SWEEP_FROM = 16;
/** The connection count right after a signal's last sweep. */
const sweptAt = new WeakMap<AnySignal, number>();

function receiverCollected(c: Connection): boolean {
  return c._receiver !== undefined && c._receiver.deref() === undefined;
}

/** Called before a receiver-bound connection is added to `signal`. */
export function sweepOnConnect(signal: AnySignal): void {
  const count = connectionCount(signal);
  if (count < SWEEP_FROM || count < 2 * (sweptAt.get(signal) ?? 0)) return;
  for (const c of liveConnections(signal)) if (receiverCollected(c)) pruneConnection(c);
  sweptAt.set(signal, connectionCount(signal));
}
