// slotguard/testing: leak checks for test suites (node:test, vitest, mocha, any runner with
// before/after hooks). A scope adopts every SignalObject created while it is open.
import { activeRegistry } from './leaks/configuration.js';
import { LeakScopeCollector } from './leaks/leak-scopes.js';
import type { LeakReport } from './leaks/leak-report.js';

export type { LeakReport, LeakKind, LeakConnection } from './leaks/leak-report.js';

export interface LeakCheckOptions {
  /**
   * Also collect garbage (needs `--expose-gc`) and report the objects of the scope that were
   * dropped while still connected. Default: false.
   */
  gc?: boolean;
}

export interface LeakScope {
  /**
   * Ends the scope. Resolves with a report for every object created in it that is still
   * connected and not disposed (`undisposed-at-scope-end`, root objects only) and for every one
   * the collector took while it was connected (`dropped-while-connected`; with `gc`, the scope
   * collects garbage first, so an unreachable object is reported as dropped rather than as
   * undisposed). An empty array means no leak.
   */
  close(options?: LeakCheckOptions): Promise<LeakReport[]>;
}

/** The error `assertNoLeaks` rejects with; `reports` holds the findings. */
export class LeakError extends Error {
  override readonly name = 'LeakError';
  readonly reports: readonly LeakReport[];

  constructor(reports: readonly LeakReport[]) {
    const count = reports.length === 1 ? '1 leak' : `${reports.length} leaks`;
    const list = reports.map((report, index) => `${index + 1}. [${report.kind}] ${report.message}`).join('\n');
    super(`${count} found:\n${list}`);
    this.reports = reports;
  }
}

function checkOptions(options: unknown, where: string): boolean {
  if (options === undefined) return false;
  if (typeof options !== 'object' || options === null) throw new TypeError(`${where}: options must be an object like { gc: true }.`);
  const gc = (options as LeakCheckOptions).gc;
  if (gc !== undefined && typeof gc !== 'boolean') throw new TypeError(`${where}: options.gc must be true or false, got ${typeof gc}.`);
  return gc === true;
}

/** Opens a scope: call it in `beforeEach`, and `close()` it in `afterEach`. */
export function leakScope(): LeakScope {
  const registry = activeRegistry();
  if (registry === undefined) {
    throw new Error(
      'slotguard/testing: leak detection is off (NODE_ENV=production, or configureLeakDetection({ enabled: false })). ' +
        'Turn it on for the tests with configureLeakDetection({ enabled: true }).',
    );
  }
  const collector = new LeakScopeCollector(registry);
  return {
    close: (options?: LeakCheckOptions) => collector.close(checkOptions(options, 'leakScope().close')),
  };
}

/**
 * Runs `fn` (sync or async) in a leak scope and rejects with a LeakError if any object created
 * in it is still connected and not disposed at its end, or (with `gc`) was dropped while connected.
 * If `fn` throws, that error is rethrown (the scope is closed without a verdict).
 */
export async function assertNoLeaks(fn: () => unknown, options?: LeakCheckOptions): Promise<void> {
  if (typeof fn !== 'function') throw new TypeError('assertNoLeaks(fn, options?): fn must be the function to run.');
  const gc = checkOptions(options, 'assertNoLeaks');
  const scope = leakScope();
  try {
    await fn();
  } catch (error) {
    await scope.close();
    throw error;
  }
  const reports = await scope.close({ gc });
  if (reports.length > 0) throw new LeakError(reports);
}
