// slotguard's runtime entry. It imports nothing outside src/.
export { Signal, type ConnectOptions, type MethodKeyOf, type SlotFits } from './signal.js';
export { Connection } from './connection.js';
export { SignalObject } from './object.js';
export { registry, type ConnectionInfo, type RegistryStats } from './registry.js';
export { dumpObjectInfo, dumpObjectTree } from './introspection.js';
export { setSlotErrorHandler, type SlotErrorHandler, type SlotErrorContext } from './slot-errors.js';
export type { RuntimeCounters } from './stats.js';
export type { AnySignal } from './dev-hooks.js';

export const version = '0.1.0';

// Leak detection (on by default outside production; importing it installs the dev hooks).
export { configureLeakDetection, resetLeakDetection } from './leaks/configuration.js';
export type { LeakReport, LeakKind, LeakConnection, LeakDetectionOptions } from './leaks/leak-report.js';
export { LeakWarning, leakWarningName, leakWarningCodes, useAfterDisposeWarningName } from './leaks/leak-warnings.js';
