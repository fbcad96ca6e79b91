// A one-shot timer that re-arms itself is a repeating one: a method whose body always ends by
// scheduling itself again (`setTimeout(() => this.poll(), ms)`, `requestAnimationFrame(this.tick)`)
// runs for the rest of the program once started, keeping `this`, unless something cancels it.
// Reported only where the analysis can tell: the re-arm is unconditional (a statement of the method's
// own body, no `return` before it), it schedules the same method of `this`, and nothing in the file
// calls the cancel function at all. A flag-stopped loop (`if (this.running) …`) is never reported.
import { ts, type SourceFile } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { skipOuter } from './holders.js';
import { forEachCompilerDescendant } from './wrap-node.js';

export const rearmMessageId = 'loopNeverCancelled';

// Judged on the compiler's nodes alone: nothing here needs a type or a ts-morph wrapper.

/** The member of `this` a method-like belongs to: `tick` of `tick() {…}` or `tick = () => {…}`. */
function memberName(fn: ts.Node): string | undefined {
  if (ts.isMethodDeclaration(fn)) return ts.isIdentifier(fn.name) || ts.isPrivateIdentifier(fn.name) ? fn.name.text : undefined;
  const parent = fn.parent;
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && ts.isPropertyDeclaration(parent)) return ts.isIdentifier(parent.name) || ts.isPrivateIdentifier(parent.name) ? parent.name.text : undefined;
  return undefined;
}

function isThisMember(node: ts.Node, name: string): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === name && skipOuter(node.expression).kind === ts.SyntaxKind.ThisKeyword;
}

/** Does the scheduled callback run `this.<name>` again? `this.tick`, `this.tick.bind(this)`, `() => this.tick()`. */
function reruns(callback: ts.Node | undefined, name: string): boolean {
  if (callback === undefined) return false;
  const target = skipOuter(callback);
  if (isThisMember(target, name)) return true;
  if (ts.isCallExpression(target)) {
    const callee = target.expression;
    return ts.isPropertyAccessExpression(callee) && callee.name.text === 'bind' && isThisMember(skipOuter(callee.expression), name);
  }
  if (ts.isArrowFunction(target)) {
    const body = target.body;
    if (!ts.isBlock(body)) {
      const call = skipOuter(body);
      return ts.isCallExpression(call) && isThisMember(skipOuter(call.expression), name);
    }
    const [only] = body.statements;
    if (body.statements.length === 1 && only !== undefined && ts.isExpressionStatement(only)) {
      const inner = skipOuter(only.expression);
      return ts.isCallExpression(inner) && isThisMember(skipOuter(inner.expression), name);
    }
  }
  return false;
}

/** The scheduling call of an unconditional statement: `setTimeout(…)` or `this.id = setTimeout(…)`. */
function scheduledBy(statement: ts.Statement): ts.CallExpression | undefined {
  if (!ts.isExpressionStatement(statement)) return undefined;
  let expression = skipOuter(statement.expression);
  if (ts.isBinaryExpression(expression) && expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) expression = skipOuter(expression.right);
  return ts.isCallExpression(expression) ? expression : undefined;
}

/** A `return` or `throw` of the statement itself (nested functions and classes aside). */
function containsReturn(statement: ts.Node): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isFunctionLike(statement) || ts.isClassLike(statement)) return false;
  return ts.forEachChild(statement, (child) => (containsReturn(child) ? true : undefined)) === true;
}

function calleeNameOf(call: ts.CallExpression): string | undefined {
  const callee = skipOuter(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** The active one-shot timers whose start appears in the text and whose cancel does not: a cheap gate. */
function uncancelledTimers(context: AnalysisContext, text: string): { start: string; cancel: string }[] {
  return context.models.flatMap((model) => model.oneShotTimers ?? []).filter((timer) => text.includes(timer.start) && !text.includes(`${timer.cancel}(`));
}

/** Can `file` contain a self re-arming timer loop? By text alone, before any wrapping. */
export function fileMayRearm(context: AnalysisContext, file: ts.SourceFile): boolean {
  return uncancelledTimers(context, file.text).length > 0;
}

/** The classes of `file` whose text starts one of the timers. */
function classesStartingTimers(file: ts.SourceFile, timers: readonly { start: string }[]): ts.ClassLikeDeclaration[] {
  const classes: ts.ClassLikeDeclaration[] = [];
  forEachCompilerDescendant(file, (node) => {
    if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) return undefined;
    const body = file.text.slice(node.pos, node.end);
    if (timers.some((timer) => body.includes(timer.start))) classes.push(node);
    return undefined;
  });
  return classes;
}

/** Every self re-arming method in `file` whose loop nothing can cancel. Never throws. */
export function findRearmingTimers(file: SourceFile, context: AnalysisContext, rule: string): Finding[] {
  const compilerFile = file.compilerNode;
  const present = uncancelledTimers(context, compilerFile.text);
  if (present.length === 0) return [];
  const findings: Finding[] = [];
  try {
    for (const cls of classesStartingTimers(compilerFile, present)) {
      for (const member of cls.members) {
        const fn = ts.isPropertyDeclaration(member) ? member.initializer : member;
        if (fn === undefined || !(ts.isMethodDeclaration(fn) || ts.isArrowFunction(fn) || ts.isFunctionExpression(fn))) continue;
        const name = memberName(fn);
        const body = fn.body;
        if (name === undefined || body === undefined || !ts.isBlock(body)) continue;
        for (const statement of body.statements) {
          const call = scheduledBy(statement);
          const calleeName = call === undefined ? undefined : calleeNameOf(call);
          const timer = present.find((each) => each.start === calleeName);
          if (call !== undefined && timer !== undefined && reruns(call.arguments[0], name)) {
            findings.push({ rule, messageId: rearmMessageId, data: { name: `this.${name}`, timer: timer.start, cancel: timer.cancel }, start: call.getStart(compilerFile), end: call.getEnd(), suggestions: [] });
            break;
          }
          if (containsReturn(statement)) break; // an early exit before the re-arm: it may stop the loop
        }
      }
    }
  } catch {
    return findings; // an unknown shape: what was found so far
  }
  return findings;
}
