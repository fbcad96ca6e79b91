// Process-wide counters for `registry.stats()`: plain integers bumped on the cold paths
// (object creation, connect, disconnect, dispose), never on emit.
const counters = { objectsCreated: 0, objectsDisposed: 0, connectionsMade: 0, connectionsEnded: 0 };

export function countCreated(): void {
  counters.objectsCreated++;
}
export function countDisposed(): void {
  counters.objectsDisposed++;
}
export function countMade(): void {
  counters.connectionsMade++;
}
export function countEnded(): void {
  counters.connectionsEnded++;
}

export interface RuntimeCounters {
  /** SignalObjects constructed since the process started. */
  readonly objectsCreated: number;
  /** SignalObjects disposed. */
  readonly objectsDisposed: number;
  /** Connections made (all signals). */
  readonly connectionsMade: number;
  /** Connections ended, for any reason. */
  readonly connectionsEnded: number;
}

export function readCounters(): RuntimeCounters {
  return { ...counters };
}
