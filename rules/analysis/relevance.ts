// A cheap, purely syntactic gate in front of the flow analysis: a function can only drop a connected
// emitter if it calls a connect method of an active model, or calls (by name) a function that does,
// directly or through other functions (a factory that returns a connected emitter, a helper that
// connects its parameter). Everything else is skipped without wrapping nodes or asking the checker.
// The gate only ever removes work whose result would be "no finding", so it never adds a report.
import { ts } from 'ts-morph';
import type { AnalysisContext } from './context.js';

interface FunctionEntry {
  names: string[];
  calls: Set<string>;
}

/** A function-like with a body or a class (or the file itself): where a call is counted. */
interface ScopeEntry {
  readonly node: ts.Node;
  readonly parent: ScopeEntry | undefined;
}

/** A call with a known callee name, and the innermost scope it is in. */
interface NamedCall {
  readonly node: ts.CallExpression;
  readonly name: string;
  readonly scope: ScopeEntry;
}

/**
 * Everything the syntactic passes of the core read from a file, gathered in ONE walk of its
 * compiler AST (memoized per SourceFile): walking a file costs about as much as a type question,
 * and the rules used to walk each file once per pass.
 */
export interface FileIndex {
  readonly functions: readonly FunctionEntry[];
  /** Every call whose callee has a name (`calleeName`), in document order. */
  readonly calls: readonly NamedCall[];
  /** Every call and `new` whose callee is a plain identifier, in document order. */
  readonly identifierCalls: readonly (ts.CallExpression | ts.NewExpression)[];
  /** Every function-like node (declarations, expressions, arrows, methods, accessors, signatures), in document order. */
  readonly functionLikes: readonly ts.SignatureDeclaration[];
  /** Every class declaration and expression, in document order. */
  readonly classes: readonly ts.ClassLikeDeclaration[];
  /**
   * Every `this.F` access, in document order, with the nearest function declaration, function
   * expression or class around it (what its `this` is bound by; arrows and methods do not bind it).
   */
  readonly thisAccesses: readonly { readonly node: ts.PropertyAccessExpression; readonly binder: ts.Node | undefined }[];
}

/** Is `call` inside `ancestor` (a scope of the index: a function-like with a body, a class, the file)? */
export function callIsInside(call: NamedCall, ancestor: ts.Node): boolean {
  for (let scope: ScopeEntry | undefined = call.scope; scope !== undefined; scope = scope.parent) if (scope.node === ancestor) return true;
  return false;
}

// Keyed by the compiler's SourceFile: TypeScript reuses unchanged SourceFile objects between
// program versions (the editor), so an unchanged file is indexed once. The index depends only on
// the file's text, so it is the same in every worker that builds it.
const fileIndexes = new WeakMap<ts.SourceFile, FileIndex>();

/** The name a call's callee is known by: `f(…)` → f, `a.b.f(…)` → f, `a['f'](…)` → f. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  let callee: ts.Expression = call.expression;
  while (ts.isParenthesizedExpression(callee) || ts.isNonNullExpression(callee)) callee = callee.expression;
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee) && ts.isStringLiteralLike(callee.argumentExpression)) return callee.argumentExpression.text;
  return undefined;
}

function functionNames(node: ts.Node): string[] {
  const named = (name: ts.Node | undefined): string[] =>
    name !== undefined && (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isPrivateIdentifier(name)) ? [name.text] : [];
  if (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node) || ts.isFunctionExpression(node)) return named(node.name);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
    const parent = node.parent;
    if (ts.isVariableDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertyAssignment(parent)) return named(parent.name);
  }
  return [];
}

/** The file's index: one walk, memoized per SourceFile. */
export function indexFile(file: ts.SourceFile): FileIndex {
  const known = fileIndexes.get(file);
  if (known !== undefined) return known;
  const functions: FunctionEntry[] = [];
  const calls: NamedCall[] = [];
  const identifierCalls: (ts.CallExpression | ts.NewExpression)[] = [];
  const functionLikes: ts.SignatureDeclaration[] = [];
  const classes: ts.ClassLikeDeclaration[] = [];
  const thisAccesses: { node: ts.PropertyAccessExpression; binder: ts.Node | undefined }[] = [];
  const binders: ts.Node[] = [];
  const stack: FunctionEntry[] = [];
  let scope: ScopeEntry = { node: file, parent: undefined };
  const visit = (node: ts.Node): void => {
    const isFunction = ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
    const isScope = isFunction || ts.isClassLike(node);
    if (ts.isFunctionLike(node)) functionLikes.push(node);
    if (ts.isClassLike(node)) classes.push(node);
    if (isFunction) {
      const entry: FunctionEntry = { names: functionNames(node), calls: new Set() };
      functions.push(entry);
      stack.push(entry);
    }
    if (isScope) scope = { node, parent: scope };
    const binds = ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node);
    if (binds) binders.push(node);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) thisAccesses.push({ node, binder: binders.at(-1) });
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      // A call counts for every enclosing function: a closure's connect is its creator's too.
      if (name !== undefined) {
        for (const entry of stack) entry.calls.add(name);
        calls.push({ node, name, scope });
      }
    }
    if ((ts.isCallExpression(node) || ts.isNewExpression(node)) && ts.isIdentifier(node.expression)) identifierCalls.push(node);
    ts.forEachChild(node, visit);
    if (isFunction) stack.pop();
    if (isScope) scope = scope.parent ?? scope;
    if (binds) binders.pop();
  };
  ts.forEachChild(file, visit);
  const index: FileIndex = { functions, calls, identifierCalls, functionLikes, classes, thisAccesses };
  fileIndexes.set(file, index);
  return index;
}

/** Names of the program's functions that connect, directly or through other named functions. */
export function connectingNames(context: AnalysisContext): ReadonlySet<string> {
  const memo = context.memo<object, Set<string>>('connecting-names');
  const known = memo.get(context.program);
  if (known !== undefined) return known;
  const entries = context.program
    .getSourceFiles()
    .filter((file) => !file.isDeclarationFile)
    .flatMap((file) => indexFile(file).functions);
  const names = new Set<string>(context.connectMethodNames);
  // Fixpoint: a function that calls a connecting name connects too.
  let changed = true;
  while (changed) {
    changed = false;
    for (const entry of entries) {
      if (entry.names.length === 0 || entry.names.every((name) => names.has(name))) continue;
      if ([...entry.calls].some((call) => names.has(call))) {
        for (const name of entry.names) names.add(name);
        changed = true;
      }
    }
  }
  memo.set(context.program, names);
  return names;
}

/**
 * The function-like nodes and classes of a file that call (anywhere inside them) a connect method
 * or a connecting function: one pass over the compiler's nodes, memoized per file and program.
 */
export function connectingScopes(context: AnalysisContext, file: ts.SourceFile): ReadonlySet<ts.Node> {
  const memo = context.memo<object, Set<ts.Node>>('connecting-scopes');
  const known = memo.get(file);
  if (known !== undefined) return known;
  const names = connectingNames(context);
  const scopes = new Set<ts.Node>();
  // Each connecting call adds its scopes, outermost first (the file, then classes and functions).
  for (const call of indexFile(file).calls) {
    if (!names.has(call.name)) continue;
    const chain: ts.Node[] = [];
    for (let scope: ScopeEntry | undefined = call.scope; scope !== undefined; scope = scope.parent) chain.push(scope.node);
    for (let i = chain.length - 1; i >= 0; i--) scopes.add(chain[i]!);
  }
  memo.set(file, scopes);
  return scopes;
}

/**
 * Can this file have any finding at all? A cheap syntactic answer (no ts-morph wrapping, no type
 * query), so front doors can skip wrapping files that call nothing that connects.
 */
export function fileMayConnect(context: AnalysisContext, file: ts.SourceFile): boolean {
  return connectingScopes(context, file).size > 0;
}
