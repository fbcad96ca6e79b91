// Where an emitter can be held, as heap holder keys, resolved on compiler nodes: a local or
// parameter of the unit (`v:`), a module variable (`m:`), a field of `this` (`f:`), and each one's
// lifetime. Module variables and fields are persistent: their value outlives one run of a function,
// so the file's analysis carries them from one run to the next (the class and module invariants).
import { ts } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { indexFile } from './relevance.js';
import type { HolderKey } from './heap.js';
import type { Lifetime } from './lifetime.js';

/** Fields and module variables whose every use the file shows (not handed out, not public). */
export interface PersistentHolders {
  readonly fields: ReadonlyMap<ts.ClassLikeDeclaration, ReadonlySet<string>>;
  readonly moduleVariables: ReadonlySet<ts.VariableDeclaration>;
}

export function holderLifetime(holder: HolderKey): Lifetime {
  if (holder.startsWith('v:')) return 'call';
  if (holder.startsWith('f:')) return 'object';
  if (holder.startsWith('m:')) return 'program';
  return 'unknown';
}

export function isPersistent(holder: HolderKey): boolean {
  return holder.startsWith('f:') || holder.startsWith('m:');
}

export function skipOuter(node: ts.Node): ts.Node {
  let current = node;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isTypeAssertionExpression(current) ||
    ts.isSatisfiesExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The expression around `node` once parentheses, `!` and type assertions are climbed. */
export function climbOuter(node: ts.Node): ts.Node {
  let current = node;
  while (
    current.parent !== undefined &&
    (ts.isParenthesizedExpression(current.parent) ||
      ts.isNonNullExpression(current.parent) ||
      ts.isAsExpression(current.parent) ||
      ts.isTypeAssertionExpression(current.parent) ||
      ts.isSatisfiesExpression(current.parent))
  ) {
    current = current.parent;
  }
  return current;
}

/**
 * Is this read of a holder handing its value out (returned, passed, stored elsewhere, put in a
 * literal)? Then someone else may end what it holds, and the holder is not judged.
 */
export function handsOut(reference: ts.Node): boolean {
  const outer = climbOuter(reference);
  const parent = outer.parent;
  if (parent === undefined) return false;
  if (ts.isReturnStatement(parent) || ts.isArrayLiteralExpression(parent) || ts.isSpreadElement(parent) || ts.isYieldExpression(parent)) return true;
  if (ts.isArrowFunction(parent) && parent.body === outer) return true;
  if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.includes(outer as ts.Expression) === true) return true;
  if (ts.isPropertyAssignment(parent) || ts.isShorthandPropertyAssignment(parent) || ts.isExportAssignment(parent)) return true;
  if (ts.isBinaryExpression(parent) && parent.right === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return true;
  return false;
}

function isPrivateMember(member: ts.ClassElement): boolean {
  if (member.name !== undefined && ts.isPrivateIdentifier(member.name)) return true;
  const modifiers = ts.canHaveModifiers(member) ? ts.getModifiers(member) : undefined;
  if (modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) === true) return false;
  return modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.PrivateKeyword || modifier.kind === ts.SyntaxKind.ProtectedKeyword) === true;
}

function memberName(name: ts.PropertyName | undefined): string | undefined {
  if (name === undefined) return undefined;
  if (ts.isIdentifier(name) || ts.isPrivateIdentifier(name) || ts.isStringLiteral(name)) return name.text;
  return undefined;
}

/** Every `this.F` of a class body, skipping nested non-arrow functions and classes (another `this`). */
export function thisAccesses(owner: ts.ClassLikeDeclaration, visit: (access: ts.PropertyAccessExpression) => void): void {
  // From the file's syntactic index: the accesses whose `this` is bound by `owner`, in document order.
  for (const { node, binder } of indexFile(owner.getSourceFile()).thisAccesses) if (binder === owner) visit(node);
}

function persistentFields(owner: ts.ClassLikeDeclaration): Set<string> {
  const candidates = new Set<string>();
  for (const member of owner.members) {
    if (!ts.isPropertyDeclaration(member) || !isPrivateMember(member)) continue;
    const name = memberName(member.name);
    if (name !== undefined) candidates.add(name);
  }
  if (candidates.size === 0) return candidates;
  thisAccesses(owner, (access) => {
    if (candidates.has(access.name.text) && handsOut(access)) candidates.delete(access.name.text);
  });
  return candidates;
}

function persistentModuleVariables(file: ts.SourceFile): Set<ts.VariableDeclaration> {
  const byName = new Map<string, ts.VariableDeclaration>();
  for (const statement of file.statements) {
    if (!ts.isVariableStatement(statement)) continue;
    if (ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword) === true) continue;
    const flags = statement.declarationList.flags;
    if ((flags & ts.NodeFlags.BlockScoped) === (ts.NodeFlags.Const as number) || (flags & ts.NodeFlags.Using) !== 0) continue;
    for (const declaration of statement.declarationList.declarations) {
      if (ts.isIdentifier(declaration.name)) byName.set(declaration.name.text, declaration);
    }
  }
  if (byName.size === 0) return new Set();
  const excluded = new Set<string>();
  const walk = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && byName.has(node.text)) {
      const parent = node.parent;
      const isName = (ts.isVariableDeclaration(parent) && parent.name === node) || (ts.isPropertyAccessExpression(parent) && parent.name === node);
      if (!isName && (handsOut(node) || (ts.isExportSpecifier(parent)))) excluded.add(node.text);
    }
    ts.forEachChild(node, walk);
  };
  walk(file);
  return new Set([...byName].filter(([name]) => !excluded.has(name)).map(([, declaration]) => declaration));
}

/** The persistent holders of a file, memoized per file and program. */
export function persistentHolders(context: AnalysisContext, file: ts.SourceFile): PersistentHolders {
  const memo = context.memo<object, PersistentHolders>('persistent-holders');
  const known = memo.get(file);
  if (known !== undefined) return known;
  const fields = new Map<ts.ClassLikeDeclaration, Set<string>>();
  // The classes from the file's syntactic index (one walk shared by every pass).
  for (const node of indexFile(file).classes) {
    const found = persistentFields(node);
    if (found.size > 0) fields.set(node, found);
  }
  const result: PersistentHolders = { fields, moduleVariables: persistentModuleVariables(file) };
  memo.set(file, result);
  return result;
}

/** The class whose instance `this` is inside `unit` (through arrow functions), if any. */
export function thisClassOf(unit: ts.Node): ts.ClassLikeDeclaration | undefined {
  let current: ts.Node | undefined = unit;
  while (current !== undefined && ts.isArrowFunction(current)) current = current.parent;
  // An arrow function's enclosing function-like (or field initializer).
  while (current !== undefined && !ts.isFunctionLike(current) && !ts.isPropertyDeclaration(current) && !ts.isClassStaticBlockDeclaration(current) && !ts.isSourceFile(current)) {
    current = current.parent;
    while (current !== undefined && ts.isArrowFunction(current)) current = current.parent;
  }
  if (current === undefined) return undefined;
  if (ts.isMethodDeclaration(current) || ts.isConstructorDeclaration(current) || ts.isGetAccessorDeclaration(current) || ts.isSetAccessorDeclaration(current) || ts.isPropertyDeclaration(current)) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword) === true) return undefined;
    return ts.isClassLike(current.parent) ? current.parent : undefined;
  }
  return undefined;
}

/** `f:` key of a field of a class. */
export function fieldKey(owner: ts.ClassLikeDeclaration, name: string): HolderKey {
  return `f:${owner.pos}:${name}`;
}

/** The field name of an `f:` key. */
export function fieldNameOf(holder: HolderKey): string {
  return holder.slice(holder.indexOf(':', 2) + 1);
}

/** The block whose end ends a local declaration's life (`var`: the function body). */
export function declarationScope(declaration: ts.VariableDeclaration | ts.ParameterDeclaration, unitBody: ts.Node): ts.Node {
  if (ts.isParameter(declaration)) return unitBody;
  const list = declaration.parent;
  if (ts.isCatchClause(list)) return list.block;
  if (!ts.isVariableDeclarationList(list)) return unitBody;
  if ((list.flags & ts.NodeFlags.BlockScoped) === 0) return unitBody;
  const container = list.parent;
  if (ts.isForStatement(container) || ts.isForOfStatement(container) || ts.isForInStatement(container)) return container;
  const block = container.parent;
  if (block === undefined) return unitBody;
  if (ts.isCaseClause(block) || ts.isDefaultClause(block)) return block.parent;
  return block;
}

export function isUsing(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Using) !== 0;
}

export function isVar(declaration: ts.VariableDeclaration): boolean {
  const list = declaration.parent;
  return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
}
