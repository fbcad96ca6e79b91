// How long a holder keeps what it holds: a small lattice,
//   ended < call < turn < object < program, plus unknown (not judged).
// A local lives for the call; a closure handed to `queueMicrotask`/`setTimeout`/a promise callback
// for one scheduler turn; a field of `this` as long as the object; module storage, `setInterval`
// and a long-lived emitter's slot for the program. Which callee keeps a closure how long is the
// presets' knowledge (schedulers) or a summary's; the lattice itself names no API.

export type Lifetime = 'ended' | 'call' | 'turn' | 'object' | 'program' | 'unknown';

const rank: Record<Exclude<Lifetime, 'unknown'>, number> = { ended: 0, call: 1, turn: 2, object: 3, program: 4 };

/** The longer of two lifetimes; unknown absorbs (nothing can be judged once one path is unknown). */
export function joinLifetimes(a: Lifetime, b: Lifetime): Lifetime {
  if (a === 'unknown' || b === 'unknown') return 'unknown';
  return rank[a] >= rank[b] ? a : b;
}

/** Does a holder of lifetime `a` keep its value at least as long as one of lifetime `b`? Unknown: no answer. */
export function outlives(a: Lifetime, b: Lifetime): boolean | undefined {
  if (a === 'unknown' || b === 'unknown') return undefined;
  return rank[a] >= rank[b];
}

/**
 * Is a value kept by this lifetime someone else's to end? A scheduler's closure (one turn, or
 * `setInterval` for the program) runs and is forgotten or runs forever: it never disposes what it
 * captures unless its own code says so. Only an owner that outlives the call, or one not known,
 * takes the value off the caller's hands.
 */
export function isKeeper(lifetime: Lifetime, byScheduler: boolean): boolean {
  if (byScheduler) return false;
  return lifetime !== 'ended' && lifetime !== 'call';
}
