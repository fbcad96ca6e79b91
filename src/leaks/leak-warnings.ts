// The default `onLeak`: a Node warning (our own name, a code per kind, so `process.on('warning')`,
// `--trace-warnings` and `--no-warnings` behave as for Node's own MaxListenersExceededWarning), or
// `console.warn` where there is no `process.emitWarning`. A leak that repeats from the same site
// is printed once, then counted (see WarningAggregator).
import { describeObject } from './leak-messages.js';
import type { LeakKind, LeakReport } from './leak-report.js';
import { onNextTurn } from './next-turn.js';

export const leakWarningName = 'SlotguardLeakWarning';

/** The `code` of the warning for each kind of report. */
export const leakWarningCodes: Readonly<Record<LeakKind, string>> = {
  'dropped-while-connected': 'SLOTGUARD_DROPPED_WHILE_CONNECTED',
  'receiver-dropped-while-connected': 'SLOTGUARD_RECEIVER_DROPPED_WHILE_CONNECTED',
  'listener-threshold': 'SLOTGUARD_LISTENER_THRESHOLD',
  'undisposed-at-scope-end': 'SLOTGUARD_UNDISPOSED_AT_SCOPE_END',
  'use-after-dispose': 'SLOTGUARD_USE_AFTER_DISPOSE',
};

/** What `process.on('warning')` receives: an Error named SlotguardLeakWarning carrying the report. */
export class LeakWarning extends Error {
  override readonly name = leakWarningName;
  readonly code: string;
  /** The first report of this leak; when this is a summary, `repeats` more like it were seen since. */
  readonly report: LeakReport;
  readonly repeats: number;

  constructor(report: LeakReport, repeats = 0) {
    super(repeats === 0 ? report.message : repeatMessage(report, repeats));
    this.code = leakWarningCodes[report.kind];
    this.report = report;
    this.repeats = repeats;
  }
}

function repeatMessage(report: LeakReport, repeats: number): string {
  const site = report.createdAt === undefined ? '' : ` created at ${report.createdAt}`;
  return `The same leak (${report.kind}) has now happened ${repeats + 1} times for ${describeObject(report)}${site}; the first warning says what is connected and how to fix it.`;
}

/**
 * The same leak: same kind, object type, creation and connect sites. Not the objectName: rows
 * named `row-1`, `row-2`… created at one site are one leak repeated, not a thousand leaks.
 */
function aggregationKey(report: LeakReport): string {
  const connections = report.connections.map((c) => `${c.signal}>${c.slot}@${c.connectedAt ?? ''}`).join(',');
  return [report.kind, report.objectType, report.createdAt ?? '', connections].join('\n');
}

type Sink = (warning: LeakWarning) => void;
type Scheduler = (flush: () => void) => void;

interface Seen {
  first: LeakReport;
  /** Times seen, the first included. */
  count: number;
  /** The count at which the next summary is due: 2, then 10, 100, 1000… */
  nextSummary: number;
}

/**
 * Prints the first report of each leak in full, then summaries with its count as it reaches
 * 2, 10, 100…: a burst of repeats (one collection's finalizers) gives one line, and a leak that
 * keeps happening one at a time gives a line per power of ten, never one per leak.
 */
export class WarningAggregator {
  readonly #seen = new Map<string, Seen>();
  #flushScheduled = false;

  constructor(
    private readonly sink: Sink = emitLeakWarning,
    private readonly schedule: Scheduler = onNextTurn,
  ) {}

  readonly onLeak = (report: LeakReport): void => {
    // The growth monitor already backs off, and each of its reports carries a new count.
    if (report.kind === 'listener-threshold') return this.sink(new LeakWarning(report));
    const key = aggregationKey(report);
    const seen = this.#seen.get(key);
    if (seen === undefined) {
      this.#seen.set(key, { first: report, count: 1, nextSummary: 2 });
      this.sink(new LeakWarning(report));
      return;
    }
    seen.count += 1;
    if (seen.count === seen.nextSummary && !this.#flushScheduled) {
      this.#flushScheduled = true;
      this.schedule(this.flush);
    }
  };

  readonly flush = (): void => {
    this.#flushScheduled = false;
    for (const seen of this.#seen.values()) {
      if (seen.count < seen.nextSummary) continue;
      while (seen.nextSummary <= seen.count) seen.nextSummary = seen.nextSummary === 2 ? 10 : seen.nextSummary * 10;
      this.sink(new LeakWarning(seen.first, seen.count - 1));
    }
  };
}

interface WarningProcess {
  emitWarning(warning: Error): void;
}

/** `process.emitWarning` when the host has it, `console.warn` otherwise. */
export function emitLeakWarning(warning: LeakWarning): void {
  const host = (globalThis as { process?: Partial<WarningProcess> }).process;
  if (typeof host?.emitWarning === 'function') {
    host.emitWarning(warning);
    return;
  }
  console.warn(`${warning.name} [${warning.code}]: ${warning.message}`);
}
