// Connections held weakly, for the lists that must not keep an emitter alive: a receiver's
// senders (object.ts) and an AbortSignal's connections (abort-link.ts). A connection holds its
// signal and the signal its owner, so a strong entry would keep every emitter alive.
//
// Entries of connections that ended (`connectionEnded()`) or were collected (a
// FinalizationRegistry reports it) are dropped once they are half the list: amortised O(1), and
// the list never holds more than about twice its live entries, even when nothing is added any
// more (the high-water mark is not kept).
import type { AnyConnection as Connection } from './runtime-types.js';

const collected = new FinalizationRegistry<WeakConnectionList>((list) => {
  list.connectionEnded();
});

export class WeakConnectionList {
  private refs: WeakRef<Connection>[] = [];
  /** Entries that ended or were collected since the last compaction (may count one twice: only a trigger). */
  private stale = 0;

  /** `onEmpty` runs when a compaction leaves no entry. */
  constructor(private readonly onEmpty?: () => void) {}

  add(connection: Connection): void {
    this.refs.push(new WeakRef(connection));
    collected.register(connection, this);
  }

  /** One of the connections ended (its end hook, see end-hooks.ts) or was collected. */
  connectionEnded(): void {
    this.stale++;
    if (this.stale * 2 >= this.refs.length) this.compact();
  }

  /** The live connections, in the order they were added (a snapshot: safe to end them while iterating). */
  live(): Connection[] {
    const out: Connection[] = [];
    for (const ref of this.refs) {
      const c = ref.deref();
      if (c?.connected === true) out.push(c);
    }
    return out;
  }

  /** Entries held, live or not yet dropped (for tests of the bound). */
  get entryCount(): number {
    return this.refs.length;
  }

  private compact(): void {
    this.refs = this.refs.filter((ref) => ref.deref()?.connected === true);
    this.stale = 0;
    if (this.refs.length === 0) this.onEmpty?.();
  }
}
