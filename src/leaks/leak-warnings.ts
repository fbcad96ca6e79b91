// The default `onLeak`: a Node warning (our own name, a code per kind, so `process.on('warning')`,
// `--trace-warnings` and `--no-warnings` behave as for Node's own MaxListenersExceededWarning), or
// `console.warn` where there is no `process.emitWarning`. A leak that repeats from the same site
// is printed once, then counted: the repeats of one burst (one turn of the event loop, where the
// finalizers of one collection run) become one summary line.
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
  /** The first report of this site; `repeats` more like it were seen when this is a summary. */
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
  const times = repeats === 1 ? 'once more' : `${repeats} more times`;
  return `The same leak (${report.kind}) happened ${times} for ${describeObject(report)}${site}; the first warning says what is connected and how to fix it.`;
}

/** The same leak: same kind, same object type and name, same creation and connect sites. */
function aggregationKey(report: LeakReport): string {
  const connections = report.connections.map((c) => `${c.signal}>${c.slot}@${c.connectedAt ?? ''}`).join(',');
  return [report.kind, report.objectType, report.objectName ?? '', report.createdAt ?? '', connections].join('\n');
}

type Sink = (warning: LeakWarning) => void;
type Scheduler = (flush: () => void) => void;

interface Seen {
  first: LeakReport;
  /** Repeats not yet printed. */
  pending: number;
}

/** Prints the first report of each leak, and each burst of repeats as one summary. */
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
      this.#seen.set(key, { first: report, pending: 0 });
      this.sink(new LeakWarning(report));
      return;
    }
    seen.pending += 1;
    if (!this.#flushScheduled) {
      this.#flushScheduled = true;
      this.schedule(this.flush);
    }
  };

  readonly flush = (): void => {
    this.#flushScheduled = false;
    for (const seen of this.#seen.values()) {
      if (seen.pending === 0) continue;
      const repeats = seen.pending;
      seen.pending = 0;
      this.sink(new LeakWarning(seen.first, repeats));
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
