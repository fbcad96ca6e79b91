// `{ signal }` ends a listener only when its controller's `abort()` can run. A controller this code
// creates (`this.ctrl = new AbortController()`, `const ctrl = new AbortController()`) and never
// aborts, nor hands to anyone who could, ends nothing: the listener stays for the target's life.
// Any other signal (a parameter's, `AbortSignal.timeout(…)`, one reached through another object) is
// trusted: whoever made it may abort it.
import { Node, ts, type Expression } from 'ts-morph';
import type { EmitterModel } from './emitter-model.js';
import { isThis, unwrapExpression } from './ownership.js';
import { compilerSymbolOf, forEachCompilerDescendant } from './wrap-node.js';
import { skipOuter } from './holders.js';

type AbortApi = NonNullable<EmitterModel['abortApi']>;

/** The controller whose signal `signal` is: `ctrl` of `ctrl.signal`, of `const s = ctrl.signal`, of `const { signal } = ctrl`. */
function controllerOf(signal: Expression, api: AbortApi): Node | undefined {
  const inner = unwrapExpression(signal);
  if (Node.isPropertyAccessExpression(inner)) return inner.getName() === api.signal ? inner.getExpression() : undefined;
  if (!Node.isIdentifier(inner)) return undefined;
  // `{ signal }`: the name of a shorthand property denotes the variable of that name.
  const shorthand = inner.getParent();
  const symbol = shorthand !== undefined && Node.isShorthandPropertyAssignment(shorthand) ? shorthand.getValueSymbol() : inner.getSymbol();
  const declaration = symbol?.getDeclarations()[0];
  if (declaration !== undefined && Node.isVariableDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    return initializer === undefined ? undefined : controllerOf(initializer, api);
  }
  if (declaration !== undefined && Node.isBindingElement(declaration)) {
    const property = declaration.getPropertyNameNode()?.getText() ?? declaration.getName();
    const root = declaration.getParent()?.getParent();
    const initializer = root !== undefined && Node.isVariableDeclaration(root) ? root.getInitializer() : undefined;
    return property === api.signal && initializer !== undefined ? unwrapExpression(initializer) : undefined;
  }
  return undefined;
}

function isNewController(node: ts.Node | undefined, api: AbortApi): boolean {
  const inner = node === undefined ? undefined : skipOuter(node);
  return inner !== undefined && ts.isNewExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === api.controller;
}

/**
 * What a mention of the controller does: reads its signal (`ctrl.signal`) or receives the new
 * controller (`this.ctrl = new AbortController()`) — neither can abort; anything else (`ctrl.abort()`,
 * passing it on, returning it) may.
 */
function mayAbort(mention: ts.Node, api: AbortApi): boolean {
  let value: ts.Node = mention;
  while (ts.isParenthesizedExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  if (ts.isPropertyAccessExpression(parent) && parent.expression === value && parent.name.text === api.signal) return false;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.left === value) return !isNewController(parent.right, api);
  if (ts.isVariableDeclaration(parent) && parent.name === value) return false;
  // `const { signal } = ctrl`: a signal read too.
  if (ts.isVariableDeclaration(parent) && parent.initializer === value && ts.isObjectBindingPattern(parent.name)) {
    return !parent.name.elements.every((element) => (element.propertyName ?? element.name).getText() === api.signal);
  }
  return true;
}

/** `this.F` made here: every assignment and the initializer of field F in the class create a controller. */
function fieldCreatesController(cls: ts.ClassLikeDeclaration, field: string, api: AbortApi): boolean {
  let created = false;
  let other = false;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === field && member.initializer !== undefined) {
      if (isNewController(member.initializer, api)) created = true;
      else other = true;
    }
  }
  forEachCompilerDescendant(cls, (node) => {
    if (!ts.isBinaryExpression(node) || node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
    const left = skipOuter(node.left);
    if (!ts.isPropertyAccessExpression(left) || left.name.text !== field || skipOuter(left.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
    if (isNewController(node.right, api)) created = true;
    else other = true;
    return undefined;
  });
  return created && !other;
}

/**
 * The controller behind `signal` when it can never be aborted (its text, for the fix): a controller
 * this code creates (in a field of its class, or a local variable) that no mention could abort.
 * Undefined when it may be aborted, or when the model has no abort API (the signal is trusted).
 */
export function neverAbortedController(signal: Expression, api: AbortApi | undefined, checker: ts.TypeChecker): string | undefined {
  if (api === undefined) return undefined;
  const controller = controllerOf(signal, api);
  if (controller === undefined) return undefined;
  return abortReachable(unwrapExpression(controller), api, checker) ? undefined : controller.getText();
}

function abortReachable(inner: Node, api: AbortApi, checker: ts.TypeChecker): boolean {
  if (Node.isPropertyAccessExpression(inner) && isThis(inner.getExpression())) {
    const cls = inner.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
    if (cls === undefined || !ts.isClassLike(cls.compilerNode) || !fieldCreatesController(cls.compilerNode, inner.getName(), api)) return true;
    const field = inner.getName();
    // Any `.F` of the file (another object's `owner.ctrl.abort()` too) that is not a signal read or the creation.
    let reachable = false;
    forEachCompilerDescendant(inner.getSourceFile().compilerNode, (node) => {
      if (!ts.isPropertyAccessExpression(node) || node.name.text !== field || !mayAbort(node, api)) return undefined;
      reachable = true;
      return 'stop';
    });
    return reachable;
  }
  if (!Node.isIdentifier(inner)) return true;
  const declaration = inner.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isVariableDeclaration(declaration) || !isNewController(declaration.getInitializer()?.compilerNode, api)) return true;
  const nameNode = declaration.getNameNode();
  if (!Node.isIdentifier(nameNode)) return true;
  const symbol = compilerSymbolOf(checker, nameNode.compilerNode);
  const scope = declaration.getFirstAncestor((ancestor) => Node.isSourceFile(ancestor) || Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor));
  if (scope === undefined || symbol === undefined) return true;
  let reachable = false;
  forEachCompilerDescendant(scope.compilerNode, (node) => {
    if (!ts.isIdentifier(node) || node === nameNode.compilerNode || node.text !== nameNode.getText() || compilerSymbolOf(checker, node) !== symbol || !mayAbort(node, api)) return undefined;
    reachable = true;
    return 'stop';
  });
  return reachable;
}
