// A summary's answer for one parameter, or a method's for `this`, in the heap's terms.
import type { Lifetime } from './lifetime.js';

export interface ReferenceEffect {
  /** Keeps the object (a field, a collection, a closure, another call that stores it…). */
  stores: boolean;
  /** Ends all its connections (`dispose()`). */
  disposes: boolean;
  /** Signals it connects, with the connection not kept. */
  connects: string[];
  /**
   * How long the callee keeps it: `call` (not kept), `turn`/`program` when only a scheduler's
   * closure captures it (a scheduler never ends it), `object`/`program`/`unknown` when stored.
   */
  keptFor: Lifetime;
}
