// Checking `connect`'s options object: unknown keys and ill-typed values are errors that name
// the key, what it must be and the closest known option, never silently ignored.
import { describeValue } from '../core/slot-names.js';

export interface ConnectOptions {
  /** End the connection after its first delivery. */
  once?: boolean;
  /** Deliver in a later microtask; the delivery is dropped if the connection ended meanwhile. */
  queued?: boolean;
  /** Return the existing connection with the same slot and receiver instead of adding another. */
  unique?: boolean;
  /** End the connection when this AbortSignal aborts. */
  signal?: AbortSignal;
}

const OPTION_NAMES: readonly string[] = ['once', 'queued', 'unique', 'signal'];

/** Edit distance between two short names (options are a handful of short words). */
function distance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, (previous[j - 1] as number) + cost));
    }
    previous = row;
  }
  return previous[b.length] as number;
}

function unknownOption(key: string): TypeError {
  const closest = OPTION_NAMES.find((name) => distance(key.toLowerCase(), name) <= 2);
  const hint = closest === undefined ? '.' : ` (did you mean '${closest}'?).`;
  return new TypeError(`Signal.connect: unknown option '${key}'${hint} The options are ${OPTION_NAMES.join(', ')}.`);
}

function notBoolean(name: string, value: unknown): TypeError {
  return new TypeError(`Signal.connect: options.${name} must be true or false, got ${describeValue(value)}.`);
}

/** The options object of a connect call, checked; undefined when there is none. */
export function checkOptions(options: unknown): ConnectOptions | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Signal.connect: options must be an object like { once: true }, got ${describeValue(options)}.`);
  }
  // A for-in and direct reads, no array: checking costs a few ns per connect with options
  // (measured, docs/runtime.md#what-these-changes-cost-on-the-hot-paths).
  for (const key in options) {
    if (key !== 'once' && key !== 'queued' && key !== 'unique' && key !== 'signal') throw unknownOption(key);
  }
  const { once, queued, unique, signal } = options as ConnectOptions;
  if (once !== undefined && typeof once !== 'boolean') throw notBoolean('once', once);
  if (queued !== undefined && typeof queued !== 'boolean') throw notBoolean('queued', queued);
  if (unique !== undefined && typeof unique !== 'boolean') throw notBoolean('unique', unique);
  if (signal !== undefined && !(signal instanceof AbortSignal)) {
    throw new TypeError(`Signal.connect: options.signal must be an AbortSignal (from an AbortController), got ${describeValue(signal)}.`);
  }
  return options;
}
