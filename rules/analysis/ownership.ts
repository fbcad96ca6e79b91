// Ownership: does `this` own the object an expression denotes? The second family of leaks (a
// short-lived object connecting a closure to a long-lived emitter) only exists when the emitter is
// NOT owned, so both `no-unbound-closure-slot` and `no-ignored-connection` ask this question.
//
// Precision comes first: every shape that is not clearly owned or clearly foreign is `unknown`,
// and the rules stay silent on `unknown`.
import { isBuiltin } from 'node:module';
import { Node, SyntaxKind, ts, type CallExpression, type ClassDeclaration, type ClassExpression, type BinaryExpression, type BindingElement, type ParameterDeclaration, type VariableDeclaration } from 'ts-morph';
import { callerVerdict, type CallerSource } from './caller-lifetimes.js';
import { skipOuterExpressions } from './type-queries.js';
import { forEachCompilerDescendant, wrapCompilerNode } from './wrap-node.js';

export type ClassLike = ClassDeclaration | ClassExpression;

/** Why `this` owns an object. */
export type OwnedReason =
  | 'self' // `this` itself (or `super`)
  | 'created' // created by this object and kept in its own field
  | 'child' // `this` passed as parent to its constructor, or `setParent(this)`
  | 'tracked' // `this.track(x)`
  | 'own-dom'; // a decorated field that queries the component's own DOM (`@query('button')`)

/** Why an object outlives `this` (or at least is not ended by it). */
export type ForeignReason =
  | 'parameter' // a parameter of the enclosing function
  | 'injected' // a field filled from outside: parameter property, constructor/setter argument, `inject()`, decorated
  | 'module' // a module-level binding or an imported one (a singleton)
  | 'global' // globalThis, window, document, GJS `global`, any ambient declaration
  | 'parent' // this object's parent (it outlives its children)
  | 'through-other'; // reached through another, not owned, object

export type Ownership =
  | { readonly kind: 'owned'; readonly reason: OwnedReason }
  /** `violatedBy`: the caller (file:line) that passes a longer-lived object at this parameter. */
  | { readonly kind: 'foreign'; readonly reason: ForeignReason; readonly origin: string; readonly violatedBy?: string }
  /** Created inside the current function and not kept: it lives no longer than the code that made it. */
  | { readonly kind: 'local' }
  | { readonly kind: 'unknown' };

export interface OwnershipOptions {
  /** Whether a call returns a fresh object (a factory). The analysis core plugs its summaries here. */
  readonly isFreshCall?: (call: CallExpression) => boolean;
  /** Where the callers of a function or constructor are looked for; without it a parameter outlives the receiver. */
  readonly callers?: CallerSource;
  /** Members of the platform that reach an ancestor of a node (`parentNode`, `assignedSlot`): it outlives the node. */
  readonly ancestorMembers?: ReadonlySet<string>;
}

const UNKNOWN: Ownership = { kind: 'unknown' };
const LOCAL: Ownership = { kind: 'local' };
const owned = (reason: OwnedReason): Ownership => ({ kind: 'owned', reason });
const foreign = (reason: ForeignReason, origin: string): Ownership => ({ kind: 'foreign', reason, origin });

/** Names that denote the global object or a host singleton even when no declaration is visible. */
const GLOBAL_NAMES = new Set(['globalThis', 'window', 'document', 'global', 'self', 'process', 'navigator', 'location', 'history']);
/** What a caller can pass that outlives the object it creates: a singleton, a global, its own injected service, its parent. */
const LONGER_LIVED: ReadonlySet<ForeignReason> = new Set(['module', 'global', 'injected', 'parent']);
/**
 * Conventional factory method names: `document.createElement`, `node.cloneNode`, `makeRow()`,
 * `redis.duplicate()`, `child_process.spawn(…)`/`fork(…)`: the result is a new object, not a part
 * of the object the method is called on.
 */
const FRESH_METHOD = /^(?:create|clone|make|build|duplicate|spawn|fork)(?:[A-Z_]|$)/;
/** Accessors of a shared instance: `getDefault()`, GJS's `get_default()`, `getInstance()`, `instance()`, `shared()`. */
const SINGLETON_ACCESSOR = /^(?:get_?(?:default|instance|shared)|instance|shared|default)$/i;
/**
 * Decorators whose field is an element of the component's own rendered DOM (lit's `@query`,
 * `@queryAll`, `@queryAsync`, `@queryAssignedElements`/`Nodes`; Angular's `@ViewChild(ren)`;
 * Stencil's `@Element()`, the host itself): it lives and dies with the component.
 */
const OWN_DOM_DECORATORS = new Set(['query', 'queryAll', 'queryAsync', 'queryAssignedElements', 'queryAssignedNodes', 'ViewChild', 'ViewChildren', 'Element']);
/**
 * Methods of the platform's declared APIs (a declaration file) that return a new object, not a
 * part of the receiver: `el.animate(…)` (a new Animation). Listeners on it live as long as it.
 */
const FRESH_DECLARED_METHODS = new Set(['animate']);
/** Array methods whose result holds the receiver's elements. */
const COPYING_METHODS = new Set(['slice', 'concat', 'filter', 'reverse', 'sort', 'toReversed', 'toSorted']);
/** Array methods that put their arguments into the receiver. */
const ADDING_METHODS = new Set(['push', 'unshift']);
/** Receiver-side calls that make the argument owned by `this`. */
const TRACK_METHODS = new Set(['track']);
const PARENT_METHODS = new Set(['setParent']);

/** Functions and classes give `this` a new meaning inside them (arrow functions do not). */
function rebindsThis(node: Node): boolean {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isFunctionExpression(node) ||
    Node.isClassDeclaration(node) ||
    Node.isClassExpression(node) ||
    Node.isClassStaticBlockDeclaration(node)
  );
}

/** The class whose instance `this` denotes at `node`, or undefined (functions, statics, object literals). */
export function thisClassOf(node: Node): ClassLike | undefined {
  for (let current = node.getParent(); current !== undefined; current = current.getParent()) {
    if (Node.isArrowFunction(current)) continue;
    if (
      Node.isConstructorDeclaration(current) ||
      Node.isMethodDeclaration(current) ||
      Node.isGetAccessorDeclaration(current) ||
      Node.isSetAccessorDeclaration(current) ||
      Node.isPropertyDeclaration(current)
    ) {
      const owner = current.getParent();
      if (!Node.isClassDeclaration(owner) && !Node.isClassExpression(owner)) return undefined;
      if (!Node.isConstructorDeclaration(current) && current.isStatic()) return undefined;
      return owner;
    }
    if (rebindsThis(current) || Node.isSourceFile(current) || Node.isModuleBlock(current)) return undefined;
  }
  return undefined;
}

/** Strips parentheses, `as`, `!`, `satisfies` and `<T>` casts (the core's helper, under the name this module uses). */
export const unwrapExpression = skipOuterExpressions;

export function isThis(node: Node): boolean {
  const inner = unwrapExpression(node);
  return Node.isThisExpression(inner) || Node.isSuperExpression(inner);
}

/** Does a `new`/call argument list hand `this` over as parent (`new Row(this)`, `new Row({ parent: this })`)? */
function passesThis(args: readonly Node[]): boolean {
  return args.some((arg) => {
    if (isThis(arg)) return true;
    const inner = unwrapExpression(arg);
    return (
      Node.isObjectLiteralExpression(inner) &&
      inner.getProperties().some((property) => Node.isPropertyAssignment(property) && isThis(property.getInitializerOrThrow()))
    );
  });
}

/** What a class does with its own fields, gathered in one walk of the class. */
interface ClassIndex {
  /** `this.name = value` (and the initializer) per field name. */
  readonly sources: Map<string, Node[]>;
  /** Fields passed to `this.track(…)` or given `this` as parent. */
  readonly ownedFields: Set<string>;
}

/** Walks `root` (compiler AST) without entering functions or classes that rebind `this`. */
function forEachRawInThisScope(root: ts.Node, visit: (node: ts.Node) => void): void {
  const walk = (node: ts.Node): void => {
    if (ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node) || ts.isClassStaticBlockDeclaration(node)) return;
    visit(node);
    ts.forEachChild(node, walk);
  };
  ts.forEachChild(root, walk);
}

function rawUnwrap(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isNonNullExpression(current) || ts.isSatisfiesExpression(current) || ts.isTypeAssertionExpression(current)) {
    current = current.expression;
  }
  return current;
}

function rawIsThis(node: ts.Expression): boolean {
  const inner = rawUnwrap(node);
  return inner.kind === SyntaxKind.ThisKeyword || inner.kind === SyntaxKind.SuperKeyword;
}

/** Compiler-AST `this.name` / `this['name']` → name. */
function rawThisMemberName(node: ts.Expression): string | undefined {
  const inner = rawUnwrap(node);
  if (ts.isPropertyAccessExpression(inner) && rawIsThis(inner.expression)) return inner.name.text;
  if (ts.isElementAccessExpression(inner) && rawIsThis(inner.expression) && ts.isStringLiteral(inner.argumentExpression)) return inner.argumentExpression.text;
  return undefined;
}

/** Compiler-AST `this.track(this.name)` / `this.name.setParent(this)` → name. */
function rawOwnedField(call: ts.CallExpression): string | undefined {
  const callee = rawUnwrap(call.expression);
  const [first] = call.arguments;
  if (!ts.isPropertyAccessExpression(callee) || first === undefined) return undefined;
  const method = callee.name.text;
  if (TRACK_METHODS.has(method) && rawIsThis(callee.expression)) return rawThisMemberName(first);
  if (PARENT_METHODS.has(method) && rawIsThis(first)) return rawThisMemberName(callee.expression);
  return undefined;
}

/** `this.name` (or `this['name']`) → name. */
function thisMemberName(node: Node): string | undefined {
  const inner = unwrapExpression(node);
  if (Node.isPropertyAccessExpression(inner) && isThis(inner.getExpression())) return inner.getName();
  if (Node.isElementAccessExpression(inner) && isThis(inner.getExpression())) {
    const argument = inner.getArgumentExpression();
    if (argument !== undefined && Node.isStringLiteral(argument)) return argument.getLiteralValue();
  }
  return undefined;
}

/**
 * Every assignment and call under `scope` whose text names the variable (any node for a
 * destructured one), wrapped one by one from the compiler's AST: a ts-morph walk would wrap them all.
 */
function forEachMention(scope: Node | undefined, declaration: VariableDeclaration, visit: (node: Node) => void): void {
  if (scope === undefined) return;
  const nameNode = declaration.getNameNode();
  if (!Node.isIdentifier(nameNode)) {
    scope.forEachDescendant(visit);
    return;
  }
  const name = nameNode.getText();
  const file = scope.getSourceFile();
  const text = file.compilerNode.text;
  forEachCompilerDescendant(scope.compilerNode, (raw) => {
    const candidate = (ts.isBinaryExpression(raw) && raw.operatorToken.kind === SyntaxKind.EqualsToken) || ts.isCallExpression(raw);
    if (!candidate || !text.slice(raw.pos, raw.end).includes(name)) return undefined;
    const node = wrapCompilerNode(file, raw);
    if (node !== undefined) visit(node);
    return undefined;
  });
}

function isAssignment(node: Node): node is BinaryExpression {
  return Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
}

/** `this.track(x)` / `x.setParent(this)`: the call that makes `x` owned, or undefined. */
function ownershipCallTarget(call: CallExpression): { target: Node; reason: OwnedReason } | undefined {
  const callee = unwrapExpression(call.getExpression());
  if (!Node.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.getName();
  const [first] = call.getArguments();
  if (first === undefined) return undefined;
  if (TRACK_METHODS.has(method) && isThis(callee.getExpression())) return { target: first, reason: 'tracked' };
  if (PARENT_METHODS.has(method) && isThis(first)) return { target: callee.getExpression(), reason: 'child' };
  return undefined;
}

function symbolDeclarations(node: Node): Node[] {
  return node.getSymbol()?.getDeclarations() ?? [];
}

function isAmbient(node: Node): boolean {
  if (node.getSourceFile().isDeclarationFile()) return true;
  const statement = Node.isVariableDeclaration(node) ? node.getVariableStatement() : undefined;
  return statement?.hasDeclareKeyword() === true;
}

function isModuleLevel(declaration: Node): boolean {
  const statement = Node.isVariableDeclaration(declaration) ? declaration.getVariableStatement() : undefined;
  const container = statement?.getParent();
  return container !== undefined && (Node.isSourceFile(container) || Node.isModuleBlock(container));
}

/** A parameter of a function passed inline as an argument (`rows.forEach(row => …)`): its value is not a caller's. */
export function isCallbackParameter(parameter: Node): boolean {
  const fn = parameter.getParent();
  if (fn === undefined || !(Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) return false;
  let argument: Node = fn;
  let site = fn.getParent();
  while (site !== undefined && (Node.isParenthesizedExpression(site) || Node.isAsExpression(site))) {
    argument = site;
    site = site.getParent();
  }
  return site !== undefined && (Node.isCallExpression(site) || Node.isNewExpression(site)) && site.getArguments().includes(argument);
}

/** `el.animate` where `animate` is declared in a declaration file (lib.dom.d.ts), not a look-alike of the program. */
function isDeclaredFresh(callee: Node): boolean {
  if (!Node.isPropertyAccessExpression(callee) || !FRESH_DECLARED_METHODS.has(callee.getName())) return false;
  const declarations = callee.getNameNode().getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile());
}

/** `node.parentNode` where `parentNode` is the platform's (TypeScript's `lib.*.d.ts`, not a library's look-alike), or the object is `any` (unchecked DOM code). */
function isPlatformMember(object: Node, name: string): boolean {
  const type = object.getType();
  // A written `any` is unchecked DOM code; a type that did not resolve (the checker's error type) says nothing.
  if (type.isAny()) return (type.compilerType as { intrinsicName?: string }).intrinsicName === 'any';
  const declarations = type.getProperty(name)?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => /^lib\..*\.d\.ts$/.test(declaration.getSourceFile().getBaseName()));
}

/** `mqtt` of `import mqtt from 'mqtt'` (or a named, namespace or `import =` binding). */
function isImportBinding(node: Node): boolean {
  const declaration = Node.isIdentifier(node) ? node.getSymbol()?.getDeclarations()[0] : undefined;
  return (
    declaration !== undefined &&
    (Node.isImportSpecifier(declaration) || Node.isImportClause(declaration) || Node.isNamespaceImport(declaration) || Node.isImportEqualsDeclaration(declaration))
  );
}

/** The module an import binding comes from (`'cluster'` for `import cluster from 'cluster'`), if written as a string. */
function importedModule(declaration: Node): string | undefined {
  if (Node.isImportEqualsDeclaration(declaration)) {
    const reference = declaration.getModuleReference();
    const expression = Node.isExternalModuleReference(reference) ? reference.getExpression() : undefined;
    return expression !== undefined && Node.isStringLiteral(expression) ? expression.getLiteralValue() : undefined;
  }
  return declaration.getFirstAncestorByKind(SyntaxKind.ImportDeclaration)?.getModuleSpecifierValue();
}

/** Folds the verdicts of every value a binding can hold. */
export function combineOwnership(verdicts: readonly Ownership[], unknownVetoes = true): Ownership {
  const known = !unknownVetoes && verdicts.some((verdict) => verdict.kind === 'foreign') ? verdicts.filter((verdict) => verdict.kind !== 'unknown') : verdicts;
  const [first] = known;
  if (first === undefined) return UNKNOWN;
  return known.every((verdict) => verdict.kind === first.kind) ? first : UNKNOWN;
}

function isAbsentValue(node: Node): boolean {
  const inner = unwrapExpression(node);
  return (
    Node.isNullLiteral(inner) ||
    (Node.isIdentifier(inner) && inner.getText() === 'undefined') ||
    Node.isVoidExpression(inner)
  );
}

/**
 * Answers "does `this` own what this expression denotes?" for expressions in one program. Results
 * per class are memoized on the compiler nodes, so one instance can serve a whole lint run.
 */
export class OwnershipAnalysis {
  readonly #classes = new WeakMap<ts.Node, ClassIndex>();
  readonly #fields = new WeakMap<ts.Node, Map<string, Ownership>>();
  readonly #inProgress = new Set<string>();
  /** Callers' verdicts on parameters, asked from the top (see #parameter). */
  readonly #parameters = new Map<string, Ownership>();
  readonly #isFreshCall: (call: CallExpression) => boolean;
  readonly #callers: CallerSource | undefined;
  readonly #ancestorMembers: ReadonlySet<string>;

  constructor(options: OwnershipOptions = {}) {
    this.#isFreshCall = options.isFreshCall ?? (() => false);
    this.#callers = options.callers;
    this.#ancestorMembers = options.ancestorMembers ?? new Set();
  }

  /** The ownership of the object `expression` evaluates to, seen from where it stands. */
  ownershipOf(expression: Node): Ownership {
    const node = unwrapExpression(expression);
    if (Node.isThisExpression(node) || Node.isSuperExpression(node)) {
      return thisClassOf(node) !== undefined ? owned('self') : UNKNOWN;
    }
    if (Node.isIdentifier(node)) return this.#identifier(node);
    if (Node.isPropertyAccessExpression(node)) return this.#member(node.getExpression(), node.getName());
    if (Node.isElementAccessExpression(node)) {
      const name = thisMemberName(node);
      return name !== undefined ? this.#member(node.getExpression(), name) : this.#reachedThrough(node.getExpression());
    }
    if (Node.isNewExpression(node)) return this.#created(node.getArguments());
    if (Node.isCallExpression(node)) return this.#call(node);
    if (Node.isConditionalExpression(node)) {
      return combineOwnership([this.ownershipOf(node.getWhenTrue()), this.ownershipOf(node.getWhenFalse())]);
    }
    if (Node.isBinaryExpression(node)) {
      const operator = node.getOperatorToken().getKind();
      if (operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.BarBarToken) {
        return combineOwnership([this.ownershipOf(node.getLeft()), this.ownershipOf(node.getRight())]);
      }
      if (operator === SyntaxKind.EqualsToken || operator === SyntaxKind.CommaToken || operator === SyntaxKind.AmpersandAmpersandToken) {
        return this.ownershipOf(node.getRight());
      }
    }
    return UNKNOWN;
  }

  /** Shorthand: owned by `this` (self, created, child, tracked). */
  isOwned(expression: Node): boolean {
    return this.ownershipOf(expression).kind === 'owned';
  }

  #created(args: readonly Node[]): Ownership {
    return passesThis(args) ? owned('child') : LOCAL;
  }

  #call(call: CallExpression): Ownership {
    const target = ownershipCallTarget(call);
    if (target?.reason === 'tracked') return owned('tracked');
    if (this.#isFreshCall(call)) return this.#created(call.getArguments());
    const callee = unwrapExpression(call.getExpression());
    if (Node.isIdentifier(callee)) {
      // Angular's `inject(Service)` and its look-alikes hand out a shared instance.
      return callee.getText() === 'inject' ? foreign('injected', call.getText()) : UNKNOWN;
    }
    if (!Node.isPropertyAccessExpression(callee)) return UNKNOWN;
    if (FRESH_METHOD.test(callee.getName()) || isDeclaredFresh(callee)) return this.#created(call.getArguments());
    // `mqtt.connect(…)`, `packet.parser(…)`: a function of an imported module makes something, unless
    // it is named for the one instance it hands out (`Manager.getDefault()`).
    if (isImportBinding(unwrapExpression(callee.getExpression())) && !SINGLETON_ACCESSOR.test(callee.getName())) return UNKNOWN;
    return this.#reachedThrough(callee.getExpression());
  }

  /** Something reached through `base` (a member, an element, a method's result). */
  #reachedThrough(base: Node): Ownership {
    const verdict = this.ownershipOf(base);
    if (verdict.kind !== 'foreign') return UNKNOWN;
    if (verdict.reason === 'global' || verdict.reason === 'module') return verdict;
    return foreign('through-other', `reached through \`${unwrapExpression(base).getText()}\``);
  }

  #identifier(identifier: Node): Ownership {
    const name = identifier.getText();
    const declarations = symbolDeclarations(identifier);
    const [declaration] = declarations;
    if (declaration === undefined) {
      return GLOBAL_NAMES.has(name) ? foreign('global', `the global \`${name}\``) : UNKNOWN;
    }
    if (
      Node.isImportSpecifier(declaration) ||
      Node.isImportClause(declaration) ||
      Node.isNamespaceImport(declaration) ||
      Node.isImportEqualsDeclaration(declaration)
    ) {
      // Node's built-in modules (`cluster`, `process`, `os`) are the process's own singletons, like `process`.
      const specifier = importedModule(declaration);
      if (specifier !== undefined && isBuiltin(specifier)) return foreign('global', `the process-wide \`${name}\` (Node's \`${specifier}\` module)`);
      return foreign('module', `the imported \`${name}\``);
    }
    if (isAmbient(declaration)) return foreign('global', `the global \`${name}\``);
    if (Node.isParameterDeclaration(declaration)) {
      return isCallbackParameter(declaration) ? UNKNOWN : this.#parameter(declaration, 'parameter', `the parameter \`${name}\``);
    }
    if (Node.isBindingElement(declaration)) return this.#bindingElement(declaration, name);
    if (Node.isVariableDeclaration(declaration)) {
      if (isModuleLevel(declaration)) return foreign('module', `the module-level \`${name}\``);
      return this.#localVariable(declaration, identifier);
    }
    if (Node.isFunctionDeclaration(declaration) || Node.isClassDeclaration(declaration) || Node.isEnumDeclaration(declaration)) {
      return foreign('module', `\`${name}\``);
    }
    return UNKNOWN;
  }

  /**
   * A parameter judged by its callers (caller-lifetimes.ts): named with the first caller that
   * passes a longer-lived object, not judged when every caller passes one whose lifetime it manages,
   * longer-lived (as before) when nothing in the program calls it.
   */
  #parameter(parameter: ParameterDeclaration, reason: 'parameter' | 'injected', origin: string): Ownership {
    if (this.#callers === undefined) return foreign(reason, origin);
    const callers = this.#callers;
    const key = `param:${parameter.getSourceFile().getFilePath()}:${parameter.getStart()}`;
    const known = this.#parameters.get(`${key}:${reason}:${origin}`);
    if (known !== undefined) return known;
    if (this.#inProgress.has(key)) return UNKNOWN;
    // Kept only when asked from the top: a verdict reached inside a cycle saw part of the callers' answers.
    const topLevel = this.#inProgress.size === 0;
    this.#inProgress.add(key);
    try {
      const verdict = this.#callersVerdict(parameter, reason, origin, callers);
      if (topLevel) this.#parameters.set(`${key}:${reason}:${origin}`, verdict);
      return verdict;
    } finally {
      this.#inProgress.delete(key);
    }
  }


  #callersVerdict(parameter: ParameterDeclaration, reason: 'parameter' | 'injected', origin: string, callers: CallerSource): Ownership {
    const verdict = callerVerdict(parameter, (argument) => {
      const passed = this.ownershipOf(argument);
      const longer = passed.kind === 'foreign' && LONGER_LIVED.has(passed.reason);
      return { longer, origin: passed.kind === 'foreign' ? passed.origin : '' };
    }, callers);
    if (verdict.kind === 'satisfied') return UNKNOWN;
    if (verdict.kind === 'violated') return { kind: 'foreign', reason, origin: `${origin}, which ${verdict.where} passes as ${verdict.passes}`, violatedBy: verdict.where };
    return foreign(reason, origin);
  }

  #bindingElement(element: BindingElement, name: string): Ownership {
    let root: Node | undefined = element;
    while (root !== undefined && (Node.isBindingElement(root) || Node.isObjectBindingPattern(root) || Node.isArrayBindingPattern(root))) {
      root = root.getParent();
    }
    if (root === undefined) return UNKNOWN;
    if (Node.isParameterDeclaration(root)) {
      return isCallbackParameter(root) ? UNKNOWN : foreign('parameter', `the parameter \`${name}\``);
    }
    if (!Node.isVariableDeclaration(root)) return UNKNOWN;
    if (isModuleLevel(root)) return foreign('module', `the module-level \`${name}\``);
    // `const { model } = this` and `const { model } = deps`: a member of the destructured value.
    const initializer = root.getInitializer();
    const pattern = element.getParent();
    if (initializer === undefined || !Node.isObjectBindingPattern(pattern) || pattern.getParent() !== root) return UNKNOWN;
    const property = element.getPropertyNameNode()?.getText() ?? element.getName();
    return this.#member(initializer, property);
  }

  #localVariable(declaration: VariableDeclaration, use: Node): Ownership {
    const list = declaration.getParent();
    const loop = list?.getParent();
    if (loop !== undefined && (Node.isForOfStatement(loop) || Node.isForInStatement(loop))) {
      const elements = Node.isForOfStatement(loop) ? this.#elementsOf(loop.getExpression()) : UNKNOWN;
      if (elements.kind === 'foreign') return foreign('through-other', `an element of \`${loop.getExpression().getText()}\` (${elements.origin})`);
      return this.#reachedThrough(loop.getExpression());
    }
    const key = `var:${declaration.getSourceFile().getFilePath()}:${declaration.getStart()}`;
    if (this.#inProgress.has(key)) return UNKNOWN;
    this.#inProgress.add(key);
    try {
      const scope = declaration.getFirstAncestor(
        (node) => Node.isFunctionLikeDeclaration(node) || Node.isSourceFile(node) || Node.isClassStaticBlockDeclaration(node),
      );
      const symbol = declaration.getSymbol();
      const sources: Node[] = [];
      const initializer = declaration.getInitializer();
      if (initializer !== undefined) sources.push(initializer);
      let madeOwned: OwnedReason | undefined;
      forEachMention(scope, declaration, (node) => {
        if (isAssignment(node)) {
          const left = unwrapExpression(node.getLeft());
          if (Node.isIdentifier(left) && left.getSymbol() === symbol) sources.push(node.getRight());
          // `this.row = row`: kept in this object's own field.
          const right = unwrapExpression(node.getRight());
          if (thisMemberName(left) !== undefined && Node.isIdentifier(right) && right.getSymbol() === symbol) madeOwned ??= 'created';
        } else if (Node.isCallExpression(node)) {
          const target = ownershipCallTarget(node);
          if (target !== undefined) {
            const inner = unwrapExpression(target.target);
            if (Node.isIdentifier(inner) && inner.getSymbol() === symbol) madeOwned ??= target.reason;
          }
        }
      });
      const verdict = combineOwnership(sources.filter((source) => !isAbsentValue(source)).map((source) => this.ownershipOf(source)), false);
      if (verdict.kind === 'local' && madeOwned !== undefined && thisClassOf(use) !== undefined) return owned(madeOwned);
      return verdict;
    } finally {
      this.#inProgress.delete(key);
    }
  }

  /**
   * What the elements of a collection are: the values put into it (`list.push(x)`, an array literal,
   * `list = other`, `other.slice(…)`), for a local array or a field of `this`. An unknown element
   * does not veto a foreign one: the code must be right for the elements that outlive it.
   */
  #elementsOf(expression: Node): Ownership {
    const node = unwrapExpression(expression);
    if (Node.isBinaryExpression(node) && node.getOperatorToken().getKind() === SyntaxKind.EqualsToken) return this.#elementsOf(node.getRight());
    if (Node.isArrayLiteralExpression(node)) return combineOwnership(node.getElements().filter((element) => !Node.isSpreadElement(element)).map((element) => this.ownershipOf(element)), false);
    if (Node.isCallExpression(node)) {
      const callee = unwrapExpression(node.getExpression());
      return Node.isPropertyAccessExpression(callee) && COPYING_METHODS.has(callee.getName()) ? this.#elementsOf(callee.getExpression()) : UNKNOWN;
    }
    const field = thisMemberName(node);
    const cls = field === undefined ? undefined : thisClassOf(node);
    const declaration = Node.isIdentifier(node) ? node.getSymbol()?.getDeclarations()[0] : undefined;
    const scope =
      cls ?? (declaration !== undefined && Node.isVariableDeclaration(declaration) && !isModuleLevel(declaration) ? declaration.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor)) : undefined);
    if (scope === undefined) return UNKNOWN;
    const key = `elements:${node.getSourceFile().getFilePath()}:${field ?? ''}:${declaration?.getStart() ?? scope.getStart()}`;
    if (this.#inProgress.has(key)) return UNKNOWN;
    this.#inProgress.add(key);
    try {
      const names = (candidate: Node): boolean => {
        const inner = unwrapExpression(candidate);
        if (field !== undefined) return thisMemberName(inner) === field;
        return Node.isIdentifier(inner) && inner.getSymbol()?.getDeclarations()[0] === declaration;
      };
      const verdicts: Ownership[] = [];
      if (declaration !== undefined && Node.isVariableDeclaration(declaration)) {
        const initializer = declaration.getInitializer();
        if (initializer !== undefined && !isAbsentValue(initializer)) verdicts.push(this.#elementsOf(initializer));
      }
      scope.forEachDescendant((descendant) => {
        if (isAssignment(descendant) && names(descendant.getLeft()) && !isAbsentValue(descendant.getRight())) verdicts.push(this.#elementsOf(descendant.getRight()));
        if (!Node.isCallExpression(descendant)) return;
        const callee = unwrapExpression(descendant.getExpression());
        if (Node.isPropertyAccessExpression(callee) && ADDING_METHODS.has(callee.getName()) && names(callee.getExpression())) {
          for (const argument of descendant.getArguments()) verdicts.push(this.ownershipOf(argument));
        }
      });
      return combineOwnership(verdicts, false);
    } finally {
      this.#inProgress.delete(key);
    }
  }

  #member(objectExpression: Node, name: string): Ownership {
    const object = unwrapExpression(objectExpression);
    if (!Node.isThisExpression(object) && !Node.isSuperExpression(object) && this.#ancestorMembers.has(name) && isPlatformMember(object, name)) {
      return foreign('parent', `an ancestor of \`${object.getText()}\` in the document`);
    }
    if (!Node.isThisExpression(object) && !Node.isSuperExpression(object)) {
      const base = this.ownershipOf(object);
      if (base.kind === 'foreign') {
        if (base.reason === 'global' || base.reason === 'module') return base;
        return foreign('through-other', `reached through \`${object.getText()}\``);
      }
      return UNKNOWN;
    }
    const cls = thisClassOf(object);
    if (cls === undefined) return UNKNOWN;
    return this.#field(cls, name);
  }

  #field(cls: ClassLike, name: string): Ownership {
    let perClass = this.#fields.get(cls.compilerNode);
    if (perClass === undefined) {
      perClass = new Map();
      this.#fields.set(cls.compilerNode, perClass);
    }
    const cached = perClass.get(name);
    if (cached !== undefined) return cached;
    const key = `field:${cls.getSourceFile().getFilePath()}:${cls.getStart()}:${name}`;
    if (this.#inProgress.has(key)) return UNKNOWN;
    this.#inProgress.add(key);
    try {
      const verdict = this.#computeField(cls, name);
      perClass.set(name, verdict);
      return verdict;
    } finally {
      this.#inProgress.delete(key);
    }
  }

  #computeField(cls: ClassLike, name: string): Ownership {
    const index = this.#index(cls);
    if (index.ownedFields.has(name)) return owned('tracked');
    // By name, not by symbol: GJS classes often extend an `any` base, where `this.x` has no symbol.
    const declaredHere = cls.getInstanceMember(name);
    if (declaredHere !== undefined && Node.isParameterDeclaration(declaredHere)) {
      return this.#parameter(declaredHere, 'injected', `the injected \`this.${name}\``);
    }
    if (declaredHere !== undefined && Node.isGetAccessorDeclaration(declaredHere)) {
      const body = declaredHere.getBody();
      const statements = body !== undefined && Node.isBlock(body) ? body.getStatements() : [];
      const [only] = statements;
      const returned = statements.length === 1 && only !== undefined && Node.isReturnStatement(only) ? only.getExpression() : undefined;
      return returned !== undefined ? this.ownershipOf(returned) : UNKNOWN;
    }
    const sources = (index.sources.get(name) ?? []).filter((source) => !isAbsentValue(source));
    if (sources.length === 0) {
      if (declaredHere !== undefined && Node.isPropertyDeclaration(declaredHere) && declaredHere.getDecorators().length > 0) {
        if (declaredHere.getDecorators().some((decorator) => OWN_DOM_DECORATORS.has(decorator.getName()))) return owned('own-dom');
        return foreign('injected', `the injected \`this.${name}\``);
      }
      // Inherited and never assigned here: `parent` is the one member whose meaning is fixed.
      if (declaredHere === undefined && name === 'parent') return foreign('parent', `this object's parent`);
      return UNKNOWN;
    }
    const verdicts = sources.map((source) => {
      const verdict = this.ownershipOf(source);
      if (verdict.kind === 'local') return owned('created');
      if (verdict.kind === 'foreign' && verdict.reason === 'parameter') {
        return foreign('injected', `\`this.${name}\` (assigned from ${verdict.origin})`);
      }
      return verdict;
    });
    const verdict = combineOwnership(verdicts);
    if (verdict.kind === 'foreign' && verdict.reason !== 'injected') {
      return foreign(verdict.reason, `\`this.${name}\` (${verdict.origin})`);
    }
    return verdict;
  }

  #index(cls: ClassLike): ClassIndex {
    const cached = this.#classes.get(cls.compilerNode);
    if (cached !== undefined) return cached;
    const file = cls.getSourceFile();
    const index: ClassIndex = { sources: new Map(), ownedFields: new Set() };
    const addSource = (name: string, value: Node): void => {
      const list = index.sources.get(name);
      if (list === undefined) index.sources.set(name, [value]);
      else list.push(value);
    };
    for (const member of cls.getMembers()) {
      if (Node.isPropertyDeclaration(member) && !member.isStatic()) {
        const initializer = member.getInitializer();
        const memberName = member.getNameNode();
        if (initializer !== undefined && (Node.isIdentifier(memberName) || Node.isPrivateIdentifier(memberName))) addSource(memberName.getText(), initializer);
      }
      const isStaticMember = !Node.isConstructorDeclaration(member) && Node.isStaticable(member) && member.isStatic();
      if (isStaticMember || Node.isClassStaticBlockDeclaration(member)) continue;
      // On the compiler's AST: only the assigned values are wrapped as ts-morph nodes.
      forEachRawInThisScope(member.compilerNode, (node) => {
        if (ts.isBinaryExpression(node) && node.operatorToken.kind === SyntaxKind.EqualsToken) {
          const name = rawThisMemberName(node.left);
          const value = name === undefined ? undefined : wrapCompilerNode(file, node.right);
          if (name !== undefined && value !== undefined) addSource(name, value);
        } else if (ts.isCallExpression(node)) {
          const name = rawOwnedField(node);
          if (name !== undefined) index.ownedFields.add(name);
        }
      });
    }
    this.#classes.set(cls.compilerNode, index);
    return index;
  }
}
