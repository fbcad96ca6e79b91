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

interface FileIndex {
  functions: FunctionEntry[];
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

function indexFile(file: ts.SourceFile): FileIndex {
  const known = fileIndexes.get(file);
  if (known !== undefined) return known;
  const functions: FunctionEntry[] = [];
  const stack: FunctionEntry[] = [];
  const visit = (node: ts.Node): void => {
    const isFunction = ts.isFunctionLike(node) && 'body' in node && node.body !== undefined;
    if (isFunction) {
      const entry: FunctionEntry = { names: functionNames(node), calls: new Set() };
      functions.push(entry);
      stack.push(entry);
    }
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      // A call counts for every enclosing function: a closure's connect is its creator's too.
      if (name !== undefined) for (const entry of stack) entry.calls.add(name);
    }
    ts.forEachChild(node, visit);
    if (isFunction) stack.pop();
  };
  visit(file);
  const index = { functions };
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
  const stack: ts.Node[] = [file];
  const visit = (node: ts.Node): void => {
    const isScope = (ts.isFunctionLike(node) && 'body' in node && node.body !== undefined) || ts.isClassLike(node);
    if (isScope) stack.push(node);
    if (ts.isCallExpression(node)) {
      const name = calleeName(node);
      if (name !== undefined && names.has(name)) for (const scope of stack) scopes.add(scope);
    }
    ts.forEachChild(node, visit);
    if (isScope) stack.pop();
  };
  ts.forEachChild(file, visit);
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
