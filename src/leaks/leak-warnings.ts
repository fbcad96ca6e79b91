// The default `onLeak`: a Node warning (our own name, a code per kind, so `process.on('warning')`,
// `--trace-warnings` and `--no-warnings` behave as for Node's own MaxListenersExceededWarning), or
// `console.warn` where there is no `process.emitWarning`. A leak that repeats from the same site
// is printed once, then counted (see WarningAggregator).
import { describeConnections } from './leak-messages.js';
import type { LeakKind, LeakReport } from './leak-report.js';
import { onNextTurn } from './next-turn.js';

export const leakWarningName = 'SlotguardLeakWarning';
/** `use-after-dispose` is a misuse, not a leak: its warning says so by its name. */
export const useAfterDisposeWarningName = 'SlotguardUseAfterDisposeWarning';

/** The `code` of the warning for each kind of report. */
export const leakWarningCodes: Readonly<Record<LeakKind, string>> = {
  'dropped-while-connected': 'SLOTGUARD_DROPPED_WHILE_CONNECTED',
  'receiver-dropped-while-connected': 'SLOTGUARD_RECEIVER_DROPPED_WHILE_CONNECTED',
  'listener-threshold': 'SLOTGUARD_LISTENER_THRESHOLD',
  'undisposed-at-scope-end': 'SLOTGUARD_UNDISPOSED_AT_SCOPE_END',
  'use-after-dispose': 'SLOTGUARD_USE_AFTER_DISPOSE',
};

/**
 * What `process.on('warning')` receives: an Error named SlotguardLeakWarning (or, for
 * `use-after-dispose`, SlotguardUseAfterDisposeWarning) carrying the report.
 */
export class LeakWarning extends Error {
  override readonly name: string;
  readonly code: string;
  /** The first report of this leak; when this is a summary, `repeats` more like it were seen since. */
  readonly report: LeakReport;
  readonly repeats: number;

  constructor(report: LeakReport, repeats = 0) {
    super(repeats === 0 ? report.message : repeatMessage(report, repeats));
    this.name = report.kind === 'use-after-dispose' ? useAfterDisposeWarningName : leakWarningName;
    this.code = leakWarningCodes[report.kind];
    this.report = report;
    this.repeats = repeats;
  }
}

/** What happened to each of the `count` objects, in the plural. */
function happened(kind: LeakKind, type: string, count: number, site: string): string {
  switch (kind) {
    case 'receiver-dropped-while-connected':
      return `${count} ${type} receivers${site} were garbage-collected while still connected`;
    case 'undisposed-at-scope-end':
      return `${count} ${type} objects${site} were still connected at the end of a scope`;
    case 'use-after-dispose':
      return `${count} disposed ${type} objects${site} were used`;
    default:
      return `${count} ${type} objects${site} were garbage-collected while still connected`;
  }
}

/** "12 Row objects (created at …) were garbage-collected while still connected (11 more since the first warning), …" */
function repeatMessage(report: LeakReport, repeats: number): string {
  const site = report.createdAt === undefined ? '' : ` created at ${report.createdAt}`;
  const connections = report.connections.length === 0 ? '' : `, each with ${describeConnections(report.connections)}`;
  return (
    `${happened(report.kind, report.objectType, repeats + 1, site)}${connections}: the same leak ` +
    `(${repeats} more since the first warning, which says what was connected and how to fix it).`
  );
}

/** `Row::row-3.onClick` → `Row.onClick`, `Row 'row-3'.clicked` → `Row.clicked`: the sites without the objects' names. */
function withoutNames(text: string): string {
  return text.replace(/^(signal )?([^:\s]+)::.*\.([^.]*)$/, '$1$2.$3').replace(/^(\S+) '.*'\.([^.]*)$/, '$1.$2');
}

/**
 * The same leak: same kind and object type, and the same creation and connect sites (with
 * stacks) or the same signals and slots (without). Never the objectNames: rows named `row-1`,
 * `row-2`… created at one site are one leak repeated, not a thousand leaks.
 */
function aggregationKey(report: LeakReport): string {
  const sited = report.createdAt !== undefined || report.connections.some((c) => c.connectedAt !== undefined);
  const connections = report.connections.map((c) => (sited && c.connectedAt !== undefined ? c.connectedAt : withoutNames(`${c.signal}>${c.slot}`)));
  return [report.kind, report.objectType, report.createdAt ?? '', ...connections].join('\n');
}

/** Distinct leaks remembered for folding; past this, the oldest is forgotten (and printed in full again if it recurs). */
export const maxFoldedLeaks = 1000;

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
      if (this.#seen.size >= maxFoldedLeaks) this.#forgetOldest();
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

  #forgetOldest(): void {
    for (const [key, seen] of this.#seen) {
      if (seen.count >= seen.nextSummary) this.sink(new LeakWarning(seen.first, seen.count - 1));
      this.#seen.delete(key);
      return;
    }
  }

  /** Distinct leaks remembered now (at most maxFoldedLeaks). */
  get size(): number {
    return this.#seen.size;
  }

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
