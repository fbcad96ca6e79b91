// Lifecycle pairs: a class (or module) whose up method (`enable`) makes connections that its down
// method (`disable`) must end. The pairs come from the active models (EmitterModel.lifecyclePairs),
// so a preset declares them and the core knows no names. A path is the method and every method of
// `this` (or function of the module) it calls, closures included: a handler connected in `enable()`
// runs while enabled, so what it calls is on the up path too.
import { Node, SyntaxKind, type CallExpression, type SourceFile } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { exitBeforeRead } from './down-path-exits.js';
import type { LifecyclePair } from './emitter-model.js';
import { isThis, thisClassOf, unwrapExpression, type ClassLike } from './ownership.js';

/** A container of named members reachable from each other: a class's methods or a module's functions. */
interface PairScope {
  /** The member (method or function) that contains `node`, by name. */
  readonly memberOf: (node: Node) => string | undefined;
  /** The names called from member `name`'s body (`this.x()` in a class, `x()` in a module). */
  readonly callees: (name: string) => readonly string[];
  /** The body of member `name`. */
  readonly body: (name: string) => Node | undefined;
  /** Every member name. */
  readonly names: () => string[];
}

export interface LifecyclePaths {
  readonly pair: LifecyclePair;
  readonly scope: 'class' | 'module';
  readonly up: ReadonlySet<string>;
  readonly down: ReadonlySet<string>;
  readonly bodies: (name: string) => Node | undefined;
  readonly memberOf: (node: Node) => string | undefined;
}

function reachable(scope: PairScope, start: string): Set<string> {
  const seen = new Set<string>();
  const stack = [start];
  while (stack.length > 0) {
    const name = stack.pop();
    if (name === undefined || seen.has(name) || scope.body(name) === undefined) continue;
    seen.add(name);
    stack.push(...scope.callees(name));
  }
  return seen;
}

function calledNames(body: Node, callee: (call: CallExpression) => string | undefined): string[] {
  const names: string[] = [];
  for (const call of body.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const name = callee(call);
    if (name !== undefined) names.push(name);
  }
  return names;
}

function classScope(cls: ClassLike): PairScope {
  const methods = new Map<string, Node>();
  for (const member of cls.getMembers()) {
    if ((Node.isMethodDeclaration(member) && !member.isStatic()) || (Node.isPropertyDeclaration(member) && !member.isStatic())) {
      const body = Node.isMethodDeclaration(member) ? member.getBody() : member.getInitializer();
      if (body !== undefined) methods.set(member.getName(), body);
    }
    if (Node.isConstructorDeclaration(member)) {
      const body = member.getBody();
      if (body !== undefined) methods.set('constructor', body);
    }
  }
  const thisCallee = (call: CallExpression): string | undefined => {
    const callee = unwrapExpression(call.getExpression());
    return Node.isPropertyAccessExpression(callee) && isThis(callee.getExpression()) ? callee.getName() : undefined;
  };
  return {
    memberOf: (node) => {
      const member = node.getAncestors().find((ancestor) => ancestor.getParent() === cls);
      if (member !== undefined && Node.isConstructorDeclaration(member)) return 'constructor';
      return member !== undefined && (Node.isMethodDeclaration(member) || Node.isPropertyDeclaration(member)) ? member.getName() : undefined;
    },
    callees: (name) => {
      const body = methods.get(name);
      return body === undefined ? [] : calledNames(body, thisCallee);
    },
    body: (name) => methods.get(name),
    names: () => [...methods.keys()],
  };
}

function moduleScope(file: SourceFile): PairScope {
  const functions = new Map<string, Node>();
  for (const fn of file.getFunctions()) {
    const name = fn.getName();
    const body = fn.getBody();
    if (name !== undefined && body !== undefined) functions.set(name, body);
  }
  const plainCallee = (call: CallExpression): string | undefined => {
    const callee = unwrapExpression(call.getExpression());
    return Node.isIdentifier(callee) ? callee.getText() : undefined;
  };
  return {
    memberOf: (node) => {
      const top = node.getAncestors().find((ancestor) => ancestor.getParent() === file);
      return top !== undefined && Node.isFunctionDeclaration(top) ? top.getName() : undefined;
    },
    callees: (name) => {
      const body = functions.get(name);
      return body === undefined ? [] : calledNames(body, plainCallee);
    },
    body: (name) => functions.get(name),
    names: () => [...functions.keys()],
  };
}

function extendsName(cls: ClassLike, name: string): boolean {
  const base = cls.getExtends()?.getExpression().getText();
  return base !== undefined && (base === name || base.endsWith(`.${name}`));
}

function pathsOf(pair: LifecyclePair, scope: PairScope, kind: 'class' | 'module'): LifecyclePaths | undefined {
  if (scope.body(pair.down) === undefined) return undefined;
  const down = reachable(scope, pair.down);
  if (pair.up === EVERY_OTHER_MEMBER) {
    // The object's whole life: every member that is not on the down path.
    const up = new Set(scope.names().filter((name) => !down.has(name)));
    return { pair, scope: kind, up, down, bodies: scope.body, memberOf: scope.memberOf };
  }
  if (scope.body(pair.up) === undefined) return undefined;
  return { pair, scope: kind, up: reachable(scope, pair.up), down, bodies: scope.body, memberOf: scope.memberOf };
}

/** `LifecyclePair.up` for "every member outside the down path" (a widget's life until its destroy handler). */
const EVERY_OTHER_MEMBER = '*';

/** Every pair of every active model (what module-level questions ask: is this file an extension's `enable()`?). */
function modelPairs(context: AnalysisContext): readonly LifecyclePair[] {
  return context.models.flatMap((model) => model.lifecyclePairs ?? []);
}

/** The lifecycle pair that `node` (a connect call) falls under, with both paths, or undefined (any active model's pairs). */
export function lifecyclePathsAt(context: AnalysisContext, node: Node): LifecyclePaths | undefined {
  return lifecyclePathsFor(context, node, modelPairs(context))[0];
}

/**
 * Every pair of `pairs` that the class (or module) around `node` implements (both methods have a
 * body), with its paths, in the order of `pairs`. Memoized per class or file and list of pairs.
 */
export function lifecyclePathsFor(context: AnalysisContext, node: Node, pairs: readonly LifecyclePair[]): readonly LifecyclePaths[] {
  if (pairs.length === 0) return [];
  const cls = thisClassOf(node);
  const inClass = node.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor)) !== undefined;
  if (cls === undefined && inClass) return [];
  const holder = cls?.compilerNode ?? node.getSourceFile().compilerNode;
  const memo = context.memo<object, Map<string, readonly LifecyclePaths[]>>('lifecycle-paths');
  const key = pairs.map((pair) => `${pair.up}/${pair.down}/${pair.classExtends ?? ''}/${pair.moduleLevel === true}`).join(',');
  let perHolder = memo.get(holder);
  if (perHolder === undefined) {
    perHolder = new Map();
    memo.set(holder, perHolder);
  }
  const known = perHolder.get(key);
  if (known !== undefined) return known;
  let found: LifecyclePaths[];
  if (cls !== undefined) {
    const scope = classScope(cls);
    found = pairs.filter((pair) => pair.classExtends === undefined || extendsName(cls, pair.classExtends)).flatMap((pair) => pathsOf(pair, scope, 'class') ?? []);
  } else {
    const scope = moduleScope(node.getSourceFile());
    found = pairs.filter((pair) => pair.moduleLevel === true).flatMap((pair) => pathsOf(pair, scope, 'module') ?? []);
  }
  perHolder.set(key, found);
  return found;
}

/** Where a connect call's handle is kept: a field of `this` or a module variable (directly, or in a collection there). */
export type KeptIn = { readonly field: string } | { readonly variable: Node };

/** `this.F = call` (or `this.F = new X()`), `this.F.push(call)`, `this.F.set(k, call)`, `this.F[k] = call`, `v = call`, `v.push(call)`. */
export function keptIn(call: Node): KeptIn | undefined {
  let value: Node = call;
  let parent = call.getParent();
  while (parent !== undefined && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isNonNullExpression(parent))) {
    value = parent;
    parent = parent.getParent();
  }
  if (parent === undefined) return undefined;
  let holder: Node | undefined;
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === value) {
    holder = unwrapExpression(parent.getLeft());
    if (Node.isElementAccessExpression(holder)) holder = unwrapExpression(holder.getExpression());
  } else if (Node.isCallExpression(parent) && parent.getArguments().includes(value)) {
    const callee = unwrapExpression(parent.getExpression());
    if (Node.isPropertyAccessExpression(callee) && ['push', 'set', 'add', 'unshift'].includes(callee.getName())) holder = unwrapExpression(callee.getExpression());
  }
  if (holder === undefined) return undefined;
  if (Node.isPropertyAccessExpression(holder) && isThis(holder.getExpression())) return { field: holder.getName() };
  if (Node.isIdentifier(holder)) {
    const declaration = holder.getSymbol()?.getDeclarations()[0];
    if (declaration !== undefined && Node.isVariableDeclaration(declaration) && declaration.getVariableStatement()?.getParent() === declaration.getSourceFile()) {
      return { variable: declaration };
    }
  }
  return undefined;
}

/** Is `node` a read (not only the target of an assignment) of the holder? */
function readsHolder(node: Node, kept: KeptIn): boolean {
  if ('field' in kept) {
    if (!Node.isPropertyAccessExpression(node) || node.getName() !== kept.field || !isThis(node.getExpression())) return false;
  } else if (!Node.isIdentifier(node) || node.getSymbol()?.getDeclarations()[0] !== kept.variable) {
    return false;
  }
  const parent = node.getParent();
  return !(Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getLeft() === node);
}

/** Is the holder read (not only assigned) anywhere on the down path? */
export function readOnPath(paths: LifecyclePaths, kept: KeptIn, path: ReadonlySet<string>): boolean {
  for (const name of path) {
    const body = paths.bodies(name);
    if (body !== undefined && body.getDescendants().some((node) => readsHolder(node, kept))) return true;
  }
  return false;
}

/**
 * Is the holder read on every path of the down method? Read somewhere on the down path, and no
 * early `return` of the down method comes before its first read there (down-path-exits.ts).
 */
export function readOnEveryDownPath(paths: LifecyclePaths, kept: KeptIn, connect: Node): boolean {
  if (!readOnPath(paths, kept, paths.down)) return false;
  const body = paths.bodies(paths.pair.down);
  if (body === undefined) return true;
  const readers = new Set([...paths.down].filter((name) => name !== paths.pair.down && readOnPath(paths, kept, new Set([name]))));
  const calledMember = (call: CallExpression): string | undefined => {
    const callee = unwrapExpression(call.getExpression());
    if (paths.scope === 'class') return Node.isPropertyAccessExpression(callee) && isThis(callee.getExpression()) ? callee.getName() : undefined;
    return Node.isIdentifier(callee) ? callee.getText() : undefined;
  };
  const first = body.getDescendants().find((node) => readsHolder(node, kept) || (Node.isCallExpression(node) && readers.has(calledMember(node) ?? '')));
  return first === undefined || exitBeforeRead(body, first, connect) === undefined;
}
