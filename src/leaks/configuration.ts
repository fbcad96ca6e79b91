// configureLeakDetection: on in development, free in production. When it is off, the runtime's
// dev hooks are not installed, so no object gets a record, a probe or a stack. It runs once
// with the defaults when slotguard is imported; each later call changes only the options it
// names, and resetLeakDetection() restores the defaults.
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
  trackLiveObjects: false,
  monitor: new GrowthMonitor(checkedThreshold(undefined)),
  onLeak: defaultOnLeak,
};

let registry: DevRegistry | undefined;
let enabled = false;

const optionNames: ReadonlySet<string> = new Set(['enabled', 'captureStacks', 'trackLiveObjects', 'listenerThreshold', 'onLeak']);

function checkOptions(options: unknown): LeakDetectionOptions {
  if (typeof options !== 'object' || options === null || Array.isArray(options)) {
    const got = Array.isArray(options) ? 'an array' : options === null ? 'null' : typeof options;
    throw new TypeError(`configureLeakDetection: pass an options object, e.g. configureLeakDetection({ captureStacks: true }); got ${got}.`);
  }
  const unknown = Object.keys(options).filter((key) => !optionNames.has(key));
  if (unknown.length > 0) {
    throw new TypeError(`configureLeakDetection: unknown option ${unknown.map((key) => `'${key}'`).join(', ')}; the options are ${[...optionNames].join(', ')}.`);
  }
  const { enabled: on, captureStacks, trackLiveObjects, onLeak } = options as Record<string, unknown>;
  for (const [name, value] of [['enabled', on], ['captureStacks', captureStacks], ['trackLiveObjects', trackLiveObjects]] as const) {
    if (value !== undefined && typeof value !== 'boolean') throw new TypeError(`configureLeakDetection: ${name} must be true or false, got ${typeof value}.`);
  }
  if (onLeak !== undefined && typeof onLeak !== 'function') {
    throw new TypeError(`configureLeakDetection: onLeak must be a function that takes a LeakReport, got ${typeof onLeak}.`);
  }
  return options;
}

function setEnabled(on: boolean): void {
  if (on && !enabled) {
    if (registry === undefined) registry = new DevRegistry(settings);
    else registry.restart();
  }
  if (!on && enabled) registry?.stop();
  enabled = on;
  setDevHooks(on ? registry : undefined);
}

/**
 * Turns leak detection on or off and sets its options. A call changes only the options it
 * names (`configureLeakDetection({ onLeak })` keeps `captureStacks` as it was; an option given as
 * undefined is not named); the whole call is checked before anything changes. `resetLeakDetection()` restores the defaults.
 */
export function configureLeakDetection(options: LeakDetectionOptions = {}): void {
  const checked = checkOptions(options);
  // Checked first, so that a bad threshold changes nothing.
  const monitor = checked.listenerThreshold === undefined ? undefined : new GrowthMonitor(checkedThreshold(checked.listenerThreshold));
  if (checked.captureStacks !== undefined) settings.captureStacks = checked.captureStacks;
  if (checked.trackLiveObjects !== undefined) settings.trackLiveObjects = checked.trackLiveObjects;
  if (monitor !== undefined) settings.monitor = monitor;
  if (checked.onLeak !== undefined) settings.onLeak = checked.onLeak;
  if (checked.enabled !== undefined) setEnabled(checked.enabled);
}

/** Restores every option to its default (enabled unless NODE_ENV is production, no stacks, threshold 10, Node warnings). */
export function resetLeakDetection(): void {
  settings.captureStacks = false;
  settings.trackLiveObjects = false;
  settings.monitor = new GrowthMonitor(checkedThreshold(undefined));
  settings.onLeak = defaultOnLeak;
  setEnabled(nodeEnv() !== 'production');
}

/** The development registry while leak detection is on. */
export function activeRegistry(): DevRegistry | undefined {
  return enabled ? registry : undefined;
}

/** Whether leak detection is on. */
export function isLeakDetectionEnabled(): boolean {
  return enabled;
}

resetLeakDetection();
