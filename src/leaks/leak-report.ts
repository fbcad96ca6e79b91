// The shape of what leak detection tells a program: one LeakReport per finding, handed to
// `onLeak` (or collected by a test scope).

/** Every kind of finding, from the GC probes, the growth monitor, test scopes and dispose checks. */
export type LeakKind =
  | 'dropped-while-connected'
  | 'receiver-dropped-while-connected'
  | 'listener-threshold'
  | 'undisposed-at-scope-end'
  | 'use-after-dispose';

/** One connection that was still in place when the report was made. */
export interface LeakConnection {
  /** The signal's name (`clicked`), or its owner's type when the signal has no name. */
  signal: string;
  /** What it calls: a function name, `Receiver.method`, or the forwarded-to signal. */
  slot: string;
  /** "file:line:column" where `connect` was called, when stacks are captured. */
  connectedAt?: string;
}

export interface LeakReport {
  kind: LeakKind;
  /** One readable paragraph: what leaked, where it was created, what was connected, the fix. */
  message: string;
  /** Constructor name of the object the report names (the receiver for receiver drops). */
  objectType: string;
  objectName?: string;
  /** "file:line:column" of the creation site, when stacks are captured. */
  createdAt?: string;
  connections: LeakConnection[];
}

/** Options of `configureLeakDetection`; an option left out keeps its current value. */
export interface LeakDetectionOptions {
  /** Default: `process.env.NODE_ENV !== 'production'` (enabled where `process` does not exist). */
  enabled?: boolean;
  /** Record creation and connect sites (a stack per object and per connection). Default: false. */
  captureStacks?: boolean;
  /**
   * Keep a WeakRef per SignalObject so that `registry.liveObjects()` can list them. Off by default:
   * V8 keeps a WeakRef's target alive to the end of the job that made it. Default: false.
   */
  trackLiveObjects?: boolean;
  /** Growth monitor: report a signal that gets more connections than this. Default: 10, as Node. */
  listenerThreshold?: number;
  /** Default: `process.emitWarning` in Node, `console.warn` elsewhere, repeats aggregated. */
  onLeak?: (report: LeakReport) => void;
}
