// The `signal` connect option: an AbortSignal that ends the connection. One 'abort' listener per
// AbortSignal, not per connection (so Node never warns about too many listeners, and adding one
// is O(1)); it holds the connections weakly (a long-lived AbortSignal must not keep the emitters
// connected with it alive), and is removed once every connection it ends has ended otherwise.
import { onConnectionEnd } from './end-hooks.js';
import type { AnyConnection as Connection } from './runtime-types.js';
import { WeakConnectionList } from './weak-connection-list.js';

const groups = new WeakMap<AbortSignal, WeakConnectionList>();

function groupFor(abort: AbortSignal): WeakConnectionList {
  const group = groups.get(abort);
  if (group !== undefined) return group;
  const listener = (): void => {
    groups.delete(abort);
    for (const c of list.live()) c.disconnect();
  };
  const list = new WeakConnectionList(() => {
    groups.delete(abort);
    abort.removeEventListener('abort', listener);
  });
  abort.addEventListener('abort', listener, { once: true });
  groups.set(abort, list);
  return list;
}

/** Ends `connection` when `abort` aborts; false if it already has (the caller ends it at once). */
export function attachAbort(connection: Connection, abort: AbortSignal): boolean {
  if (abort.aborted) return false;
  const group = groupFor(abort);
  group.add(connection);
  onConnectionEnd(connection, group);
  return true;
}
