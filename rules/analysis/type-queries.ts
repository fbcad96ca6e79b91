// Type and symbol questions on ts-morph nodes that never throw: unknown shapes answer `undefined`,
// so the lint side skips what it does not understand instead of crashing.
import { Node, ts, type Type } from 'ts-morph';

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

/** What `declarationsOf` needs to resolve through the compiler's checker and shared wrappers. */
export interface DeclarationResolver {
  readonly checker: ts.TypeChecker;
  node(compilerNode: ts.Node): Node | undefined;
}

/**
 * The declarations an identifier or property access refers to, through import/export aliases.
 * With a resolver, through the compiler's checker and the program-wide wrappers (cheaper).
 */
export function declarationsOf(node: Node, resolver?: DeclarationResolver): Node[] {
  if (resolver !== undefined) {
    try {
      let symbol = resolver.checker.getSymbolAtLocation(node.compilerNode);
      if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = resolver.checker.getAliasedSymbol(symbol);
      return (symbol?.declarations ?? []).map((declaration) => resolver.node(declaration)).filter((found): found is Node => found !== undefined);
    } catch {
      return [];
    }
  }
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
const outerExpressionKinds = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.SatisfiesExpression,
]);

export function skipOuterExpressions(node: Node): Node {
  if (!outerExpressionKinds.has(node.compilerNode.kind)) return node;
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

/**
 * The compiler declaration node that an identifier refers to (through aliases), straight from the
 * compiler's checker: an identity to compare references by, without ts-morph symbol wrappers.
 */
export function declarationKey(checker: ts.TypeChecker, node: Node): ts.Declaration | undefined {
  try {
    let symbol = checker.getSymbolAtLocation(node.compilerNode);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.[0];
  } catch {
    return undefined;
  }
}
