// The FinalizationRegistry probes. Each watched object is registered with its ObjectRecord as
// held value (a copy that never reaches the object) and as unregister token, so a disposed
// object is unregistered and costs nothing when it is collected. When the collector takes an
// object that was still connected, the probe reports it: as an emitter (dropped while
// connected), as a receiver (receiver dropped while connected, and its connections are pruned
// at once instead of at their signal's next emission), or both.
import { droppedWhileConnected, receiverDroppedWhileConnected, describeObject } from './leak-messages.js';
import type { LeakReport } from './leak-report.js';
import { inOrder, removeIncoming, takeIncoming, takeOutgoing, type ConnectionRecord, type ObjectRecord } from './object-records.js';

export interface ProbeListener {
  /** Whether a record still describes the current session (see ObjectRecord.generation). */
  isCurrent(record: ObjectRecord): boolean;
  /** The object of `record` was collected (whether or not it leaked). */
  forget(record: ObjectRecord): void;
  report(report: LeakReport, about: ObjectRecord): void;
}

export class Probes {
  readonly #registry: FinalizationRegistry<ObjectRecord>;

  constructor(private readonly listener: ProbeListener) {
    this.#registry = new FinalizationRegistry((record) => {
      this.collected(record);
    });
  }

  /** The object is its own unregister token: its identity hash is already made for the WeakMap of records. */
  watch(object: object, record: ObjectRecord): void {
    this.#registry.register(object, record, object);
  }

  unwatch(object: object): void {
    this.#registry.unregister(object);
  }

  private collected(record: ObjectRecord): void {
    record.collected = true;
    this.listener.forget(record);
    if (!this.listener.isCurrent(record)) return;
    if (!record.disposed && (record.outgoing?.length ?? 0) > 0) {
      const outgoing = takeOutgoing(record);
      // Its receivers no longer count these connections: the signal that held them is gone too.
      for (const connection of outgoing) removeIncoming(connection);
      this.listener.report(droppedWhileConnected(record, inOrder(outgoing)), record);
    }
    // A connection that went in the same collection (with its emitter) is in its emitter's report.
    const lost = takeIncoming(record).filter((connection) => connection.connection?.deref() !== undefined);
    if (lost.length === 0) return;
    this.listener.report(receiverDroppedWhileConnected(record, inOrder(lost), emittersOf(lost)), record);
    for (const connection of lost) connection.connection?.deref()?.disconnect();
  }
}

/** "Model 'store'", or "Model 'store' and Bus" for connections to several emitters. */
function emittersOf(connections: readonly ConnectionRecord[]): string {
  const names = [...new Set(connections.map((connection) => describeObject(connection.emitter)))];
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
