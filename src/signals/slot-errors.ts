// What happens to errors thrown by slots. A synchronous throw is collected and rethrown when the
// emission has finished (so one bad slot never stops the others). Errors that cannot be rethrown
// to the emitter (a slot's rejected promise, a queued slot's throw) go to the configured handler,
// or to console.error, and never become unhandled rejections.
import { describeSignal } from '../core/slot-names.js';
import type { AnySignal } from '../core/runtime-types.js';

export interface SlotErrorContext {
  /** Why the error could not be rethrown to the emitter. */
  readonly kind: 'rejected-promise' | 'queued-slot';
  /** The signal that was emitted. */
  readonly signal: AnySignal;
  /** A readable name of the slot (`fn`, `Type.method`, `signal Owner.name`). */
  readonly slot: string;
}

export type SlotErrorHandler = (error: unknown, context: SlotErrorContext) => void;

let handler: SlotErrorHandler | undefined;

/**
 * Routes errors of rejected slot promises and queued slots to `next` (undefined restores the
 * default, `console.error`). Returns the previous handler.
 */
export function setSlotErrorHandler(next: SlotErrorHandler | undefined): SlotErrorHandler | undefined {
  if (next !== undefined && typeof next !== 'function') {
    throw new TypeError('setSlotErrorHandler: expected a function (error, context) => void, or undefined to restore console.error.');
  }
  const previous = handler;
  handler = next;
  return previous;
}

export function reportSlotError(error: unknown, context: SlotErrorContext): void {
  const what = context.kind === 'rejected-promise' ? 'returned a rejected promise' : 'threw in a queued delivery';
  if (handler !== undefined) {
    try {
      handler(error, context);
      return;
    } catch (handlerError) {
      console.error('slotguard: the slot error handler threw:', handlerError);
    }
  }
  console.error(`slotguard: slot ${context.slot} of ${describeSignal(context.signal)} ${what}:`, error);
}

/** Rethrows what the slots of one emission threw: the error itself, or an AggregateError for several. */
export function throwSlotErrors(signal: AnySignal, errors: unknown[]): never {
  if (errors.length === 1) throw errors[0];
  throw new AggregateError(errors, `${errors.length} slots of ${describeSignal(signal)} threw during one emission.`);
}
