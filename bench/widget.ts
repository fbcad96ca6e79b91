// The benchmarks' emitters: an object with five signals in both declaration forms.
import { declareSignals, Signal, SignalObject } from '../src/index.js';

/** The standard field form. */
export class Widget extends SignalObject {
  readonly clicked = new Signal<[n: number]>(this, 'clicked');
  readonly changed = new Signal<[n: number]>(this, 'changed');
  readonly moved = new Signal<[n: number]>(this, 'moved');
  readonly resized = new Signal<[n: number]>(this, 'resized');
  readonly closed = new Signal<[n: number]>(this, 'closed');
}

/** The class-level form: nothing per instance for a signal until it is used. */
export class ClassWidget extends SignalObject {
  declare readonly clicked: Signal<[n: number]>;
  declare readonly changed: Signal<[n: number]>;
  declare readonly moved: Signal<[n: number]>;
  declare readonly resized: Signal<[n: number]>;
  declare readonly closed: Signal<[n: number]>;
  static {
    declareSignals(this, 'clicked', 'changed', 'moved', 'resized', 'closed');
  }
}
