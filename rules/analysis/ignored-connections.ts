// `no-ignored-connection`: the handle of a connection to an emitter that is not owned (a
// parameter, an injected service, a module singleton, a global) is discarded and nothing else ends
// the connection, so it lives as long as the emitter. Reported at the connect call.
import { Node, SyntaxKind, type SourceFile } from 'ts-morph';
import { classNameOf, connectFinding, findAtConnects, ownershipFor, type MatchedConnect } from './connect-sites.js';
import { fixFor, lifetimeText } from './ownership-advice.js';
import { connectionFate, lifetimeScope } from './connection-fate.js';
import { lifecyclePathsAt } from './lifecycle-pairs.js';
import type { AnalysisContext } from './context.js';
import type { HandleKind } from './emitter-model.js';
import type { Finding } from './finding.js';
import { unwrapExpression, type ForeignReason, type Ownership } from './ownership.js';
import { fatePolicy, trackSuggestion, unboundClosureOf, type UnboundClosureSlotOptions } from './unbound-closure-slots.js';

export const ignoredConnectionMessages = {
  ignoredConnection:
    '{{what}} `{{signal}}` of `{{emitter}}` ({{type}}), {{origin}}, is dropped, and nothing ends the connection: it lives as long as `{{emitter}}` does ({{lifetime}}), with everything its slot holds. {{fix}}',
  trackConnection: 'Pass the Connection to `this.track(…)`, so it ends when this object is disposed.',
} as const;

/** `once` and `lifecyclePairs`, as for no-unbound-closure-slot. */
export type IgnoredConnectionOptions = UnboundClosureSlotOptions;

const WHAT: Record<HandleKind, string> = {
  connection: 'The Connection returned by connecting to',
  disposer: 'The disposer returned by subscribing to',
  id: 'The handler id returned by connecting to',
  none: 'The listener added to',
};

/**
 * Outside a class, globals (`process`, `window`, GJS `global`) are left alone: a plain function that
 * connects to them is, in practice, process-level setup (`main`, an error handler) run once
 * (precision over recall). Parameters, module singletons and what is reached through them count.
 */
const REPORTED_OUTSIDE_CLASSES: ReadonlySet<ForeignReason> = new Set(['parameter', 'through-other', 'module', 'injected', 'parent']);

/**
 * A free function that wires two objects its caller hands in (`forward(owner, connection)`:
 * `connection.on('error', (e) => owner.emit('error', e))`): which one outlives the other is the
 * caller's knowledge, not this function's. Not judged, unless a caller passes a longer-lived emitter.
 */
function wiresCallerObjects(match: MatchedConnect, owner: Ownership, fn: Node): boolean {
  if (owner.kind !== 'foreign' || owner.reason !== 'parameter' || owner.violatedBy !== undefined) return false;
  const slot = match.site.slot === undefined ? undefined : unwrapExpression(match.site.slot);
  if (slot === undefined || !(Node.isArrowFunction(slot) || Node.isFunctionExpression(slot))) return false;
  const emitter = unwrapExpression(match.site.emitter);
  const emitterDeclaration = Node.isIdentifier(emitter) ? emitter.getSymbol()?.getDeclarations()[0] : undefined;
  const parameters = new Set(Node.isFunctionLikeDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn) ? fn.getParameters() : []);
  return slot.getDescendantsOfKind(SyntaxKind.Identifier).some((identifier) => {
    const declaration = identifier.getSymbol()?.getDeclarations()[0];
    return declaration !== undefined && declaration !== emitterDeclaration && Node.isParameterDeclaration(declaration) && parameters.has(declaration);
  });
}

export function findIgnoredConnections(file: SourceFile, context: AnalysisContext, options: IgnoredConnectionOptions = {}): Finding[] {
  const ownership = ownershipFor(context);
  const policy = fatePolicy(options);
  return findAtConnects(file, context, (match) => {
    const { call, site } = match;
    if (site.receiver !== undefined) return undefined;
    // One finding per connect call: a closure keeping `this` is no-unbound-closure-slot's finding.
    if (unboundClosureOf(match, context, policy) !== undefined) return undefined;
    const { cls, scope } = lifetimeScope(call);
    if (scope === undefined) return undefined; // module top level: wired once, for the program's life
    const owner = ownership.ownershipOf(site.emitter);
    if (owner.kind !== 'foreign') return undefined;
    // …unless a lifecycle pair says the function is an up path (module-level `enable()`).
    if (cls === undefined && !REPORTED_OUTSIDE_CLASSES.has(owner.reason) && lifecyclePathsAt(context, call) === undefined) return undefined;
    if (cls === undefined && wiresCallerObjects(match, owner, scope)) return undefined;
    const fate = connectionFate(match, context, policy);
    if (fate.ended) return undefined;
    const track = cls === undefined ? undefined : trackSuggestion(match, cls);
    const className = cls === undefined ? undefined : classNameOf(cls);
    const data = { what: WHAT[site.handle], lifetime: lifetimeText(owner, className), fix: fixFor(match, fate, cls !== undefined) };
    return connectFinding('no-ignored-connection', 'ignoredConnection', match, owner, data, track === undefined ? [] : [track]);
  });
}
