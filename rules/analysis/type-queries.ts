// Type and symbol questions on ts-morph nodes that never throw: unknown shapes answer `undefined`,
// so the lint side skips what it does not understand instead of crashing.
import { Node, type Type } from 'ts-morph';

/** The type of an expression, or undefined when the checker cannot give one. */
export function typeOfExpression(node: Node): Type | undefined {
  try {
    return node.getType();
  } catch {
    return undefined;
  }
}

/** `a.b` → 'b'; `a['b']` → 'b'; anything else → undefined. */
export function propertyName(node: Node): string | undefined {
  if (Node.isPropertyAccessExpression(node)) return node.getName();
  if (Node.isElementAccessExpression(node)) {
    const argument = node.getArgumentExpression();
    if (argument !== undefined && (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument))) {
      return argument.getLiteralValue();
    }
  }
  return undefined;
}

/** The declarations an identifier or property access refers to, through import/export aliases. */
export function declarationsOf(node: Node): Node[] {
  try {
    let symbol = node.getSymbol();
    if (symbol === undefined) return [];
    if (symbol.isAlias()) symbol = symbol.getAliasedSymbol() ?? symbol;
    return symbol.getDeclarations();
  } catch {
    return [];
  }
}

/** Parentheses, `!`, `as T` and `<T>` removed. */
export function skipOuterExpressions(node: Node): Node {
  let current = node;
  while (
    Node.isParenthesizedExpression(current) ||
    Node.isNonNullExpression(current) ||
    Node.isAsExpression(current) ||
    Node.isTypeAssertion(current) ||
    Node.isSatisfiesExpression(current)
  ) {
    current = current.getExpression();
  }
  return current;
}

/** Declared in one of TypeScript's own `lib.*.d.ts` files (DOM, ES built-ins). */
export function isFromDefaultLibrary(type: Type): boolean {
  const declaration = (type.getSymbol() ?? type.getAliasSymbol())?.getDeclarations()[0];
  if (declaration === undefined) return false;
  return /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(declaration.getSourceFile().getFilePath());
}
