// The `signal` connect option: an AbortSignal that ends the connection. The listener is kept in a
// side table (rare feature, no field on every Connection) so it can be removed when the
// connection ends first: a long-lived AbortSignal must not retain ended connections.
import { ABORTABLE } from './connection-flags.js';
import type { AnyConnection as Connection } from './runtime-types.js';

const listeners = new WeakMap<Connection, { abort: AbortSignal; listener: () => void }>();

/** Ends `connection` when `abort` aborts; false if it already has (the caller ends it at once). */
export function attachAbort(connection: Connection, abort: AbortSignal): boolean {
  if (abort.aborted) return false;
  const listener = (): void => {
    connection.disconnect();
  };
  abort.addEventListener('abort', listener, { once: true });
  listeners.set(connection, { abort, listener });
  connection._flags |= ABORTABLE;
  return true;
}

export function detachAbort(connection: Connection): void {
  const entry = listeners.get(connection);
  if (entry === undefined) return;
  listeners.delete(connection);
  entry.abort.removeEventListener('abort', entry.listener);
}
