// Does a slot keep `this` alive? A closure does when it uses `this` (an arrow function), a captured
// alias of it (`const self = this`), or is bound to it (`fn.bind(this)`). An emitter that keeps
// such a slot keeps the object alive with it.
import { Node, ts, VariableDeclarationKind } from 'ts-morph';
import { isThis, thisClassOf, unwrapExpression, type ClassLike } from './ownership.js';
import { forEachCompilerDescendant, wrapCompilerNode } from './wrap-node.js';
import { skipOuter } from './holders.js';

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

const aliasNamesMemo = new WeakMap<ts.Node, ReadonlySet<string>>();

/**
 * The names of every `const self = this`-like declaration inside `cls` (compiler AST, once per
 * class): an identifier with another name cannot be an alias of this class's `this`, so it is
 * judged without wrapping it or asking for its symbol.
 */
function aliasNames(cls: ClassLike): ReadonlySet<string> {
  const known = aliasNamesMemo.get(cls.compilerNode);
  if (known !== undefined) return known;
  const names = new Set<string>();
  forEachCompilerDescendant(cls.compilerNode, (node) => {
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.initializer !== undefined) {
      const inner = skipOuter(node.initializer);
      if (inner.kind === ts.SyntaxKind.ThisKeyword || inner.kind === ts.SyntaxKind.SuperKeyword) names.add(node.name.text);
    }
  });
  aliasNamesMemo.set(cls.compilerNode, names);
  return names;
}

/** Does the body of `fn` use `this` of `cls` or an alias of it? (Nested arrows count, nested functions only through aliases.) */
function bodyCaptures(fn: Node, cls: ClassLike): Capture | undefined {
  let found: Capture | undefined;
  const file = fn.getSourceFile();
  const aliases = aliasNames(cls);
  // On the compiler's AST; only `this`, `super` and identifiers named like an alias are wrapped.
  forEachCompilerDescendant(fn.compilerNode, (raw) => {
    if (raw.kind === ts.SyntaxKind.ThisKeyword || raw.kind === ts.SyntaxKind.SuperKeyword) {
      const node = wrapCompilerNode(file, raw);
      if (node !== undefined && thisClassOf(node) === cls) found = 'this';
    } else if (ts.isIdentifier(raw)) {
      const node = aliases.has(raw.text) ? wrapCompilerNode(file, raw) : undefined;
      if (node !== undefined && isThisAlias(node, cls)) found = 'alias';
    } else if (ts.isClassDeclaration(raw) || ts.isClassExpression(raw)) {
      return 'skip';
    }
    return found === undefined ? undefined : 'stop';
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
