// configureLeakDetection: on in development, free in production. When it is off, the runtime's
// dev hooks are not installed, so no object gets a WeakRef, a probe or a stack. It runs once
// with the defaults when slotguard is imported.
import { setDevHooks } from '../core/dev-hooks.js';
import { DevRegistry, type DetectionSettings } from './dev-registry.js';
import { checkedThreshold, GrowthMonitor } from './growth-monitor.js';
import type { LeakDetectionOptions, LeakReport } from './leak-report.js';
import { WarningAggregator } from './leak-warnings.js';

/**
 * `process.env.NODE_ENV`, written out so that bundlers replace it; undefined where there is no
 * `process` (a browser without such a bundler), which counts as development.
 */
function nodeEnv(): string | undefined {
  try {
    return process.env.NODE_ENV;
  } catch {
    return undefined;
  }
}

let defaultWarnings: WarningAggregator | undefined;

/** The default onLeak: Node warnings (or console.warn), the same site aggregated. */
export function defaultOnLeak(report: LeakReport): void {
  (defaultWarnings ??= new WarningAggregator()).onLeak(report);
}

const settings: DetectionSettings = {
  captureStacks: false,
  monitor: new GrowthMonitor(checkedThreshold(undefined)),
  onLeak: defaultOnLeak,
};

let registry: DevRegistry | undefined;
let enabled = false;

const optionNames: ReadonlySet<string> = new Set(['enabled', 'captureStacks', 'listenerThreshold', 'onLeak']);

function checkOptions(options: unknown): LeakDetectionOptions {
  if (typeof options !== 'object' || options === null) {
    throw new TypeError('configureLeakDetection: pass an options object, e.g. configureLeakDetection({ captureStacks: true }).');
  }
  const unknown = Object.keys(options).filter((key) => !optionNames.has(key));
  if (unknown.length > 0) {
    throw new TypeError(`configureLeakDetection: unknown option ${unknown.map((key) => `'${key}'`).join(', ')}; the options are ${[...optionNames].join(', ')}.`);
  }
  const { enabled: on, captureStacks, onLeak } = options as Record<string, unknown>;
  for (const [name, value] of [['enabled', on], ['captureStacks', captureStacks]] as const) {
    if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`configureLeakDetection: ${name} must be true or false, got ${typeof value}.`);
  }
  if (onLeak !== undefined && typeof onLeak !== 'function') {
    throw new TypeError(`configureLeakDetection: onLeak must be a function that takes a LeakReport, got ${typeof onLeak}.`);
  }
  return options;
}

/**
 * Turns leak detection on or off and sets its options. Every call sets all of them: an option
 * left out takes its default (so a test can restore the defaults with `configureLeakDetection({})`).
 */
export function configureLeakDetection(options: LeakDetectionOptions = {}): void {
  const checked = checkOptions(options);
  const monitor = new GrowthMonitor(checkedThreshold(checked.listenerThreshold));
  settings.captureStacks = checked.captureStacks ?? false;
  settings.monitor = monitor;
  settings.onLeak = checked.onLeak ?? defaultOnLeak;
  const on = checked.enabled ?? nodeEnv() !== 'production';
  if (on && !enabled) {
    if (registry === undefined) registry = new DevRegistry(settings);
    else registry.restart();
  }
  if (!on && enabled) registry?.stop();
  enabled = on;
  setDevHooks(on ? registry : undefined);
}

/** The development registry while leak detection is on. */
export function activeRegistry(): DevRegistry | undefined {
  return enabled ? registry : undefined;
}

/** Whether leak detection is on. */
export function isLeakDetectionEnabled(): boolean {
  return enabled;
}

configureLeakDetection();
