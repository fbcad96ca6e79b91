// A wait: a listener added inside a promise's executor that settles that promise
// (`new Promise((resolve) => { emitter.on('ready', () => resolve()) })`). Once the promise settles the
// listener has nothing left to do, yet `on` keeps it, so every call of the waiting function leaves
// one more listener (and what it holds) on the emitter, whoever owns the emitter.
import { Node, SyntaxKind, ts } from 'ts-morph';
import type { MatchedConnect } from './connect-sites.js';
import { isCallbackParameter, isThis, unwrapExpression } from './ownership.js';

/** A connect call that waits for its event on behalf of a promise. */
export interface PromiseWait {
  /** The executor parameter the listener calls (`resolve`, `reject`). */
  readonly settles: string;
}

type FunctionNode = Node & { getParameters(): Node[] };

function isFunctionNode(node: Node): node is FunctionNode {
  return Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isFunctionDeclaration(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node);
}

function enclosingFunction(node: Node): FunctionNode | undefined {
  return node.getFirstAncestor(isFunctionNode);
}

/** The function values an identifier may hold: its initializer, and what is assigned to it in `scope`. */
function functionValues(identifier: Node, scope: Node): Node[] {
  const symbol = identifier.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (declaration === undefined) return [];
  const values: Node[] = [];
  if (Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    if (initializer !== undefined) values.push(unwrapExpression(initializer));
  }
  if (Node.isFunctionDeclaration(declaration)) values.push(declaration);
  for (const assignment of scope.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (assignment.getOperatorToken().getKind() !== SyntaxKind.EqualsToken) continue;
    const left = unwrapExpression(assignment.getLeft());
    if (Node.isIdentifier(left) && left.getSymbol() === symbol) values.push(unwrapExpression(assignment.getRight()));
  }
  return values.filter(isFunctionNode);
}

/**
 * Does `fn` call one of `settlers`, directly or through a local function it calls
 * (`onNotify` → `finish()` → `resolve()`)? `depth` bounds the hops.
 */
function callsSettler(fn: Node, settlers: ReadonlySet<Node>, scope: Node, depth: number): string | undefined {
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const callee = unwrapExpression(call.getExpression());
    if (!Node.isIdentifier(callee)) continue;
    const declaration = callee.getSymbol()?.getDeclarations()[0];
    if (declaration !== undefined && settlers.has(declaration)) return callee.getText();
    if (depth > 0) {
      for (const value of functionValues(callee, scope)) {
        const settled = value === fn ? undefined : callsSettler(value, settlers, scope, depth - 1);
        if (settled !== undefined) return settled;
      }
    }
  }
  return undefined;
}

/** `this.client`, `this.pool.client`: a path of fields from `this`. */
function isFieldPath(node: Node): boolean {
  const inner = unwrapExpression(node);
  return isThis(inner) || (Node.isPropertyAccessExpression(inner) && isFieldPath(inner.getExpression()));
}

/** `this.connect()`, `await this.pool.acquire()`: what a method of this object hands out. */
function isHandedOutByThis(node: Node): boolean {
  let inner = unwrapExpression(node);
  if (Node.isAwaitExpression(inner)) inner = unwrapExpression(inner.getExpression());
  if (isFieldPath(inner)) return true;
  if (!Node.isCallExpression(inner)) return false;
  const callee = unwrapExpression(inner.getExpression());
  return Node.isPropertyAccessExpression(callee) && isFieldPath(callee.getExpression());
}

/**
 * An emitter that each call of the waiting code meets again: a parameter of a named function or
 * method (the caller's long-lived client), a field of `this`, a module binding or a global, or a
 * local that a method of `this` hands out. An item's emitter (`dialog.window` of a callback
 * parameter, a value derived from one) is met once per item: waiting on it once leaves no growth.
 */
function isSharedEmitter(emitter: Node): boolean {
  const inner = unwrapExpression(emitter);
  if (isFieldPath(inner)) return true;
  if (!Node.isIdentifier(inner)) return false;
  const declaration = inner.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined) return true; // a global
  if (Node.isParameterDeclaration(declaration)) return !isCallbackParameter(declaration);
  if (!Node.isVariableDeclaration(declaration)) return Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration);
  const statement = declaration.getVariableStatement();
  const moduleLevel = statement !== undefined && (Node.isSourceFile(statement.getParent()) || Node.isModuleBlock(statement.getParent()));
  const initializer = declaration.getInitializer();
  return moduleLevel || (initializer !== undefined && isHandedOutByThis(initializer));
}

/** Is the innermost function around `call` written as `new Promise(…)`'s executor? On the compiler's AST: most calls are not in one. */
function inPromiseExecutor(call: ts.Node): boolean {
  let fn = call.parent;
  while (fn !== undefined && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (fn === undefined || !(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) return false;
  let argument: ts.Node = fn;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const construction = argument.parent;
  return ts.isNewExpression(construction) && construction.arguments?.[0] === argument && ts.isIdentifier(construction.expression) && construction.expression.text === 'Promise';
}

/** The wait a connect call is, when its listener settles the promise whose executor adds it on a shared emitter. */
export function promiseWaitOf(match: MatchedConnect): PromiseWait | undefined {
  const { call, site } = match;
  if (site.slot === undefined || site.once === true || !inPromiseExecutor(call.compilerNode) || !isSharedEmitter(site.emitter)) return undefined;
  // The executor: inPromiseExecutor has checked that the innermost function is one.
  const executor = enclosingFunction(call);
  if (executor === undefined) return undefined;
  const settlers = new Set<Node>(executor.getParameters().slice(0, 2));
  if (settlers.size === 0) return undefined;
  // Where the listener's function may be written: the executor, or the function around it (`let onEnd;` assigned inside).
  const scope = enclosingFunction(executor) ?? executor;
  const slot = unwrapExpression(site.slot);
  const listeners = Node.isIdentifier(slot) ? functionValues(slot, scope) : isFunctionNode(slot) ? [slot] : [];
  for (const listener of listeners) {
    const settles = callsSettler(listener, settlers, scope, 2);
    if (settles !== undefined) return { settles };
  }
  return undefined;
}
