// `no-ignored-connection`: the handle of a connection to an emitter that is not owned (a
// parameter, an injected service, a module singleton, a global) is discarded and nothing else ends
// the connection, so it lives as long as the emitter. Reported at the connect call.
import { Node, SyntaxKind, ts, type SourceFile } from 'ts-morph';
import { classNameOf, connectFinding, emitterOwnership, findAtConnects, type MatchedConnect } from './connect-sites.js';
import { fixFor, lifetimeText } from './ownership-advice.js';
import { connectionFate, lifetimeScope, type Fate } from './connection-fate.js';
import { lifecyclePathsAt } from './lifecycle-pairs.js';
import type { AnalysisContext } from './context.js';
import type { HandleKind } from './emitter-model.js';
import type { Finding } from './finding.js';
import { unwrapExpression, type ForeignReason, type Ownership } from './ownership.js';
import { promiseWaitOf } from './promise-waits.js';
import { fatePolicy, trackSuggestion, unboundClosureOf, type UnboundClosureSlotOptions } from './unbound-closure-slots.js';

export const ignoredConnectionMessages = {
  ignoredConnection:
    '{{what}} `{{signal}}` of `{{emitter}}` ({{type}}), {{origin}}, is dropped, and nothing ends the connection: it lives as long as `{{emitter}}` does ({{lifetime}}), with everything its slot holds. {{fix}}',
  observationNeverEnded:
    '`{{emitter}}` ({{type}}) is registered with the page by `{{signal}}(…)`, and nothing ends it{{where}}: the page keeps the observer, and everything its callback holds, after this {{owner}} is done. Call `{{emitter}}.{{end}}()` {{fixWhere}}.',
  listenerOutlivesWait:
    'The listener added to `{{signal}}` of `{{emitter}}` ({{type}}) settles this promise (it calls `{{settles}}`), and nothing removes it: once the promise settles it stays on `{{emitter}}`, one more listener for every wait, with everything it holds. Add it with `once`, or remove the same listener when it fires and when the wait gives up (timeout, error).',
  trackConnection: 'Pass the Connection to `this.track(…)`, so it ends when this object is disposed.',
} as const;

/** `once` and `lifecyclePairs`, as for no-unbound-closure-slot. */
export type IgnoredConnectionOptions = UnboundClosureSlotOptions;

const DISPOSER_FIX = 'The function this one returns to its caller does not end it: end it there (the same listener, the same capture flag), so the caller can.';

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

/** `const processor = new Processor(send, receiver)`: a local built around the emitter, given it at construction. */
function builtAround(declaration: Node, emitterDeclaration: Node | undefined): boolean {
  if (emitterDeclaration === undefined || !Node.isVariableDeclaration(declaration)) return false;
  const initializer = declaration.getInitializer();
  const made = initializer === undefined ? undefined : unwrapExpression(initializer);
  if (made === undefined || !(Node.isNewExpression(made) || Node.isCallExpression(made))) return false;
  return made.getArguments().some((argument) => {
    const inner = unwrapExpression(argument);
    return Node.isIdentifier(inner) && inner.getSymbol()?.getDeclarations()[0] === emitterDeclaration;
  });
}

/**
 * A free function that wires two objects its caller hands in (`forward(owner, connection)`:
 * `connection.on('error', (e) => owner.emit('error', e))`), or the emitter to an object it builds
 * around that emitter (`const p = new Processor(receiver); receiver.on('message', (m) => p.handle(m))`):
 * which one outlives the other is the caller's knowledge, not this function's. Not judged, unless a
 * caller passes a longer-lived emitter.
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
    if (declaration === undefined || declaration === emitterDeclaration) return false;
    return (Node.isParameterDeclaration(declaration) && parameters.has(declaration)) || builtAround(declaration, emitterDeclaration);
  });
}

/**
 * An observer this object owns, registered with the page (`this.observer.observe(document.body)`):
 * the page keeps it, and its callback, as it keeps any listener on a global. A local one that is
 * dropped observing is no-dropped-connected-emitter's finding.
 */
function pageKept(site: MatchedConnect['site'], owner: Ownership): Ownership {
  if (site.keptByPage === undefined || owner.kind !== 'owned' || owner.reason === 'self') return owner;
  return { kind: 'foreign', reason: 'global', origin: 'which the page keeps observing (its performance timeline or a node of the document)' };
}

/** A function value: written inline, or a local bound to one (`const remove = () => …; return remove;`). */
function isFunctionValue(node: Node | undefined): boolean {
  const inner = node === undefined ? undefined : unwrapExpression(node);
  if (inner === undefined) return false;
  if (Node.isArrowFunction(inner) || Node.isFunctionExpression(inner)) return true;
  const declaration = Node.isIdentifier(inner) ? inner.getSymbol()?.getDeclarations()[0] : undefined;
  if (declaration !== undefined && Node.isFunctionDeclaration(declaration)) return true;
  const initializer = declaration !== undefined && Node.isVariableDeclaration(declaration) ? declaration.getInitializer() : undefined;
  return initializer !== undefined && (Node.isArrowFunction(unwrapExpression(initializer)) || Node.isFunctionExpression(unwrapExpression(initializer)));
}

/**
 * Does `fn` hand its caller a function (`return () => window.removeEventListener(…)`)? Then it is a
 * subscription whose caller decides when it ends, not one-time setup: its connections to globals
 * are judged too, and the function it returns must end them.
 */
function returnsDisposer(fn: Node, context: AnalysisContext): boolean {
  if (Node.isArrowFunction(fn) && !Node.isBlock(fn.getBody())) return isFunctionValue(fn.getBody());
  // The function's own `return`s, found on the compiler's AST (nested functions and classes aside); only they are wrapped.
  const returned: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression !== undefined) returned.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(fn.compilerNode, visit);
  return returned.some((expression) => isFunctionValue(context.node(expression)));
}

/** An observer of this object that the page keeps observing, not ended (where its lifecycle pair says, or anywhere). */
function observationFinding(match: MatchedConnect, owner: Ownership, fate: Fate, className: string | undefined, end: string): Finding {
  const down = fate.ended ? undefined : fate.pair?.down;
  const data = {
    where: down === undefined ? '' : ` on the down path \`${down}()\``,
    fixWhere: down === undefined ? 'when it is done (where this object is disposed)' : `in \`${down}()\``,
    owner: className === undefined ? 'code' : `\`${className}\``,
    end,
  };
  return connectFinding('no-ignored-connection', 'observationNeverEnded', match, owner, data, []);
}

/** `() => {}`: a listener that does nothing holds nothing; it is added for its effect on the target (a browser workaround). */
function isNoOpListener(slot: Node | undefined): boolean {
  const inner = slot === undefined ? undefined : unwrapExpression(slot);
  if (inner === undefined || !(Node.isArrowFunction(inner) || Node.isFunctionExpression(inner))) return false;
  const body = inner.getBody();
  return Node.isBlock(body) && body.getStatements().length === 0;
}

export function findIgnoredConnections(file: SourceFile, context: AnalysisContext, options: IgnoredConnectionOptions = {}): Finding[] {
  const policy = fatePolicy(options);
  return findAtConnects(file, context, (match) => {
    const { call, site } = match;
    if (site.receiver !== undefined || isNoOpListener(site.slot)) return undefined;
    // One finding per connect call: a closure keeping `this` is no-unbound-closure-slot's finding.
    if (unboundClosureOf(match, context, policy) !== undefined) return undefined;
    const { cls, scope } = lifetimeScope(call);
    if (scope === undefined) return undefined; // module top level: wired once, for the program's life
    const owner = pageKept(site, emitterOwnership(match, context));
    const wait = promiseWaitOf(match);
    // A wait leaves a listener per call on any emitter but one the waiting call made itself.
    if (wait !== undefined && owner.kind !== 'local') {
      return connectionFate(match, context, policy).ended ? undefined : connectFinding('no-ignored-connection', 'listenerOutlivesWait', match, owner, { settles: wait.settles }, []);
    }
    if (owner.kind !== 'foreign') return undefined;
    // …unless a lifecycle pair says the function is an up path (module-level `enable()`).
    const judgedOutsideClasses = (): boolean => REPORTED_OUTSIDE_CLASSES.has(owner.reason) || lifecyclePathsAt(context, call) !== undefined;
    let disposer: boolean | undefined;
    const isSubscription = (): boolean => (disposer ??= cls === undefined && returnsDisposer(scope, context));
    if (cls === undefined && !judgedOutsideClasses() && !isSubscription()) return undefined;
    if (cls === undefined && wiresCallerObjects(match, owner, scope)) return undefined;
    const fate = connectionFate(match, context, policy);
    if (fate.ended) return undefined;
    const track = cls === undefined ? undefined : trackSuggestion(match, cls);
    const className = cls === undefined ? undefined : classNameOf(cls);
    const fix = isSubscription() ? DISPOSER_FIX : fixFor(match, fate, cls !== undefined);
    if (site.keptByPage !== undefined) return observationFinding(match, owner, fate, className, site.keptByPage.end);
    const data = { what: WHAT[site.handle], lifetime: lifetimeText(owner, className), fix };
    return connectFinding('no-ignored-connection', 'ignoredConnection', match, owner, data, track === undefined ? [] : [track]);
  });
}
