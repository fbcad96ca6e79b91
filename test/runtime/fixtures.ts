// Small emitter and receiver classes shared by the runtime tests.
import { declareSignals, Signal, SignalObject } from '../../src/index.js';

/**
 * Which declaration form the conformance suites run with: the field form by default, the
 * class-level form when SLOTGUARD_SIGNAL_FORM=class (class-form.test.ts runs them so).
 */
export const signalForm: 'field' | 'class' = process.env.SLOTGUARD_SIGNAL_FORM === 'class' ? 'class' : 'field';

const FieldButton = class Button extends SignalObject {
  readonly clicked = new Signal<[id: number]>(this, 'clicked');
  readonly toggled = new Signal<[on: boolean]>(this, 'toggled');
};

const ClassButton = class Button extends SignalObject {
  declare readonly clicked: Signal<[id: number]>;
  declare readonly toggled: Signal<[on: boolean]>;
  static {
    declareSignals(this, 'clicked', 'toggled');
  }
};

/** The emitter most runtime tests use, in the form `signalForm` selects. */
export const Button: typeof FieldButton = signalForm === 'class' ? ClassButton : FieldButton;
export type Button = InstanceType<typeof FieldButton>;

export class Counter extends SignalObject {
  total = 0;
  calls = 0;
  add(n: number): void {
    this.total += n;
    this.calls++;
  }
}

/** Counter's `add` method as a value, to connect or disconnect by function. */
// eslint-disable-next-line @typescript-eslint/unbound-method -- the method itself is the slot
export const counterAdd = Counter.prototype.add;

declare const gc: (() => void) | undefined;

/**
 * Collects garbage and lets finalizers run, until `done()` or a bounded number of rounds. Each
 * round yields first: `WeakRef.deref()` keeps its target alive until the end of the current job,
 * so checking and collecting in the same job would never see it go.
 */
export async function collectUntil(done: () => boolean, rounds = 20): Promise<boolean> {
  if (typeof gc !== 'function') throw new Error('run the tests with node --expose-gc');
  for (let i = 0; i < rounds; i++) {
    await new Promise((resolve) => setImmediate(resolve));
    gc();
    if (done()) return true;
  }
  return false;
}
