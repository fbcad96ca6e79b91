// Path sensitivity in a lifecycle pair's down method: `disable() { if (!modules) return;
// global.display.disconnect(closingId); }` reads the id, but not on the path that returns early, so
// a disable() that takes it leaves the connection behind. A guard on what the up path sets together
// with the connection (`if (!this.id) return;`, `if (!this.settings) return;` when enable() assigns
// both in the same body) is "nothing was enabled": not a skipped path.
import { Node, SyntaxKind } from 'ts-morph';

/** Where a handle is kept (lifecycle-pairs.ts's KeptIn): a field of `this`, or a module variable's declaration. */
type Holder = { readonly field: string } | { readonly variable: Node };

function isFunctionBoundary(node: Node): boolean {
  return Node.isFunctionDeclaration(node) || Node.isFunctionExpression(node) || Node.isArrowFunction(node) || Node.isMethodDeclaration(node) || Node.isConstructorDeclaration(node);
}

/** The nearest enclosing function-like node of `node` (the body whose statements run together). */
function enclosingFunction(node: Node): Node | undefined {
  return node.getFirstAncestor(isFunctionBoundary);
}

/** Is `holder` assigned (`this.f = …`, `v = …`) directly in `fn`'s body, not in a function nested in it? */
function assignedIn(fn: Node, holder: Holder): boolean {
  return fn.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((binary) => {
    if (binary.getOperatorToken().getKind() !== SyntaxKind.EqualsToken || enclosingFunction(binary) !== fn) return false;
    return denotes(binary.getLeft(), holder);
  });
}

function denotes(node: Node, holder: Holder): boolean {
  if ('field' in holder) return Node.isPropertyAccessExpression(node) && node.getName() === holder.field && Node.isThisExpression(node.getExpression());
  return Node.isIdentifier(node) && node.getSymbol()?.getDeclarations()[0] === holder.variable;
}

/** The holders an `if` condition tests: `this.x` and module variables (`!modules`, `this.id === 0`). */
function testedHolders(condition: Node): Holder[] {
  const holders: Holder[] = [];
  for (const node of [condition, ...condition.getDescendants()]) {
    if (Node.isPropertyAccessExpression(node) && Node.isThisExpression(node.getExpression())) holders.push({ field: node.getName() });
    else if (Node.isIdentifier(node) && !Node.isPropertyAccessExpression(node.getParent())) {
      const declaration = node.getSymbol()?.getDeclarations()[0];
      if (declaration !== undefined && Node.isVariableDeclaration(declaration)) holders.push({ variable: declaration });
    }
  }
  return holders;
}

/**
 * A `return` of the down method `body` that comes before `firstRead` (not in a nested function):
 * a down path on which the read never happens. A return whose `if` tests only holders the
 * connection's own function assigns (set together with the connection) is not one.
 */
export function exitBeforeRead(body: Node, firstRead: Node, connect: Node): Node | undefined {
  const fn = enclosingFunction(body) ?? body;
  const connectFunction = enclosingFunction(connect);
  for (const exit of body.getDescendantsOfKind(SyntaxKind.ReturnStatement)) {
    if (exit.getEnd() > firstRead.getStart() || enclosingFunction(exit) !== fn) continue;
    const guard = exit.getFirstAncestor((ancestor) => Node.isIfStatement(ancestor) || ancestor === body);
    if (guard !== undefined && Node.isIfStatement(guard) && connectFunction !== undefined) {
      const tested = testedHolders(guard.getExpression());
      if (tested.length > 0 && tested.every((holder) => assignedIn(connectFunction, holder))) continue;
    }
    return exit;
  }
  return undefined;
}
