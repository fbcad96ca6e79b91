// `no-unbound-closure-slot`: a closure that keeps `this` alive, connected to an emitter that `this`
// does not own, with nothing that ends the connection (no receiver, no kept-and-ended handle, no
// `track`, no AbortSignal). The emitter keeps the closure, the closure keeps the object: the leak no
// garbage-collection probe can see. Reported at the connect call.
import { Node, type SourceFile } from 'ts-morph';
import { slotCapture } from './closure-capture.js';
import { classNameOf, connectFinding, emitterOwnership, findAtConnects, thisCanTrack, type MatchedConnect } from './connect-sites.js';
import { connectionFate, DEFAULT_ONCE, lifetimeScope, type Fate, type FatePolicy, type OncePolicy } from './connection-fate.js';
import type { LifecyclePair } from './emitter-model.js';
import type { AnalysisContext } from './context.js';
import type { Finding, FindingSuggestion } from './finding.js';
import { fixFor, lifetimeText } from './ownership-advice.js';
import type { ClassLike, Ownership } from './ownership.js';

export const unboundClosureSlotMessages = {
  unboundClosureSlot:
    'This closure keeps this `{{className}}` alive and is connected to `{{signal}}` of `{{emitter}}` ({{type}}), {{origin}}, which this `{{className}}` does not own ({{lifetime}}): the emitter keeps the closure, and the closure keeps the `{{className}}` for as long as the emitter lives.{{alsoIgnored}} {{fix}}',
  useReceiver: 'Connect with `this` as receiver, so the connection ends when this object is disposed.',
  trackConnection: 'Pass the Connection to `this.track(…)`, so it ends when this object is disposed.',
} as const;

export interface UnboundClosureSlotOptions {
  /** How `{ once: true }` connections are judged (default `'allow'`). */
  readonly once?: OncePolicy;
  /** Lifecycle pairs added to those of the presets (validated by the rule: lifecycle-option.ts). */
  readonly lifecyclePairs?: readonly LifecyclePair[];
}

/** The options as the fate of a connection reads them. */
export function fatePolicy(options: UnboundClosureSlotOptions): FatePolicy {
  return { once: options.once ?? DEFAULT_ONCE, lifecyclePairs: options.lifecyclePairs ?? [] };
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

/**
 * The class whose instance a connect call's closure keeps alive on an emitter `this` does not own,
 * with nothing ending the connection: the no-unbound-closure-slot shape. no-ignored-connection asks
 * it too, so that one connect call gets one finding (this one explains the leak best).
 */
export function unboundClosureOf(match: MatchedConnect, context: AnalysisContext, policy: FatePolicy): { cls: ClassLike; owner: Ownership; fate: Fate } | undefined {
  const { call, site } = match;
  if (site.receiver !== undefined || site.slot === undefined) return undefined;
  const { cls } = lifetimeScope(call);
  if (cls === undefined || slotCapture(site.slot, cls) === undefined) return undefined;
  const owner = emitterOwnership(match, context);
  if (owner.kind !== 'foreign') return undefined;
  const fate = connectionFate(match, context, policy);
  if (fate.ended) return undefined;
  return { cls, owner, fate };
}

/** Does the connect call discard its handle (the no-ignored-connection half of the same leak)? */
function discardsHandle(match: MatchedConnect): boolean {
  const parent = match.call.getParent();
  return Node.isExpressionStatement(parent) || Node.isVoidExpression(parent);
}

export function findUnboundClosureSlots(file: SourceFile, context: AnalysisContext, options: UnboundClosureSlotOptions = {}): Finding[] {
  const policy = fatePolicy(options);
  return findAtConnects(file, context, (match) => {
    const found = unboundClosureOf(match, context, policy);
    if (found === undefined) return undefined;
    const { cls, owner, fate } = found;
    const className = classNameOf(cls);
    const alsoIgnored = discardsHandle(match) ? ' Its handle is discarded too (no-ignored-connection leaves this call to this rule).' : '';
    const suggestions = [receiverSuggestion(match, cls), trackSuggestion(match, cls)].filter((suggestion) => suggestion !== undefined);
    const data = { className, alsoIgnored, lifetime: lifetimeText(owner, className), fix: fixFor(match, fate, true) };
    return connectFinding('no-unbound-closure-slot', 'unboundClosureSlot', match, owner, data, suggestions);
  });
}
