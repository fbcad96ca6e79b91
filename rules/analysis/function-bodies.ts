// The bodies behind callee expressions: the function-like a call runs (a declaration, an arrow in
// a variable or field, the constructor `new X()` runs), for the summaries to read.
import { Node, ts, type Expression, type SyntaxKind } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { declarationsOf } from './type-queries.js';

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
export function constructorOf(context: AnalysisContext, callee: Expression): Node | undefined {
  let current: Node | undefined = declarationsOf(callee, context).find((declaration) => Node.isClassDeclaration(declaration));
  for (let depth = 0; current !== undefined && Node.isClassDeclaration(current) && depth < 8; depth++) {
    const constructor = current.getConstructors().find((candidate) => candidate.getBody() !== undefined);
    if (constructor !== undefined) return constructor;
    if (current.getConstructors().length > 0) return undefined; // declared without a body: unknown
    current = current.getBaseClass();
  }
  return undefined;
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

