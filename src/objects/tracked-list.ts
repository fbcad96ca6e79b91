// What a SignalObject `track`s, to dispose when it is disposed. A tracked Connection that ends
// on its own (once, abort, the other side disposed) leaves the list in time: its end hook counts
// it, and ended entries are dropped once they are half the list (amortised O(1)), so an object
// that tracks many short-lived connections keeps no trail of them.
import { Connection } from '../core/connection.js';
import { onConnectionEnd } from '../core/end-hooks.js';

function stillHeld(resource: Disposable): boolean {
  return !(resource instanceof Connection) || resource.connected;
}

export class TrackedList {
  private items: Disposable[] = [];
  private ended = 0;

  add(resource: Disposable): void {
    this.items.push(resource);
    if (resource instanceof Connection && resource.connected) onConnectionEnd(resource, this);
  }

  connectionEnded(): void {
    this.ended++;
    if (this.ended * 2 >= this.items.length) {
      this.items = this.items.filter(stillHeld);
      this.ended = 0;
    }
  }

  /** Empties the list and returns what it held, in tracking order. */
  release(): Disposable[] {
    const items = this.items;
    this.items = [];
    return items;
  }

  get entryCount(): number {
    return this.items.length;
  }
}
