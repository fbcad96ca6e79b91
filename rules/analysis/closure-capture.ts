// Does a slot keep `this` alive? A closure does when it uses `this` (an arrow function), a captured
// alias of it (`const self = this`), or is bound to it (`fn.bind(this)`). An emitter that keeps
// such a slot keeps the object alive with it.
import { Node, VariableDeclarationKind } from 'ts-morph';
import { isThis, thisClassOf, unwrapExpression, type ClassLike } from './ownership.js';

/** How a slot holds on to the instance of `cls`, or undefined when it does not. */
export type Capture = 'this' | 'alias' | 'bind' | 'arrow-field';

const MAX_DEPTH = 4;

/** Is `node` a `const self = this` alias in a method of `cls`? */
function isThisAlias(identifier: Node, cls: ClassLike): boolean {
  const declaration = identifier.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isVariableDeclaration(declaration)) return false;
  const initializer = declaration.getInitializer();
  return initializer !== undefined && isThis(initializer) && thisClassOf(initializer) === cls;
}

/** Does the body of `fn` use `this` of `cls` or an alias of it? (Nested arrows count, nested functions only through aliases.) */
function bodyCaptures(fn: Node, cls: ClassLike): Capture | undefined {
  let found: Capture | undefined;
  fn.forEachDescendant((node, traversal) => {
    if (found !== undefined) {
      traversal.stop();
      return;
    }
    if ((Node.isThisExpression(node) || Node.isSuperExpression(node)) && thisClassOf(node) === cls) found = 'this';
    else if (Node.isIdentifier(node) && isThisAlias(node, cls)) found = 'alias';
    else if (Node.isClassDeclaration(node) || Node.isClassExpression(node)) traversal.skip();
  });
  return found;
}

/** The slot expression's capture of the instance of `cls` (the class whose method connects). */
export function slotCapture(slot: Node, cls: ClassLike, depth = 0): Capture | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrapExpression(slot);
  if (Node.isArrowFunction(node) || Node.isFunctionExpression(node)) return bodyCaptures(node, cls);
  if (Node.isCallExpression(node)) {
    // `this.onChange.bind(this)`, `function () {…}.bind(self)`
    const callee = unwrapExpression(node.getExpression());
    const [bound] = node.getArguments();
    if (Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind' && bound !== undefined) {
      if (isThis(bound) && thisClassOf(bound) === cls) return 'bind';
      const inner = unwrapExpression(bound);
      if (Node.isIdentifier(inner) && isThisAlias(inner, cls)) return 'bind';
    }
    return undefined;
  }
  if (Node.isPropertyAccessExpression(node) && isThis(node.getExpression()) && thisClassOf(node) === cls) {
    // `this.onChange` where `onChange = () => { … this … }` is an arrow-function field.
    const member = cls.getInstanceMember(node.getName());
    if (member !== undefined && Node.isPropertyDeclaration(member)) {
      const initializer = member.getInitializer();
      if (initializer !== undefined && Node.isArrowFunction(unwrapExpression(initializer))) {
        return bodyCaptures(initializer, cls) !== undefined ? 'arrow-field' : undefined;
      }
    }
    return undefined;
  }
  if (Node.isIdentifier(node)) {
    // `const onChange = () => this.refresh(); model.changed.connect(onChange)`
    const declaration = node.getSymbol()?.getDeclarations()[0];
    if (declaration !== undefined && Node.isVariableDeclaration(declaration)) {
      const initializer = declaration.getInitializer();
      if (initializer !== undefined && declaration.getVariableStatement()?.getDeclarationKind() === VariableDeclarationKind.Const) {
        return slotCapture(initializer, cls, depth + 1);
      }
    }
  }
  return undefined;
}
