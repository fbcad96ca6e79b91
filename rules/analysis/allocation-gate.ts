// Which values of a function can become tracked objects of the heap, by syntax alone. The flow
// analysis asks the checker only about these, and skips a function that has none: its heap stays
// empty from entry to exit, so it can drop nothing (the cheap answer before the graph is built).
import { Node, ts } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { isNestedUnit } from './cfg.js';
import { skipOuter } from './holders.js';
import { calleeName, connectingNames } from './relevance.js';
import { connectSiteOf } from './sites.js';

/** Methods that put an element into an array, Map or Set (language built-ins, not an emitter API). */
export const addingMethods: ReadonlySet<string> = new Set(['push', 'unshift', 'add', 'set']);

/** Can this (outer-stripped) expression be fresh at all? By syntax: a construction, a call or a conditional. */
export function mayBeFresh(target: ts.Node): boolean {
  return ts.isNewExpression(target) || ts.isCallExpression(target) || ts.isConditionalExpression(target);
}

/** `x` of `x.a.b`, `f` of `this.f.a`, else undefined. */
function rootName(expression: ts.Node): string | undefined {
  let current = skipOuter(expression);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current) || ts.isCallExpression(current)) {
    const inner = skipOuter(current.expression);
    if (inner.kind === ts.SyntaxKind.ThisKeyword && ts.isPropertyAccessExpression(current)) return current.name.text;
    current = inner;
  }
  return ts.isIdentifier(current) ? current.text : undefined;
}

/** The names of a unit that may hold a connected emitter, and the names it returns. */
export interface ConnectedNames {
  connected: ReadonlySet<string>;
  returned: ReadonlySet<string>;
}

/**
 * The names in a unit that may hold a connected emitter, by syntax alone: emitters and arguments of
 * connect calls (and of connecting functions), and returned names. Only their values get type
 * questions; memoized per unit.
 */
export function connectedNames(context: AnalysisContext, unit: ts.Node): ConnectedNames {
  const memo = context.memo<object, ConnectedNames>('connected-names');
  const known = memo.get(unit);
  if (known !== undefined) return known;
  const names = new Set<string>();
  const returned = new Set<string>();
  const connecting = connectingNames(context);
  const connectMethods = new Set(context.connectMethodNames);
  const add = (node: ts.Node) => {
    const name = rootName(node);
    if (name !== undefined) names.add(name);
  };
  const walk = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name !== undefined && connectMethods.has(name) && ts.isPropertyAccessExpression(skipOuter(node.expression))) add((skipOuter(node.expression) as ts.PropertyAccessExpression).expression);
      if (name !== undefined && (connectMethods.has(name) || connecting.has(name))) node.arguments.forEach(add);
      // `x.m()`: a method of the emitter may connect it (its summary says).
      const callee = skipOuter(node.expression);
      if (name !== undefined && connecting.has(name) && ts.isPropertyAccessExpression(callee)) add(callee.expression);
    } else if (ts.isReturnStatement(node) && node.expression !== undefined) {
      const name = rootName(node.expression);
      if (name !== undefined) returned.add(name);
    }
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(unit, walk);
  const result = { connected: names, returned };
  memo.set(unit, result);
  return result;
}

/**
 * Is `value`, stored into `into`, worth a type question? Its holder is connected or returned, or the
 * value comes from a connecting function. `returnsEmitter` answers the one type question a returned
 * value needs (omitted: assumed yes, the gate's conservative answer).
 */
export function worthTracking(context: AnalysisContext, unit: ts.Node, value: ts.Node, into: string | undefined, returnsEmitter?: () => boolean): boolean {
  const names = connectedNames(context, unit);
  if (into !== undefined && names.connected.has(into)) return true;
  // A returned value matters only to a factory: a function whose result type is an emitter.
  if (into !== undefined && names.returned.has(into) && (ts.isNewExpression(value) || returnsEmitter === undefined || returnsEmitter())) return true;
  const call = ts.isCallExpression(value) ? value : undefined;
  const name = call === undefined ? undefined : calleeName(call);
  return name !== undefined && connectingNames(context).has(name);
}

/** `setInterval(…)` (its own emitter), `new Row().clicked.connect(…)`, `make().on(…)`: a receiver made by the call's own expression. */
function receiverMayBeFresh(call: ts.CallExpression): boolean {
  let current = skipOuter(call.expression);
  if (!ts.isPropertyAccessExpression(current) && !ts.isElementAccessExpression(current)) return true;
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    current = skipOuter(current.expression);
    if (mayBeFresh(current)) return true;
  }
  return false;
}

/** The connect site's emitter is a construction or a call (`window.setInterval(…)` is its own emitter)? */
function emitterMayBeFresh(context: AnalysisContext, call: ts.CallExpression): boolean {
  if (receiverMayBeFresh(call)) return true;
  // The sites are memoized and shared with the ownership rules, which ask for every connect call.
  const wrapped = context.node(call);
  if (wrapped === undefined || !Node.isCallExpression(wrapped)) return false;
  const site = connectSiteOf(context, wrapped);
  return site !== undefined && mayBeFresh(skipOuter(site.emitter.compilerNode));
}

function storedName(target: ts.Expression): string | undefined {
  const stripped = skipOuter(target);
  if (ts.isIdentifier(stripped)) return stripped.text;
  return ts.isPropertyAccessExpression(stripped) ? stripped.name.text : undefined;
}

function isAssignment(node: ts.BinaryExpression): boolean {
  const operator = node.operatorToken.kind;
  return operator === ts.SyntaxKind.EqualsToken || operator === ts.SyntaxKind.QuestionQuestionEqualsToken || operator === ts.SyntaxKind.BarBarEqualsToken || operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken;
}

/**
 * Can the flow analysis of `unit`, from an empty heap, ever hold an object? Only if some value of it
 * may be allocated (a declaration or assignment of a possibly fresh value worth tracking, a fresh
 * value put into a collection) or a connect or connecting call on a fresh value is discarded (never
 * stored). Nested functions are their own units.
 */
export function mayAllocate(context: AnalysisContext, unit: ts.Node): boolean {
  const connectMethods = new Set(context.connectMethodNames);
  const connecting = connectingNames(context);
  let found = false;
  const fresh = (value: ts.Expression | undefined, into: string | undefined): boolean => {
    if (value === undefined) return false;
    const target = skipOuter(value);
    return mayBeFresh(target) && worthTracking(context, unit, target, into);
  };
  const walk = (node: ts.Node): void => {
    if (found) return;
    if (ts.isVariableDeclaration(node)) found = ts.isIdentifier(node.name) && fresh(node.initializer, node.name.text);
    else if (ts.isBinaryExpression(node) && isAssignment(node)) found = fresh(node.right, storedName(node.left));
    else if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      const last = node.arguments[node.arguments.length - 1];
      const parent = node.parent;
      const discarded = ts.isExpressionStatement(parent) || ts.isVoidExpression(parent) || ts.isParenthesizedExpression(parent);
      found =
        (name !== undefined && addingMethods.has(name) && last !== undefined && mayBeFresh(skipOuter(last))) ||
        (discarded && name !== undefined && connecting.has(name) && !connectMethods.has(name)) ||
        (discarded && name !== undefined && connectMethods.has(name) && emitterMayBeFresh(context, node));
    }
    if (!found && !isNestedUnit(node)) ts.forEachChild(node, walk);
  };
  ts.forEachChild(unit, walk);
  return found;
}

/** Does any node of `unit` (nested functions aside) satisfy `test`? */
export function mentionsAny(unit: ts.Node, test: (node: ts.Node) => boolean): boolean {
  let found = false;
  const walk = (node: ts.Node): void => {
    if (found) return;
    if (test(node)) found = true;
    else if (!isNestedUnit(node)) ts.forEachChild(node, walk);
  };
  ts.forEachChild(unit, walk);
  return found;
}
