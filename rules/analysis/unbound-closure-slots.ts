// `no-unbound-closure-slot`: a closure that keeps `this` alive, connected to an emitter that `this`
// does not own, with nothing that ends the connection (no receiver, no kept-and-ended handle, no
// `track`, no AbortSignal). The emitter keeps the closure, the closure keeps the object: the leak no
// garbage-collection probe can see. Reported at the connect call.
import { Node, type SourceFile } from 'ts-morph';
import { slotCapture } from './closure-capture.js';
import { classNameOf, connectFinding, findAtConnects, ownershipFor, thisCanTrack, type MatchedConnect } from './connect-sites.js';
import { connectionFate, lifetimeScope, type OncePolicy } from './connection-fate.js';
import type { AnalysisContext } from './context.js';
import type { Finding, FindingSuggestion } from './finding.js';
import type { ClassLike } from './ownership.js';

export const unboundClosureSlotMessages = {
  unboundClosureSlot:
    'This closure keeps this `{{className}}` alive and is connected to `{{signal}}` of `{{emitter}}` ({{type}}), {{origin}}, which this `{{className}}` does not own: the emitter keeps the closure, and the closure keeps the `{{className}}` for as long as the emitter lives. {{fix}}',
  useReceiver: 'Connect with `this` as receiver, so the connection ends when this object is disposed.',
  trackConnection: 'Pass the Connection to `this.track(…)`, so it ends when this object is disposed.',
} as const;

export interface UnboundClosureSlotOptions {
  /** How `{ once: true }` connections are judged (default `'report'`). */
  readonly once?: OncePolicy;
}

/** `this.track(` … `)` around a connect call whose result is discarded, when `this` can track. */
export function trackSuggestion(match: MatchedConnect, cls: ClassLike): FindingSuggestion | undefined {
  const { call, site } = match;
  if (site.handle !== 'connection' || !Node.isExpressionStatement(call.getParent()) || !thisCanTrack(cls)) return undefined;
  return {
    messageId: 'trackConnection',
    data: {},
    edits: [
      { start: call.getStart(), end: call.getStart(), text: 'this.track(' },
      { start: call.getEnd(), end: call.getEnd(), text: ')' },
    ],
  };
}

function receiverSuggestion(match: MatchedConnect, cls: ClassLike): FindingSuggestion | undefined {
  const { call, site, model } = match;
  const [first] = call.getArguments();
  if (model.name !== 'slotguard' || site.slot === undefined || first !== site.slot || !thisCanTrack(cls)) return undefined;
  return { messageId: 'useReceiver', data: {}, edits: [{ start: first.getStart(), end: first.getStart(), text: 'this, ' }] };
}

export function findUnboundClosureSlots(file: SourceFile, context: AnalysisContext, options: UnboundClosureSlotOptions = {}): Finding[] {
  const ownership = ownershipFor(context);
  return findAtConnects(file, context, (match) => {
    const { call, site } = match;
    if (site.receiver !== undefined || site.slot === undefined) return undefined;
    const { cls } = lifetimeScope(call);
    if (cls === undefined || slotCapture(site.slot, cls) === undefined) return undefined;
    const owner = ownership.ownershipOf(site.emitter);
    if (owner.kind !== 'foreign') return undefined;
    if (connectionFate(match, context, options.once ?? 'report').ended) return undefined;
    const suggestions = [receiverSuggestion(match, cls), trackSuggestion(match, cls)].filter((suggestion) => suggestion !== undefined);
    return connectFinding('no-unbound-closure-slot', 'unboundClosureSlot', match, owner, { className: classNameOf(cls) }, suggestions);
  });
}
