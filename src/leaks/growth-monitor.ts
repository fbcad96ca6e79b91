// The listener-growth monitor, as Node's MaxListenersExceededWarning but never silent after the
// first time: no report at `threshold` connections, one when one more arrives, then one each
// time the count doubles (11, 22, 44… for 10), so a signal that keeps growing is reported a few
// times, not once per connection. Connections are never refused.
import type { GrowthSpread } from './leak-messages.js';
import type { LeakConnection } from './leak-report.js';

export const defaultListenerThreshold = 10;

export class GrowthMonitor {
  /** Per signal that passed the threshold: the count at which it is reported next. */
  readonly #next = new WeakMap<object, number>();

  constructor(readonly threshold: number) {}

  /** Whether a signal that now has `count` connections is due for a report. */
  due(signal: object, count: number): boolean {
    if (count <= this.threshold) return false;
    const next = this.#next.get(signal) ?? this.threshold + 1;
    if (count < next) return false;
    this.#next.set(signal, count * 2);
    return true;
  }
}

/** The most frequent connect site (or slot, when no site was captured) among `connections`. */
export function spreadOf(connections: readonly LeakConnection[]): GrowthSpread {
  const bySite = connections.some((connection) => connection.connectedAt !== undefined);
  const counts = new Map<string, number>();
  for (const connection of connections) {
    const key = bySite ? connection.connectedAt ?? 'an unknown site' : connection.slot;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  let dominant = '';
  let dominantCount = 0;
  for (const [key, count] of counts) {
    if (count > dominantCount) {
      dominant = key;
      dominantCount = count;
    }
  }
  return { dominant, dominantCount, distinct: counts.size, bySite };
}

/** Checks a threshold given by the user. 0 and Infinity turn the monitor off (0 as in Node). */
export function checkedThreshold(value: unknown): number {
  if (value === undefined) return defaultListenerThreshold;
  const valid = typeof value === 'number' && value >= 0 && (Number.isInteger(value) || value === Infinity);
  if (!valid) {
    throw new TypeError(
      `configureLeakDetection: listenerThreshold must be a whole number of connections (got ${typeof value === 'number' ? String(value) : `a ${typeof value}`}); use 0 or Infinity to turn the growth monitor off.`,
    );
  }
  return value === 0 ? Infinity : value;
}
