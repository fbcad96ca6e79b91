// The benchmarks' emitter: an object with five declared signals, the standard declaration form.
import { Signal, SignalObject } from '../src/index.js';

export class Widget extends SignalObject {
  readonly clicked = new Signal<[n: number]>(this, 'clicked');
  readonly changed = new Signal<[n: number]>(this, 'changed');
  readonly moved = new Signal<[n: number]>(this, 'moved');
  readonly resized = new Signal<[n: number]>(this, 'resized');
  readonly closed = new Signal<[n: number]>(this, 'closed');
}
