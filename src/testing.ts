// slotguard/testing: leak checks for test suites (node:test, vitest, mocha, any runner with
// before/after hooks). A scope adopts every SignalObject created while it is open.
import { activeRegistry } from './leaks/configuration.js';
import { exposedGc, LeakScopeCollector } from './leaks/leak-scopes.js';
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
   * connected and not disposed (`undisposed-at-scope-end`, root objects only), for every function
   * slot connected in it to an emitter from outside it and still connected (same kind, naming
   * the emitter), and for every object of the scope the collector took while it was connected
   * (`dropped-while-connected`, `receiver-dropped-while-connected`; with `gc`, the scope collects
   * garbage first, so an unreachable object is reported as dropped rather than as undisposed).
   * An empty array means no leak. Bad options reject, and the scope is ended all the same.
   */
  close(options?: LeakCheckOptions): Promise<LeakReport[]>;
  /**
   * Ends the scope as `close()` does, and rejects with a LeakError listing the reports when there
   * are any: the form for `afterEach` (`afterEach(() => scope.assertNoLeaks({ gc: true }))`).
   */
  assertNoLeaks(options?: LeakCheckOptions): Promise<void>;
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
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    throw new TypeError(`${where}: options must be an object like { gc: true }, got ${Array.isArray(options) ? 'an array' : options === null ? 'null' : typeof options}.`);
  }
  const unknown = Object.keys(options).filter((key) => key !== 'gc');
  if (unknown.length > 0) throw new TypeError(`${where}: unknown option ${unknown.map((key) => `'${key}'`).join(', ')}; the only option is gc (true or false).`);
  const gc = (options as LeakCheckOptions).gc;
  if (gc !== undefined && typeof gc !== 'boolean') throw new TypeError(`${where}: options.gc must be true or false, got ${typeof gc}.`);
  return gc === true;
}

/** Checks the options (and that the collector is exposed, for gc) before the scope changes; on a bad call the scope is ended, so it absorbs nothing afterwards. */
function closeScope(collector: LeakScopeCollector, options: unknown, where: string): Promise<LeakReport[]> {
  if (!collector.open) return collector.close(undefined); // rejects: already closed
  let collect: (() => void) | undefined;
  try {
    collect = checkOptions(options, where) ? exposedGc() : undefined;
  } catch (error) {
    collector.abandon();
    if (error instanceof Error) error.message += ' The scope was ended without a verdict.';
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
  return collector.close(collect);
}

/** Opens a scope: call it in `beforeEach`, and `close()` it (or `assertNoLeaks()` on it) in `afterEach`. */
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
    close: (options?: LeakCheckOptions) => closeScope(collector, options, 'leakScope().close'),
    assertNoLeaks: async (options?: LeakCheckOptions) => {
      const reports = await closeScope(collector, options, 'leakScope().assertNoLeaks');
      if (reports.length > 0) throw new LeakError(reports);
    },
  };
}

/**
 * Runs `fn` (sync or async) in a leak scope and rejects with a LeakError if any object created
 * in it is still connected and not disposed at its end, or (with `gc`) was dropped while connected.
 * If `fn` throws, that error is rethrown (the scope is closed without a verdict).
 */
export async function assertNoLeaks(fn: () => unknown, options?: LeakCheckOptions): Promise<void> {
  if (typeof fn !== 'function') throw new TypeError('assertNoLeaks(fn, options?): fn must be the function to run.');
  checkOptions(options, 'assertNoLeaks');
  const scope = leakScope();
  try {
    await fn();
  } catch (error) {
    await scope.close();
    throw error;
  }
  await scope.assertNoLeaks(options);
}
