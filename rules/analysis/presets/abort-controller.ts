// The platform's AbortController (DOM and Node alike): `{ signal }` ends a listener when the
// controller's `abort()` runs. The names the core asks about, in one place.
export interface AbortApi {
  /** The constructor whose instances abort (`new AbortController()`). */
  readonly controller: string;
  /** The method that aborts, ending every listener given the signal. */
  readonly abort: string;
  /** The member that hands out the signal. */
  readonly signal: string;
}

export const ABORT_CONTROLLER: AbortApi = { controller: 'AbortController', abort: 'abort', signal: 'signal' };
