// What the two ownership rules' messages say about a leaking connection beyond its emitter: how long
// the emitter lives (relative to the receiver), and the fix that fits the place — a lifecycle class
// ends it in its down method, a class otherwise when it is disposed, a free function (no `this` to
// track) hands the end to its caller.
import { fixText, type MatchedConnect } from './connect-sites.js';
import type { Fate } from './connection-fate.js';
import type { Ownership } from './ownership.js';

/** How long the emitter lives, relative to what connects to it. */
export function lifetimeText(owner: Ownership, receiver: string | undefined): string {
  const than = receiver === undefined ? 'this code' : `this \`${receiver}\``;
  if (owner.kind !== 'foreign') return 'its lifetime is not this code\'s';
  switch (owner.reason) {
    case 'global':
      return 'it lives as long as the program';
    case 'module':
      return 'a module-level singleton, it lives as long as the program';
    case 'injected':
      return `a shared service handed in from outside, it outlives ${than}`;
    case 'parent':
      return `it outlives ${than}, its child`;
    case 'parameter':
      return `its caller hands it in, and it can outlive ${than}`;
    case 'through-other':
      return 'it lives as long as the object it belongs to';
  }
}

/** The end of the handle, in the words of its kind (`disconnect()` it, remove the listener). */
function endVerb(match: MatchedConnect): string {
  switch (match.site.handle) {
    case 'connection':
      return 'disconnect() the kept Connection';
    case 'disposer':
      return 'call the kept disposer';
    case 'id':
      return 'disconnect(id) the kept handler id';
    case 'none':
      return 'remove the same listener';
  }
}

/** The fix for this place: the down method of a lifecycle pair, the caller of a free function, or the model's advice. */
export function fixFor(match: MatchedConnect, fate: Fate, inClass: boolean): string {
  if (!fate.ended && fate.neverAborted !== undefined) {
    const where = fate.pair === undefined ? 'when it is done' : `in \`${fate.pair.down}()\``;
    return `Its AbortSignal comes from \`${fate.neverAborted}\`, whose abort() nothing calls: call \`${fate.neverAborted}.abort()\` ${where}.`;
  }
  if (!fate.ended && fate.pair !== undefined) {
    const { up, down } = fate.pair;
    const upText = up === '*' ? 'the rest of its life' : `\`${up === 'constructor' ? 'constructor' : `${up}()`}\``;
    const elsewhere = fate.endedElsewhere === true ? ' (it is ended elsewhere, only when something else happens)' : '';
    return `It is made on the up path ${upText} and not ended on the down path${elsewhere}: ${endVerb(match)} in \`${down}()\`.`;
  }
  // A plain function has nowhere to keep a listener or an id: it hands the end to its caller.
  // (A Connection's advice for free functions is the shared fixText's.)
  if (!inClass && match.site.handle !== 'connection') {
    const handle = match.site.handle === 'none' ? 'a function that removes the listener' : match.site.handle === 'id' ? 'the handler id' : 'the disposer';
    return `A plain function has nowhere to keep it: return ${handle} to the caller, so the code that decides how long it lasts can end it.`;
  }
  return fixText(match);
}
