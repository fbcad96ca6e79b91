// The FinalizationRegistry probes. An object is registered when leak detection first needs it
// (its first connection as emitter or receiver, or at creation in a test scope or with stacks),
// with its ObjectRecord as held value (a copy that never reaches the object) and no unregister
// token: a disposed object's record is marked disposed, so its probe then says nothing, and a
// registration without a token costs a fraction of one with it. A registration does not keep
// its target alive, unlike a WeakRef, whose target lives to the end of the job.
//
// When the collector takes an object that was still connected, the probe reports it: as an
// emitter (dropped while connected) at once, and as a receiver (receiver dropped while
// connected) a turn later, so that an emitter collected together with its receiver (whose
// probe may run after the receiver's) takes that connection into its own report instead.
// An emission that prunes a collected receiver's connection before its probe ran reports it
// first (see DevRegistry.receiverCollected); each loss is reported exactly once.
import { droppedWhileConnected, receiverDroppedWhileConnected, describeObject } from './leak-messages.js';
import type { LeakReport } from './leak-report.js';
import { onNextTurn } from './next-turn.js';
import { inOrder, removeIncoming, takeIncoming, takeOutgoing, type ConnectionRecord, type ObjectRecord } from './object-records.js';

export interface ProbeListener {
  /** Whether a record still describes the current session (see ObjectRecord.generation). */
  isCurrent(record: ObjectRecord): boolean;
  /** The object of `record` was collected (whether or not it leaked); `lostConnections` of its signals went with it. */
  forget(record: ObjectRecord, lostConnections: number): void;
  report(report: LeakReport, about: ObjectRecord): void;
}

export class Probes {
  readonly #registry: FinalizationRegistry<ObjectRecord>;
  /** Collected receivers whose report waits a turn (see the top). */
  #lostReceivers: ObjectRecord[] = [];

  constructor(private readonly listener: ProbeListener) {
    this.#registry = new FinalizationRegistry((record) => {
      this.#collected(record);
    });
  }

  watch(object: object, record: ObjectRecord): void {
    this.#registry.register(object, record);
  }

  /** Reports what is still connected to a collected receiver, unless that was done already. */
  reportLostReceiver(record: ObjectRecord): void {
    if (record.receiverReported || !this.listener.isCurrent(record)) return;
    const lost = takeIncoming(record);
    if (lost.length === 0) return;
    record.receiverReported = true;
    this.listener.report(receiverDroppedWhileConnected(record, inOrder(lost), emittersOf(lost)), record);
  }

  #collected(record: ObjectRecord): void {
    record.collected = true;
    const current = this.listener.isCurrent(record);
    const outgoing = current && !record.disposed ? takeOutgoing(record) : [];
    // Its receivers no longer count these connections: the signal that held them is gone too.
    for (const connection of outgoing) removeIncoming(connection);
    this.listener.forget(record, outgoing.length);
    if (!current || record.disposed) return;
    if (outgoing.length > 0) this.listener.report(droppedWhileConnected(record, inOrder(outgoing)), record);
    if ((record.incoming?.length ?? 0) === 0 || record.receiverReported) return;
    if (this.#lostReceivers.length === 0) onNextTurn(this.#flush);
    this.#lostReceivers.push(record);
  }

  readonly #flush = (): void => {
    const records = this.#lostReceivers;
    this.#lostReceivers = [];
    for (const record of records) this.reportLostReceiver(record);
  };
}

/** "Model 'store'", or "Model 'store' and Bus" for connections to several emitters. */
function emittersOf(connections: readonly ConnectionRecord[]): string {
  const names = [...new Set(connections.map((connection) => describeObject(connection.emitter)))];
  return names.length <= 2 ? names.join(' and ') : `${names.slice(0, -1).join(', ')} and ${names.at(-1) ?? ''}`;
}
