// An object whose teardown nothing calls: `let tracker; enable() { tracker = new Tracker(); }
// disable() { tracker = null; }`. Tracker keeps its handler ids and disconnects them in its
// `destroy()`, which would be fine if anyone called it; but every construction is kept by an up
// path (an extension's enable) whose down path never touches the holder, so the object is no owner
// that ends its connections and they stay after disable(). Precision first: one construction that
// is not of this shape (created elsewhere, kept nowhere, read on the down path) and the object is
// trusted as before.
import { Node, SyntaxKind, type ClassDeclaration } from 'ts-morph';
import { constructionsOf } from './caller-lifetimes.js';
import type { AnalysisContext } from './context.js';
import { keptIn, lifecyclePathsAt, readOnPath, type KeptIn, type LifecyclePaths } from './lifecycle-pairs.js';
import { isThis, thisClassOf, unwrapExpression } from './ownership.js';

/** Is every construction of the class whose method makes `connect` kept by an up path and never read by its down path? */
export function neverTornDown(connect: Node, context: AnalysisContext): boolean {
  const cls = thisClassOf(connect);
  if (cls === undefined || !Node.isClassDeclaration(cls)) return false;
  const memo = context.memo<object, boolean>('undestroyed-owners');
  const known = memo.get(cls.compilerNode);
  if (known !== undefined) return known;
  const verdict = constructionsNeverTornDown(cls, context);
  memo.set(cls.compilerNode, verdict);
  return verdict;
}

/** The holder passed on (`box.add_child(this.row)`, `register(tracker)`) on the up path: whoever took it may end it. */
function handedOn(paths: LifecyclePaths, holder: KeptIn): boolean {
  for (const name of paths.up) {
    const body = paths.bodies(name);
    if (body === undefined) continue;
    for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      for (const argument of call.getArguments()) {
        const inner = unwrapExpression(argument);
        if ('field' in holder ? Node.isPropertyAccessExpression(inner) && inner.getName() === holder.field && isThis(inner.getExpression()) : Node.isIdentifier(inner) && inner.getSymbol()?.getDeclarations()[0] === holder.variable) return true;
      }
    }
  }
  return false;
}

/** `holder = new C()` / `holder.push(new C())` as a statement of its own: the object goes nowhere else (`list = [(this.x = new C())]` does). */
function keptOnly(construction: Node): boolean {
  let node = construction.getParent();
  while (node !== undefined && (Node.isParenthesizedExpression(node) || Node.isAsExpression(node) || Node.isNonNullExpression(node))) node = node.getParent();
  return node !== undefined && (Node.isBinaryExpression(node) || Node.isCallExpression(node)) && Node.isExpressionStatement(node.getParent());
}

function constructionsNeverTornDown(cls: ClassDeclaration, context: AnalysisContext): boolean {
  const constructions = constructionsOf(cls, context);
  if (constructions.length === 0) return false;
  return constructions.every((construction) => {
    const holder = keptOnly(construction) ? keptIn(construction) : undefined;
    const paths = holder === undefined ? undefined : lifecyclePathsAt(context, construction);
    // A widget's whole life ('*') ends with its parent, which destroys its children: not judged here.
    if (holder === undefined || paths === undefined || paths.pair.up === '*') return false;
    const member = paths.memberOf(construction);
    if (member === undefined || !paths.up.has(member) || paths.down.has(member)) return false;
    return !readOnPath(paths, holder, paths.down) && !handedOn(paths, holder);
  });
}
