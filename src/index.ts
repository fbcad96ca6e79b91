// slotguard's runtime entry. It imports nothing outside src/.
export { Signal, type ConnectOptions, type NextOptions, type ReadonlySignal, type MethodKeyOf, type SlotFits, type AnySignal } from './signals/signal.js';
export { Connection } from './core/connection.js';
export { SignalObject } from './objects/object.js';
export { declareSignals, type SignalKeysOf, type SignalObjectClass } from './objects/class-signals.js';
export { registry, type ConnectionInfo, type RegistryStats } from './inspection/registry.js';
export { dumpObjectInfo, dumpObjectTree } from './inspection/introspection.js';
export { setSlotErrorHandler, type SlotErrorHandler, type SlotErrorContext } from './signals/slot-errors.js';
export type { RuntimeCounters } from './core/stats.js';

export const version = '0.1.0';

// Leak detection (on by default outside production; importing it installs the dev hooks).
export { configureLeakDetection, resetLeakDetection } from './leaks/configuration.js';
export type { LeakReport, LeakKind, LeakConnection, LeakDetectionOptions } from './leaks/leak-report.js';
export { LeakWarning, leakWarningName, leakWarningCodes, useAfterDisposeWarningName } from './leaks/leak-warnings.js';
