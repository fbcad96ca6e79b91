// An object a GNOME Shell extension owns for one enabled period: created on the enable path, kept
// in a field of the class extending `Extension`, destroyed on the disable path. Objects made while
// enabled often reach it as `Me.manager` (a static accessor returning `….instance.manager`) or copy
// it into a field of their own. A connection to it ends when disable() destroys it: it lives no
// longer than the enabled period that everything made while enabled shares. (Settings that
// disable() only drops are not such an object: something else may keep them.)
import { Node, SyntaxKind, type ClassDeclaration, type ClassExpression } from 'ts-morph';
import type { LifecyclePair } from '../emitter-model.js';
import { skipOuterExpressions } from '../type-queries.js';

type ClassLike = ClassDeclaration | ClassExpression;

const DESTROY = new Set(['destroy', 'run_dispose']);
/** Sources followed from a field or accessor to the extension's field (`this.m = Me.m` → `Me.m` → `this.instance.m`). */
const MAX_HOPS = 4;

function isClass(node: Node | undefined): node is ClassLike {
  return node !== undefined && (Node.isClassDeclaration(node) || Node.isClassExpression(node));
}

function extendsExtension(cls: ClassLike, pair: LifecyclePair): boolean {
  const base = cls.getExtends()?.getExpression().getText();
  return pair.classExtends !== undefined && base !== undefined && (base === pair.classExtends || base.endsWith(`.${pair.classExtends}`));
}

function isThisField(node: Node, field: string): boolean {
  const inner = skipOuterExpressions(node);
  return Node.isPropertyAccessExpression(inner) && inner.getName() === field && Node.isThisExpression(skipOuterExpressions(inner.getExpression()));
}

/** The single value ever assigned to `this.field` in `cls` (initializer included, `null`/`undefined` ignored). */
function soleSource(cls: ClassLike, field: string): Node | undefined {
  const sources: Node[] = [];
  const declared = cls.getInstanceProperty(field);
  const initializer = declared !== undefined && Node.isPropertyDeclaration(declared) ? declared.getInitializer() : undefined;
  if (initializer !== undefined) sources.push(initializer);
  for (const binary of cls.getDescendantsOfKind(SyntaxKind.BinaryExpression)) {
    if (binary.getOperatorToken().getKind() === SyntaxKind.EqualsToken && isThisField(binary.getLeft(), field)) sources.push(binary.getRight());
  }
  const values = sources.filter((source) => {
    const inner = skipOuterExpressions(source);
    return !Node.isNullLiteral(inner) && !(Node.isIdentifier(inner) && inner.getText() === 'undefined');
  });
  return values.length === 1 ? values[0] : undefined;
}

/** The extension class and field an emitter expression denotes, following fields and static accessors. */
function extensionField(expression: Node, pair: LifecyclePair, hops: number): { cls: ClassLike; field: string } | undefined {
  const node = skipOuterExpressions(expression);
  if (!Node.isPropertyAccessExpression(node) || hops < 0) return undefined;
  const field = node.getName();
  if (Node.isThisExpression(skipOuterExpressions(node.getExpression()))) {
    const cls = node.getFirstAncestor(isClass);
    if (cls === undefined) return undefined;
    if (extendsExtension(cls, pair)) return { cls, field };
    const source = soleSource(cls, field);
    return source === undefined ? undefined : extensionField(source, pair, hops - 1);
  }
  const declaration = node.getSymbol()?.getDeclarations()[0];
  if (declaration !== undefined && Node.isGetAccessorDeclaration(declaration) && declaration.isStatic()) {
    const statements = declaration.getBody()?.getChildrenOfKind(SyntaxKind.ReturnStatement) ?? [];
    const returned = statements.length === 1 ? statements[0]?.getExpression() : undefined;
    return returned === undefined ? undefined : extensionField(returned, pair, hops - 1);
  }
  if (declaration !== undefined && Node.isPropertyDeclaration(declaration) && !declaration.isStatic()) {
    const cls = declaration.getParent();
    if (isClass(cls) && extendsExtension(cls, pair)) return { cls, field };
  }
  return undefined;
}

/** The bodies of method `start` of `cls` and of every method of `this` it calls, closures included. */
function pathBodies(cls: ClassLike, start: string): Node[] {
  const seen = new Set<string>();
  const bodies: Node[] = [];
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop();
    const body = name === undefined || seen.has(name) ? undefined : cls.getInstanceMethod(name)?.getBody();
    if (name === undefined || body === undefined) continue;
    seen.add(name);
    bodies.push(body);
    for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
      const callee = skipOuterExpressions(call.getExpression());
      if (Node.isPropertyAccessExpression(callee) && Node.isThisExpression(skipOuterExpressions(callee.getExpression()))) stack.push(callee.getName());
    }
  }
  return bodies;
}

/** Does the pair's up path assign `this.field` and its down path destroy it (`this.field?.destroy()`)? */
function createdAndDestroyed(cls: ClassLike, field: string, pair: LifecyclePair): boolean {
  const assigned = pathBodies(cls, pair.up).some((body) =>
    body.getDescendantsOfKind(SyntaxKind.BinaryExpression).some((binary) => binary.getOperatorToken().getKind() === SyntaxKind.EqualsToken && isThisField(binary.getLeft(), field)),
  );
  if (!assigned) return false;
  return pathBodies(cls, pair.down).some((body) =>
    body.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
      const callee = skipOuterExpressions(call.getExpression());
      return Node.isPropertyAccessExpression(callee) && DESTROY.has(callee.getName()) && isThisField(callee.getExpression(), field);
    }),
  );
}

/** Is `emitter` an object the extension creates on its enable path and destroys on its disable path? */
export function isExtensionScoped(emitter: Node, pair: LifecyclePair): boolean {
  const found = extensionField(emitter, pair, MAX_HOPS);
  return found !== undefined && createdAndDestroyed(found.cls, found.field, pair);
}
