// Work to do when one particular connection ends, for the rare features that need it (an
// AbortSignal link, a `track`ed connection, a pending `next()`). Kept in a side table, so a
// Connection has no field for it; the ENDS_HOOKED flag makes `endConnection` look only then.
import { ENDS_HOOKED } from './connection-flags.js';
import type { AnyConnection as Connection } from './runtime-types.js';

export interface EndListener {
  /** Called once, after the connection ended (it is already marked ended); must not throw. */
  connectionEnded(connection: Connection): void;
}

const listeners = new WeakMap<Connection, EndListener | EndListener[]>();

/** Calls `listener` when `connection` ends. */
export function onConnectionEnd(connection: Connection, listener: EndListener): void {
  const current = listeners.get(connection);
  if (current === undefined) listeners.set(connection, listener);
  else if (Array.isArray(current)) current.push(listener);
  else listeners.set(connection, [current, listener]);
  connection._flags |= ENDS_HOOKED;
}

/** From endConnection, for a connection with ENDS_HOOKED. */
export function runEndHooks(connection: Connection): void {
  const current = listeners.get(connection);
  listeners.delete(connection);
  if (current === undefined) return;
  if (Array.isArray(current)) for (const listener of current) listener.connectionEnded(connection);
  else current.connectionEnded(connection);
}
