// The runtime's public classes, as lower layers may name them in types without importing the
// layers that define them: each layer registers its class here by declaration merging
// (`declare module '../core/runtime-types.js' { interface RuntimeTypes { signal: … } }`), so a
// hook or a handle typed in the core (`Connection.signal`, `DevHooks.connected`) names the exact
// class, and imports still run downward only.

// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled by declaration merging
export interface RuntimeTypes {}

// An interface, not an alias: an alias of the indexed type would be circular (Signal's members name it).
/** `Signal<any[]>` (signals/signal.ts). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- the registered class itself
export interface AnySignal extends RuntimeSignal {}
type RuntimeSignal = RuntimeTypes['signal'];
/** `Connection` (core/connection.ts). */
export type AnyConnection = RuntimeTypes['connection'];
/** `SignalObject` (objects/object.ts). */
export type AnySignalObject = RuntimeTypes['signalObject'];
