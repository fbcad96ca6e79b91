// Function summaries: what a function does to one of its parameters, or a method to `this`
// (stores it, disposes it, connects it), computed lazily and memoized per program, keyed by
// the compiler's declaration node so that the answer is shared by every file that calls it.
import { Node, SyntaxKind, ts, type Expression } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { classifyUse, type Use } from './uses.js';
import { declarationKey, declarationsOf } from './type-queries.js';

export interface ReferenceEffect {
  /** Keeps the object (a field, a collection, a closure, another call that stores it…). */
  stores: boolean;
  /** Ends all its connections (`dispose()`). */
  disposes: boolean;
  /** Signals it connects, with the connection not kept. */
  connects: string[];
}

const storesEverything: ReferenceEffect = { stores: true, disposes: false, connects: [] };

/** A function-like declaration with a body, from whatever a callee expression refers to. */
export function functionWithBody(declaration: Node): Node | undefined {
  if (
    Node.isFunctionDeclaration(declaration) ||
    Node.isMethodDeclaration(declaration) ||
    Node.isConstructorDeclaration(declaration) ||
    Node.isGetAccessorDeclaration(declaration) ||
    Node.isSetAccessorDeclaration(declaration)
  ) {
    return declaration.getBody() === undefined ? undefined : declaration;
  }
  if (Node.isArrowFunction(declaration) || Node.isFunctionExpression(declaration)) return declaration;
  if (Node.isVariableDeclaration(declaration) || Node.isPropertyDeclaration(declaration)) {
    const initializer = declaration.getInitializer();
    if (initializer !== undefined && (Node.isArrowFunction(initializer) || Node.isFunctionExpression(initializer))) return initializer;
  }
  return undefined;
}

/** The constructor that `new X(…)` runs (the class's own or the nearest base's). */
function constructorOf(context: AnalysisContext, callee: Expression): Node | undefined {
  let current: Node | undefined = declarationsOf(callee, context).find((declaration) => Node.isClassDeclaration(declaration));
  for (let depth = 0; current !== undefined && Node.isClassDeclaration(current) && depth < 8; depth++) {
    const constructor = current.getConstructors().find((candidate) => candidate.getBody() !== undefined);
    if (constructor !== undefined) return constructor;
    if (current.getConstructors().length > 0) return undefined; // declared without a body: unknown
    current = current.getBaseClass();
  }
  return undefined;
}

function mergeUse(effect: ReferenceEffect, use: Use): void {
  switch (use.kind) {
    case 'connect':
      if (use.handle === undefined) effect.connects.push(use.signal);
      return;
    case 'end-all':
      effect.disposes = true;
      return;
    case 'released':
    case 'captured':
    case 'reassigned':
      effect.stores = true;
      return;
    case 'effect':
      effect.stores ||= use.effect.stores;
      effect.disposes ||= use.effect.disposes;
      effect.connects.push(...use.effect.connects);
      return;
    case 'end-signal':
    case 'neutral':
      return;
  }
}

/** What calling `callee` does to the argument at `index`; undefined when the callee has no body to read. */
export function parameterEffect(context: AnalysisContext, callee: Expression, index: number, isConstruction: boolean): ReferenceEffect | undefined {
  const fn = isConstruction ? constructorOf(context, callee) : declarationsOf(callee, context).map(functionWithBody).find((found) => found !== undefined);
  if (fn === undefined || !('getParameters' in fn)) return undefined;
  const parameters = (fn as unknown as { getParameters(): Node[] }).getParameters();
  const parameter = parameters[Math.min(index, parameters.length - 1)];
  if (parameter === undefined || !Node.isParameterDeclaration(parameter)) return undefined;
  if (parameter.isRestParameter() || parameter.isParameterProperty() || !Node.isIdentifier(parameter.getNameNode())) return storesEverything;
  const memo = context.memo<object, ReferenceEffect>('parameter-effect');
  const key = parameter.compilerNode;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, storesEverything); // recursion guard
  const effect: ReferenceEffect = { stores: false, disposes: false, connects: [] };
  const name = parameter.getName();
  for (const identifier of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (identifier.getText() !== name || identifier === parameter.getNameNode()) continue;
    if (declarationKey(context.checker, identifier) !== key) continue;
    mergeUse(effect, classifyUse(context, identifier, fn));
    if (effect.stores) break;
  }
  memo.set(key, effect);
  return effect;
}

/** Descendants of one kind, found on the compiler's nodes and only those wrapped. */
export function descendantsOfKind(context: AnalysisContext, node: Node, kind: SyntaxKind): Node[] {
  const found: Node[] = [];
  const visit = (child: ts.Node): void => {
    if (child.kind === kind) {
      const wrapped = context.node(child);
      if (wrapped !== undefined) found.push(wrapped);
    }
    ts.forEachChild(child, visit);
  };
  ts.forEachChild(node.compilerNode, visit);
  return found;
}

/** What calling a method does to its `this`; undefined when the method has no body to read. */
export function thisEffect(context: AnalysisContext, declaration: Node): ReferenceEffect | undefined {
  const fn = functionWithBody(declaration);
  if (fn === undefined) return undefined;
  if (Node.isMethodDeclaration(fn) && fn.isStatic()) return undefined;
  const memo = context.memo<object, ReferenceEffect>('this-effect');
  const key = fn.compilerNode;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, storesEverything); // recursion guard
  const effect: ReferenceEffect = { stores: false, disposes: false, connects: [] };
  for (const self of descendantsOfKind(context, fn, SyntaxKind.ThisKeyword)) {
    const use = classifyUse(context, self, fn);
    // `this` inside a nested non-arrow function or class is another object.
    if (use.kind === 'captured' && !Node.isArrowFunction(use.fn)) continue;
    mergeUse(effect, use);
    if (effect.stores) break;
  }
  memo.set(key, effect);
  return effect;
}
