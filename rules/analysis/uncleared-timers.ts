// A repeating timer whose id is kept and never cleared: `this.sweep = setInterval(…)` in a class whose
// teardown (`close()`) never calls `clearInterval(this.sweep)`, or `let check; … check = setInterval(…)`
// in a function that never clears `check`. Keeping the id is not ending the timer: it runs its
// callback, and keeps what the callback captures, for the rest of the program.
// (A discarded id or a local dropped on some path is the flow analysis's finding: emitter-flow.ts.)
import { Node, ts, type SourceFile } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { skipOuter } from './holders.js';
import { compilerSymbolOf, forEachCompilerDescendant } from './wrap-node.js';

export const unclearedMessageId = 'timerNeverCleared';

interface TimerPair {
  readonly start: string;
  readonly cancel: string;
}

/** Where a started timer's id is kept. */
type Holder =
  | { readonly kind: 'field'; readonly name: string; readonly cls: ts.ClassLikeDeclaration }
  | { readonly kind: 'variable'; readonly name: ts.Identifier; readonly scope: ts.Node };

/** Uses of a holder that neither keep nor hand on the id: a test (`if (this.id)`), `id.unref()`, a comparison. */
const NEUTRAL_MEMBERS = new Set(['ref', 'unref', 'hasRef', 'refresh']);

function calleeName(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

function isThisField(node: ts.Node, name?: string): node is ts.PropertyAccessExpression {
  const inner = skipOuter(node);
  return ts.isPropertyAccessExpression(inner) && (name === undefined || inner.name.text === name) && skipOuter(inner.expression).kind === ts.SyntaxKind.ThisKeyword;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

/** The outermost function around `node` inside its class member or module function: closures share its variables. */
function outermostFunction(node: ts.Node): ts.Node | undefined {
  let outer: ts.Node | undefined;
  for (let current = node.parent; current !== undefined; current = current.parent) {
    if (ts.isClassLike(current) || ts.isSourceFile(current)) break;
    if (ts.isFunctionLike(current)) outer = current;
  }
  return outer;
}

/** The holder of `call`'s result: `this.F = call`, `v = call`, `let v = call`; undefined when discarded or handed on. */
function holderOf(call: ts.CallExpression, checker: ts.TypeChecker): Holder | undefined {
  let value: ts.Node = call;
  while (ts.isParenthesizedExpression(value.parent) || ts.isAsExpression(value.parent) || ts.isNonNullExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  let target: ts.Node | undefined;
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === value) target = skipOuter(parent.left);
  if (ts.isVariableDeclaration(parent) && parent.initializer === value) target = parent.name;
  if (target === undefined) return undefined;
  if (isThisField(target)) {
    const cls = enclosingClass(call);
    return cls === undefined ? undefined : { kind: 'field', name: target.name.text, cls };
  }
  if (!ts.isIdentifier(target)) return undefined;
  const declaration = compilerSymbolOf(checker, target)?.declarations?.[0];
  if (declaration === undefined || !ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  const scope = outermostFunction(declaration);
  return scope === undefined ? undefined : { kind: 'variable', name: declaration.name, scope };
}

/** Is `node` a mention of the holder? */
function mentions(node: ts.Node, holder: Holder, checker: ts.TypeChecker): boolean {
  // Any `.F` of the file: `this.F`, and another object's `job.F` (whoever clears it there).
  if (holder.kind === 'field') return ts.isPropertyAccessExpression(node) && node.name.text === holder.name;
  return ts.isIdentifier(node) && node.text === holder.name.text && node !== holder.name && compilerSymbolOf(checker, node) === compilerSymbolOf(checker, holder.name);
}

/**
 * What a mention does with the id: `'clears'` (the cancel call's argument), `'neutral'` (assigned,
 * tested, compared, `unref()`), or `'escapes'` (handed to a call, returned, stored elsewhere: someone
 * else may clear it, so the timer is not judged).
 */
function mentionUse(node: ts.Node, cancel: string): 'clears' | 'neutral' | 'escapes' {
  let value: ts.Node = node;
  while (ts.isParenthesizedExpression(value.parent) || ts.isNonNullExpression(value.parent) || ts.isAsExpression(value.parent)) value = value.parent;
  const parent = value.parent;
  if (ts.isCallExpression(parent) && parent.arguments.includes(value as ts.Expression)) return calleeName(parent) === cancel ? 'clears' : 'escapes';
  if (ts.isBinaryExpression(parent)) {
    if (parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return parent.left === value ? 'neutral' : 'escapes';
    return 'neutral'; // `id !== undefined`, `id && …`
  }
  if (ts.isPropertyAccessExpression(parent) && parent.expression === value) return NEUTRAL_MEMBERS.has(parent.name.text) ? 'neutral' : 'escapes';
  if (ts.isIfStatement(parent) || ts.isPrefixUnaryExpression(parent) || ts.isConditionalExpression(parent) || ts.isExpressionStatement(parent)) return 'neutral';
  if (ts.isVariableDeclaration(parent) && parent.name === value) return 'neutral';
  return 'escapes';
}

/** Does anything in `root` clear the holder, or hand its id on? */
function clearedOrEscapes(root: ts.Node, holder: Holder, cancel: string, checker: ts.TypeChecker): boolean {
  let found = false;
  forEachCompilerDescendant(root, (node) => {
    if (!mentions(node, holder, checker)) return undefined;
    if (mentionUse(node, cancel) === 'neutral') return undefined;
    found = true;
    return 'stop';
  });
  return found;
}

/** The teardown methods a class has, among the down methods of the active lifecycle pairs (`close`, `dispose`, `disconnectedCallback`). */
function teardownOf(cls: ts.ClassLikeDeclaration, downNames: ReadonlySet<string>): string | undefined {
  for (const member of cls.members) {
    if (!ts.isMethodDeclaration(member) && !ts.isPropertyDeclaration(member)) continue;
    const name = member.name;
    if ((ts.isIdentifier(name) || ts.isPrivateIdentifier(name)) && downNames.has(name.text)) return name.text;
  }
  return undefined;
}

function holderText(holder: Holder): string {
  return holder.kind === 'field' ? `this.${holder.name}` : holder.name.text;
}

/**
 * Every repeating timer of `file` kept in a holder that nothing clears. A field is judged only in a
 * class that has a teardown method (the object can end; its timer does not); a variable is judged in
 * the function that declares it. Never throws.
 */
export function findUnclearedTimers(file: SourceFile, context: AnalysisContext, rule: string): Finding[] {
  const compilerFile = file.compilerNode;
  const timers: TimerPair[] = context.models.flatMap((model) => model.repeatingTimers ?? []).filter((timer) => compilerFile.text.includes(timer.start));
  if (timers.length === 0) return [];
  const downNames = new Set(context.models.flatMap((model) => model.lifecyclePairs ?? []).map((pair) => pair.down));
  const findings: Finding[] = [];
  try {
    forEachCompilerDescendant(compilerFile, (raw) => {
      if (!ts.isCallExpression(raw)) return undefined;
      const timer = timers.find((each) => each.start === calleeName(raw));
      if (timer === undefined || enclosingFunction(raw) === undefined) return undefined;
      const holder = holderOf(raw, context.checker);
      if (holder === undefined) return undefined;
      const call = context.node(raw);
      // The platform's timer, as the presets recognise it (not a project function of the same name, not self-clearing).
      if (call === undefined || !Node.isCallExpression(call) || !context.models.some((model) => model.releaseCall?.(call) === timer.cancel)) return undefined;
      const teardown = holder.kind === 'field' ? teardownOf(holder.cls, downNames) : undefined;
      if (holder.kind === 'field' && teardown === undefined) return undefined;
      const root = holder.kind === 'field' ? compilerFile : holder.scope;
      if (clearedOrEscapes(root, holder, timer.cancel, context.checker)) return undefined;
      const where = holder.kind === 'field' ? `in \`${teardown}()\`` : 'when it is no longer needed';
      findings.push({ rule, messageId: unclearedMessageId, data: { name: holderText(holder), timer: timer.start, cancel: timer.cancel, where }, start: raw.getStart(compilerFile), end: raw.getEnd(), suggestions: [] });
      return undefined;
    });
  } catch {
    return findings; // an unknown shape: what was found so far
  }
  return findings;
}
