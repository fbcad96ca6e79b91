// `signal.next()`: a promise for the arguments of the signal's next emission. It is a plain
// connection whose slot resolves the promise and ends it; an end hook (core/end-hooks.ts) rejects
// the promise when the connection ends first: the AbortSignal's reason on abort, an error when
// the owner was disposed or the signal disconnected. Nothing but the signal's own list holds the
// connection, so a pending next() never keeps the owner alive.
import { onConnectionEnd, type EndListener } from '../core/end-hooks.js';
import { OBJECT_DISPOSED, objectFlags, type FlaggedOwner } from '../core/protocols.js';
import type { AnyConnection as Connection, AnySignal } from '../core/runtime-types.js';
import { ownerOf } from '../core/slot-list.js';
import { describeObject, describeSignal, describeValue } from '../core/slot-names.js';

export interface NextOptions {
  /** Rejects the promise with this AbortSignal's reason when it aborts first. */
  signal?: AbortSignal;
}

function checkNextOptions(options: unknown): AbortSignal | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== 'object' || options === null) {
    throw new TypeError(`Signal.next: options must be an object like { signal }, got ${describeValue(options)}.`);
  }
  for (const key of Object.keys(options)) {
    if (key !== 'signal') throw new TypeError(`Signal.next: unknown option '${key}'. The only option is signal (an AbortSignal).`);
  }
  const abort = (options as NextOptions).signal;
  if (abort !== undefined && !(abort instanceof AbortSignal)) {
    throw new TypeError(`Signal.next: options.signal must be an AbortSignal (from an AbortController), got ${describeValue(abort)}.`);
  }
  return abort;
}

class NextWaiter implements EndListener {
  settled = false;

  constructor(
    private readonly signal: AnySignal,
    private readonly abort: AbortSignal | undefined,
    private readonly reject: (reason: unknown) => void,
  ) {}

  connectionEnded(): void {
    if (this.settled) return;
    this.settled = true;
    if (this.abort?.aborted === true) return this.reject(this.abort.reason);
    const owner = ownerOf(this.signal);
    const disposed = ((owner as Partial<FlaggedOwner> | undefined)?.[objectFlags] ?? 0) & OBJECT_DISPOSED;
    this.reject(
      new Error(
        disposed !== 0
          ? `Signal.next: ${describeObject(owner as object)} was disposed before ${describeSignal(this.signal)} emitted.`
          : `Signal.next: the connection was ended (signal.disconnect()) before ${describeSignal(this.signal)} emitted.`,
      ),
    );
  }
}

export function nextEmission<Args extends unknown[]>(signal: AnySignal, options: unknown): Promise<Args> {
  const abort = checkNextOptions(options);
  if (abort?.aborted === true) return Promise.reject(abort.reason as Error);
  return new Promise<Args>((resolve, reject) => {
    const waiter = new NextWaiter(signal, abort, reject);
    // connect refuses a disposed owner: the executor's throw rejects the promise with that error.
    // Named, so leak reports and dumps show the slot as `next`.
    const next = (...args: unknown[]): void => {
      waiter.settled = true;
      connection.disconnect();
      resolve(args as Args);
    };
    const connection: Connection = signal.connect(next, abort === undefined ? undefined : { signal: abort });
    onConnectionEnd(connection, waiter);
  });
}
