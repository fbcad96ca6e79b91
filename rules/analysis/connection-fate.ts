// What becomes of one connection made on an emitter that `this` does not own: is anything going to
// end it? Kept handles that are used again, `track`, an AbortSignal, `once`, a receiver, a matching
// disconnect on the same emitter and signal anywhere in the class (or the enclosing function) all
// count as "ended": the rules only speak when nothing could end it.
import { Node, SyntaxKind, ts, type CallExpression, type Expression } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { MatchedConnect } from './connect-sites.js';
import type { LifecyclePair } from './emitter-model.js';
import { endSiteOf } from './sites.js';
import { keptIn, lifecyclePathsFor, readOnEveryDownPath, type LifecyclePaths } from './lifecycle-pairs.js';
import { neverTornDown } from './undestroyed-owners.js';
import { isThis, thisClassOf, unwrapExpression, type ClassLike } from './ownership.js';
import { compilerSymbolOf, forEachCompilerDescendant } from './wrap-node.js';
import { skipOuter } from './holders.js';
import { neverAbortedController } from './abort-reach.js';

// The walks below run on the compiler's AST and wrap only the nodes they judge: ts-morph's
// `forEachDescendant` wraps every node it passes, which costs more than the judging.

/** Compiler-AST `a = b` (plain assignment). */
function isRawAssignment(node: ts.Node): node is ts.BinaryExpression {
  return ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken;
}

/** Compiler-AST `this` or `super`, through parentheses and casts (as `isThis`). */
function rawIsThis(node: ts.Node): boolean {
  const inner = skipOuter(node);
  return inner.kind === SyntaxKind.ThisKeyword || inner.kind === SyntaxKind.SuperKeyword;
}

/** The source text of a compiler node (what ts-morph's `getText()` gives). */
function rawText(node: ts.Node): string {
  return node.getText(node.getSourceFile());
}

/**
 * How `{ once: true }` connections (and `once(…)` methods) are judged: reported (`'report'`,
 * `false`), accepted (`'allow'`, `true`), or accepted on the listed signals only.
 */
export type OncePolicy = 'report' | 'allow' | boolean | readonly string[];

/** A `{ once: true }` listener ends by itself when it fires: accepted unless the user asks otherwise. */
export const DEFAULT_ONCE: OncePolicy = 'allow';

/**
 * Not ended: under a lifecycle pair, the pair whose down path should end it (for the message's fix);
 * `endedElsewhere`: the class ends it, but not on that down path (only when something else happens).
 */
export type Fate =
  | { readonly ended: false; readonly pair?: LifecyclePair; readonly endedElsewhere?: boolean; readonly neverAborted?: string }
  | { readonly ended: true; readonly how: EndedBy };

/** What decides whether a connection ends by itself or must be ended on a down path (the rules' options). */
export interface FatePolicy {
  readonly once: OncePolicy;
  /** Lifecycle pairs added by the user to those of the connection's preset. */
  readonly lifecyclePairs?: readonly LifecyclePair[];
}

export type EndedBy = 'receiver' | 'abort-signal' | 'once' | 'tied' | 'kept' | 'tracked' | 'returned' | 'escaped' | 'disconnected';

const NOT_ENDED: Fate = { ended: false };
const ended = (how: EndedBy): Fate => ({ ended: true, how });

/** `{ signal, once }` from the trailing object-literal argument (slotguard's options, DOM's options). */
function optionFlags(call: CallExpression): { signal: Expression | undefined; once: boolean } {
  const last = call.getArguments().at(-1);
  const options = last === undefined ? undefined : unwrapExpression(last);
  if (options === undefined || !Node.isObjectLiteralExpression(options)) return { signal: undefined, once: false };
  let signal: Expression | undefined;
  let once = false;
  for (const property of options.getProperties()) {
    const name = Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property) ? property.getName() : undefined;
    if (name === 'signal') signal = Node.isPropertyAssignment(property) ? property.getInitializer() : Node.isShorthandPropertyAssignment(property) ? property.getNameNode() : undefined;
    if (name === 'once' && Node.isPropertyAssignment(property)) once = property.getInitializer()?.getKind() === SyntaxKind.TrueKeyword;
  }
  return { signal, once };
}

export function onceAllowed(policy: OncePolicy, signal: string): boolean {
  if (policy === 'report' || policy === false) return false;
  if (policy === 'allow' || policy === true) return true;
  return policy.includes(signal.replace(/^['"`]|['"`]$/g, ''));
}

/** The code whose lifetime the connection belongs to: the class, or the outermost enclosing function. */
export function lifetimeScope(call: Node): { cls: ClassLike | undefined; scope: Node | undefined } {
  const cls = thisClassOf(call);
  if (cls !== undefined) return { cls, scope: cls };
  let outermost: Node | undefined;
  for (let current = call.getParent(); current !== undefined; current = current.getParent()) {
    if (Node.isFunctionLikeDeclaration(current) || Node.isArrowFunction(current) || Node.isFunctionExpression(current)) outermost = current;
    if (Node.isClassDeclaration(current) || Node.isClassExpression(current)) break;
  }
  return { cls: undefined, scope: outermost };
}

/** `constructor(m) { this.model = m; }`: the field of `this` a parameter is stored in, if any. */
function fieldHolding(parameter: Node): string | undefined {
  const symbol = parameter.getSymbol();
  let field: string | undefined;
  parameter.getParent()?.forEachDescendant((node, traversal) => {
    if (field !== undefined) {
      traversal.stop();
      return;
    }
    if (!Node.isBinaryExpression(node) || node.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) return;
    const left = unwrapExpression(node.getLeft());
    const right = unwrapExpression(node.getRight());
    if (Node.isPropertyAccessExpression(left) && isThis(left.getExpression()) && Node.isIdentifier(right) && right.getSymbol() === symbol) field = left.getName();
  });
  return field;
}

/** Array methods whose first callback receives each element in turn. */
const ELEMENT_CALLBACKS = new Set(['forEach', 'map', 'filter', 'some', 'every']);

/**
 * The collection whose elements a binding takes in turn: `target` in `this.targets.forEach((target) => …)`
 * or `for (const target of this.targets)`. Its key is the collection's key with `[]`.
 */
function iteratedCollection(declaration: Node): Node | undefined {
  if (Node.isVariableDeclaration(declaration)) {
    const loop = declaration.getParent()?.getParent();
    return loop !== undefined && Node.isForOfStatement(loop) && Node.isIdentifier(declaration.getNameNode()) ? loop.getExpression() : undefined;
  }
  if (!Node.isParameterDeclaration(declaration)) return undefined;
  const fn = declaration.getParent();
  if (!(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) || fn.getParameters()[0] !== declaration) return undefined;
  const call = fn.getParent();
  if (call === undefined || !Node.isCallExpression(call) || call.getArguments()[0] !== fn) return undefined;
  const callee = unwrapExpression(call.getExpression());
  return Node.isPropertyAccessExpression(callee) && ELEMENT_CALLBACKS.has(callee.getName()) ? callee.getExpression() : undefined;
}

/**
 * The collections of `this` an emitter is put into (`this.targets.push(window)`): a removal over
 * the collection's elements (`this.targets.forEach((t) => t.removeEventListener(…))`) ends its connection.
 */
function collectionKeysOf(emitter: string, cls: ClassLike | undefined, context: AnalysisContext): string[] {
  if (cls === undefined) return [];
  const memo = context.memo<object, Map<string, string[]>>('connection-fate:collections');
  let perClass = memo.get(cls.compilerNode);
  if (perClass === undefined) {
    perClass = new Map();
    for (const call of cls.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = unwrapExpression(call.getExpression());
      const [value] = call.getArguments();
      if (!Node.isPropertyAccessExpression(callee) || !['push', 'add', 'unshift'].includes(callee.getName()) || value === undefined) continue;
      const holder = unwrapExpression(callee.getExpression());
      if (!Node.isPropertyAccessExpression(holder) || !isThis(holder.getExpression())) continue;
      const key = emitterKey(value);
      perClass.set(key, [...(perClass.get(key) ?? []), `${emitterKey(holder)}[]`]);
    }
    memo.set(cls.compilerNode, perClass);
  }
  return perClass.get(emitter) ?? [];
}

/** Text of an emitter expression for "same emitter" comparisons: `this.model`, `model` (a parameter property) alike. */
export function emitterKey(expression: Node): string {
  const node = unwrapExpression(expression);
  if (Node.isIdentifier(node)) {
    const declaration = node.getSymbol()?.getDeclarations()[0];
    const collection = declaration === undefined ? undefined : iteratedCollection(declaration);
    if (collection !== undefined) return `${emitterKey(collection)}[]`;
    if (declaration !== undefined && Node.isParameterDeclaration(declaration)) {
      if (declaration.isParameterProperty()) return `this.${node.getText()}`;
      const field = fieldHolding(declaration);
      if (field !== undefined) return `this.${field}`;
    }
  }
  if (isThis(node)) return 'this';
  // `for (const t of this.targets = found)`: the collection is the field assigned.
  if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return emitterKey(node.getLeft());
  // `view.win` in the constructor and `this.view.win` in `destroy()`: the same object when `view` is kept in `this.view`.
  if (Node.isPropertyAccessExpression(node)) return `${emitterKey(node.getExpression())}.${node.getName()}`;
  return node.getText().replace(/\s+/g, '').replace(/\?\./g, '.').replace(/!/g, '');
}

/**
 * A signal's text for "same signal" comparisons: quotes, parentheses and casts off
 * (`completedEvent as any` at the add, `completedEvent` at the removal).
 */
function signalKey(signal: string): string {
  let text = signal.trim();
  for (let previous = ''; previous !== text; ) {
    previous = text;
    text = text.replace(/^\((.*)\)$/s, '$1').replace(/\s+(?:as|satisfies)\s+[\w.$<>[\], ]+$/, '').replace(/!$/, '').trim();
  }
  return text.replace(/^['"`]|['"`]$/g, '');
}

/** Every "end" call in a scope, as `emitter|signal` and `emitter|*` keys, computed once per scope. */
function endKeys(scope: Node, context: AnalysisContext): ReadonlySet<string> {
  const memo = context.memo<object, Set<string>>('connection-fate:end-keys');
  const cached = memo.get(scope.compilerNode);
  if (cached !== undefined) return cached;
  const keys = new Set<string>();
  forEachCompilerDescendant(scope.compilerNode, (raw) => {
    if (!ts.isCallExpression(raw)) return;
    const node = context.node(raw);
    if (node === undefined || !Node.isCallExpression(node)) return;
    const end = endSiteOf(context, node);
    if (end?.kind === 'dispose') keys.add(`${emitterKey(end.emitter)}|*`);
    else if (end?.kind === 'disconnect-signal') keys.add(`${emitterKey(end.emitter)}|${signalKey(end.signal)}`);
  });
  memo.set(scope.compilerNode, keys);
  return keys;
}

/** Is `name` (a local binding) used again anywhere in `scope` besides its declaration? */
function isReferencedAgain(declarationName: Node, scope: Node, checker: ts.TypeChecker): boolean {
  const symbol = compilerSymbolOf(checker, declarationName.compilerNode);
  if (symbol === undefined) return true; // cannot tell: assume it is used (precision)
  const name = declarationName.compilerNode as ts.Identifier;
  const text = declarationName.getText();
  let found = false;
  forEachCompilerDescendant(scope.compilerNode, (node) => {
    if (node !== name && ts.isIdentifier(node) && node.text === name.text && rawText(node) === text && compilerSymbolOf(checker, node) === symbol) {
      found = true;
      return 'stop';
    }
    return undefined;
  });
  return found;
}

/** Is `this.<name>` read anywhere in the class, other than as the target of an assignment? */
function isFieldReadAgain(cls: ClassLike, name: string): boolean {
  let found = false;
  forEachCompilerDescendant(cls.compilerNode, (node) => {
    if (!ts.isPropertyAccessExpression(node) || node.name.text !== name || !rawIsThis(node.expression)) return undefined;
    const parent = node.parent;
    const assigned = isRawAssignment(parent) && parent.left === node;
    if (assigned) return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/** What the code does with the value the connect call returns. */
function resultFate(call: CallExpression, cls: ClassLike | undefined, scope: Node | undefined, checker: ts.TypeChecker): Fate {
  let value: Node = call;
  let parent = call.getParent();
  while (parent !== undefined && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isNonNullExpression(parent) || Node.isSatisfiesExpression(parent))) {
    value = parent;
    parent = parent.getParent();
  }
  if (parent === undefined || Node.isExpressionStatement(parent) || Node.isVoidExpression(parent)) return NOT_ENDED;
  if (Node.isVariableDeclaration(parent)) {
    const list = parent.getParent();
    if (Node.isVariableDeclarationList(list) && (list.getFlags() & ts.NodeFlags.Using) !== 0) return ended('kept'); // `using`, `await using`
    const name = parent.getNameNode();
    if (!Node.isIdentifier(name)) return ended('kept');
    return isReferencedAgain(name, scope ?? parent.getSourceFile(), checker) ? ended('kept') : NOT_ENDED;
  }
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === value) {
    const left = unwrapExpression(parent.getLeft());
    if (cls !== undefined && Node.isPropertyAccessExpression(left) && isThis(left.getExpression())) {
      return isFieldReadAgain(cls, left.getName()) ? ended('kept') : NOT_ENDED;
    }
    if (Node.isIdentifier(left)) {
      const declaration = left.getSymbol()?.getDeclarations()[0];
      const declared = declaration !== undefined && Node.isVariableDeclaration(declaration) ? declaration.getNameNode() : undefined;
      if (declared !== undefined && Node.isIdentifier(declared)) {
        return isReferencedAgain(declared, declared.getSourceFile(), checker) ? ended('kept') : NOT_ENDED;
      }
    }
    return ended('kept');
  }
  if (Node.isCallExpression(parent) && parent.getArguments().includes(value)) {
    const callee = unwrapExpression(parent.getExpression());
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'track' ? ended('tracked') : ended('escaped');
  }
  if (Node.isReturnStatement(parent) || Node.isArrowFunction(parent)) return ended('returned');
  return ended('escaped');
}

/**
 * APIs whose handle is the listener itself (`addEventListener`, `on`): a listener kept in a local
 * that is also used outside the connect call (stored in a table, passed on, removed later) is
 * the handle, kept: something can remove it.
 */
function listenerFate(slot: Expression | undefined, call: CallExpression, checker: ts.TypeChecker): Fate {
  const listener = slot === undefined ? undefined : unwrapExpression(slot);
  if (listener === undefined || !Node.isIdentifier(listener)) return NOT_ENDED;
  const declaration = listener.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isVariableDeclaration(declaration)) return NOT_ENDED;
  const name = declaration.getNameNode();
  if (!Node.isIdentifier(name)) return NOT_ENDED;
  const symbol = compilerSymbolOf(checker, name.compilerNode);
  const rawName = name.compilerNode;
  const text = name.getText();
  const refersToListener = (node: ts.Identifier): boolean => {
    const parent = node.parent;
    // `{ listener }` names the property; its value is the variable
    if (ts.isShorthandPropertyAssignment(parent) && parent.name === node) return checker.getShorthandAssignmentValueSymbol(parent) === symbol;
    return compilerSymbolOf(checker, node) === symbol;
  };
  const rawCall = call.compilerNode;
  const outsideCall = (node: ts.Node): boolean => {
    for (let current: ts.Node | undefined = node.parent; current !== undefined; current = current.parent) if (current === rawCall) return false;
    return true;
  };
  // Identifiers in JSDoc too (`{@link listener}`), as ts-morph's getDescendantsOfKind(Identifier) sees them.
  let kept = false;
  forEachCompilerDescendant(name.getSourceFile().compilerNode, (node) => {
    if (!ts.isIdentifier(node) || node === rawName || node.text !== rawName.text || rawText(node) !== text || !refersToListener(node) || !outsideCall(node)) return undefined;
    if (isRawAssignment(node.parent) && node.parent.left === node) return undefined; // `onEnd = () => …` gives it its value, not a keeper
    kept = true;
    return 'stop';
  }, { jsDoc: true });
  return kept ? ended('kept') : NOT_ENDED;
}

/**
 * `connectObject(…, owner)` (GNOME Shell): the connections end with `disconnectObject(owner)`, or when
 * the owner is destroyed. An owner other than `this` is trusted; `this` counts when the class calls
 * `disconnectObject(this)` somewhere or can be destroyed (it extends something other than `Extension`).
 */
function tiedFate(tiedTo: Expression, cls: ClassLike | undefined): boolean {
  if (!isThis(tiedTo) || cls === undefined) return true;
  let disconnects = false;
  forEachCompilerDescendant(cls.compilerNode, (node) => {
    if (!ts.isCallExpression(node)) return undefined;
    const callee = skipOuter(node.expression);
    const [first] = node.arguments;
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'disconnectObject' || first === undefined || !rawIsThis(first)) return undefined;
    disconnects = true;
    return 'stop';
  });
  if (disconnects) return true;
  const base = cls.getExtends()?.getExpression().getText();
  return base !== undefined && !/(?:^|\.)Extension$/.test(base);
}

/** The end keys an emitter's connections match: its own, and those of the collections of `this` it is put into. */
function emitterEndKeys(site: MatchedConnect['site'], cls: ClassLike | undefined, context: AnalysisContext): string[] {
  const emitter = emitterKey(site.emitter);
  const signal = signalKey(site.signal);
  return [emitter, ...collectionKeysOf(emitter, cls, context)].flatMap((key) => [`${key}|${signal}`, `${key}|*`]);
}

const endsIn = (keys: ReadonlySet<string>, wanted: readonly string[]): boolean => wanted.some((key) => keys.has(key));

/** Is anything going to end the connection `connect` made? */
export function connectionFate(connect: MatchedConnect, context: AnalysisContext, policy: FatePolicy): Fate {
  // Both ownership rules ask it for the same call, usually with the same options: once per call and policy.
  const memo = context.memo<object, Map<string, Fate>>('connection-fate');
  const key = JSON.stringify(policy);
  let perCall = memo.get(connect.call.compilerNode);
  if (perCall === undefined) {
    perCall = new Map();
    memo.set(connect.call.compilerNode, perCall);
  }
  const known = perCall.get(key);
  if (known !== undefined) return known;
  const fate = judgedFate(connect, context, policy);
  perCall.set(key, fate);
  return fate;
}

function judgedFate(connect: MatchedConnect, context: AnalysisContext, policy: FatePolicy): Fate {
  const fate = fateInScope(connect, context, policy);
  // Ended by the object's own teardown (an id in its field or its list), which nothing calls: an
  // object an up path makes and its down path never touches.
  if (!fate.ended) return fate;
  const ownTeardown = fate.how === 'kept' || fate.how === 'disconnected' || (fate.how === 'escaped' && keptIn(connect.call) !== undefined);
  return ownTeardown && neverTornDown(connect.call, context) ? NOT_ENDED : fate;
}

function fateInScope(connect: MatchedConnect, context: AnalysisContext, policy: FatePolicy): Fate {
  const { call, site } = connect;
  if (site.receiver !== undefined) return ended('receiver');
  if (site.tiedTo !== undefined) {
    const { cls } = lifetimeScope(call);
    return tiedFate(site.tiedTo, cls) ? ended('tied') : NOT_ENDED;
  }
  const flags = optionFlags(call);
  const signal = site.abortSignal ?? flags.signal;
  if (signal !== undefined) {
    const neverAborted = neverAbortedController(signal, connect.model.abortApi, context.checker);
    if (neverAborted === undefined) return ended('abort-signal');
    // Its controller is never aborted: judged as if it had no signal, and the fix says so.
    const fate = fateWithoutSignal(connect, context, policy, flags.once);
    return fate.ended ? fate : { ...fate, neverAborted };
  }
  return fateWithoutSignal(connect, context, policy, flags.once);
}

function fateWithoutSignal(connect: MatchedConnect, context: AnalysisContext, policy: FatePolicy, onceOption: boolean): Fate {
  const { call, site } = connect;
  if ((onceOption || site.once === true) && onceAllowed(policy.once, site.signal)) return ended('once');
  const lifecycle = lifecycleFate(connect, context, policy.lifecyclePairs ?? []);
  if (lifecycle !== undefined) return lifecycle;
  const { cls, scope } = lifetimeScope(call);
  const result = site.handle === 'none' ? listenerFate(site.slot, call, context.checker) : resultFate(call, cls, scope, context.checker);
  if (result.ended) return result;
  const endScope = (site.slot === undefined ? undefined : localListenerScope(site.slot)) ?? scope;
  if (endScope !== undefined && endsIn(endKeys(endScope, context), emitterEndKeys(site, cls, context))) return ended('disconnected');
  return result;
}

/**
 * A listener held only in a local variable (or a plain parameter) can be removed only where that
 * variable is in scope: the function that declares it. Another method's
 * `client.removeListener('notification', onNotify)` removes another `onNotify`.
 */
function localListenerScope(slot: Expression): Node | undefined {
  const node = unwrapExpression(slot);
  if (!Node.isIdentifier(node)) return undefined;
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !(Node.isVariableDeclaration(declaration) || Node.isParameterDeclaration(declaration))) return undefined;
  if (Node.isParameterDeclaration(declaration) && declaration.isParameterProperty()) return undefined;
  const fn = declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  // The outermost function of that declaration's class member or module function: closures inside it share the variable.
  return fn === undefined ? undefined : outermostFunctionOf(fn);
}

function outermostFunctionOf(fn: Node): Node {
  let outer = fn;
  for (let current = fn.getParent(); current !== undefined; current = current.getParent()) {
    if (Node.isClassDeclaration(current) || Node.isClassExpression(current) || Node.isSourceFile(current)) break;
    if (Node.isFunctionLikeDeclaration(current) || Node.isArrowFunction(current) || Node.isFunctionExpression(current)) outer = current;
  }
  return outer;
}

/** Does any body on `path` end one of `wanted` (emitter and signal keys)? */
function endedOnPath(paths: LifecyclePaths, path: ReadonlySet<string>, wanted: readonly string[], context: AnalysisContext): boolean {
  for (const name of path) {
    const body = paths.bodies(name);
    if (body !== undefined && endsIn(endKeys(body, context), wanted)) return true;
  }
  return false;
}

/**
 * Under a lifecycle pair (enable/disable, connectedCallback/disconnectedCallback…), a connection
 * made on the up path must be ended on the down path: its emitter disconnected or disposed there,
 * or its kept handle read there. One ended only elsewhere in the class (when something else
 * happens) is not ended when the object goes down. Undefined: not under a pair, made outside every
 * up path, or a shape the pair does not judge (the general rules apply).
 */
function lifecycleFate(connect: MatchedConnect, context: AnalysisContext, userPairs: readonly LifecyclePair[]): Fate | undefined {
  const { call, site } = connect;
  const pairs = [...(connect.model.lifecyclePairs ?? []), ...userPairs];
  const all = lifecyclePathsFor(context, call, pairs);
  const [first] = all;
  const member = first?.memberOf(call);
  if (first === undefined || member === undefined) return undefined;
  const covering = all.filter((paths) => paths.up.has(member) && !paths.down.has(member));
  const [judged] = covering;
  // Made on the down path only (a disable() that restores Shell behaviour): connected while the object is down.
  if (judged === undefined) return all.some((paths) => paths.down.has(member) && !paths.up.has(member)) ? NOT_ENDED : undefined;
  const { cls, scope } = lifetimeScope(call);
  const wanted = emitterEndKeys(site, cls, context);
  if (covering.some((paths) => endedOnPath(paths, paths.down, wanted, context))) return ended('disconnected');
  const notEnded = (endedElsewhere: boolean): Fate => ({ ended: false, pair: judged.pair, endedElsewhere });
  if (site.handle === 'none' && listenerFate(site.slot, call, context.checker).ended) return undefined; // a listener kept in a local: the general rules follow it
  if (scope !== undefined && endsIn(endKeys(scope, context), wanted)) return notEnded(true);
  if (site.handle === 'none') return undefined;
  const kept = keptIn(call);
  if (kept === undefined) return undefined;
  if (covering.some((paths) => readOnEveryDownPath(paths, kept, call))) return ended('kept');
  return notEnded('field' in kept && cls !== undefined && isFieldReadAgain(cls, kept.field));
}
