// A one-shot timer that re-arms itself is a repeating one: a method whose body always ends by
// scheduling itself again (`setTimeout(() => this.poll(), ms)`, `requestAnimationFrame(this.tick)`)
// runs for the rest of the program once started, keeping `this`, unless something cancels it.
// Reported only where the analysis can tell: the re-arm is unconditional (a statement of the method's
// own body, no `return` before it), it schedules the same method of `this`, and nothing in the file
// calls the cancel function at all. A flag-stopped loop (`if (this.running) …`) is never reported.
import { Node, ts, type CallExpression, type ClassDeclaration, type SourceFile } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { Finding } from './finding.js';
import { skipOuterExpressions } from './type-queries.js';
import { forEachCompilerDescendant, wrapCompilerNode } from './wrap-node.js';

export const rearmMessageId = 'loopNeverCancelled';

/** The member of `this` a method-like belongs to: `tick` of `tick() {…}` or `tick = () => {…}`. */
function memberName(fn: Node): string | undefined {
  if (Node.isMethodDeclaration(fn)) return fn.getName();
  const parent = fn.getParent();
  if ((Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) && parent !== undefined && Node.isPropertyDeclaration(parent)) return parent.getName();
  return undefined;
}

/** Does the scheduled callback run `this.<name>` again? `this.tick`, `this.tick.bind(this)`, `() => this.tick()`. */
function reruns(callback: Node | undefined, name: string): boolean {
  if (callback === undefined) return false;
  const target = skipOuterExpressions(callback);
  const isThisMember = (node: Node): boolean =>
    Node.isPropertyAccessExpression(node) && node.getName() === name && Node.isThisExpression(skipOuterExpressions(node.getExpression()));
  if (isThisMember(target)) return true;
  if (Node.isCallExpression(target)) {
    const callee = target.getExpression();
    return Node.isPropertyAccessExpression(callee) && callee.getName() === 'bind' && isThisMember(skipOuterExpressions(callee.getExpression()));
  }
  if (Node.isArrowFunction(target)) {
    const body = target.getBody();
    const call = Node.isBlock(body) ? undefined : skipOuterExpressions(body);
    if (call !== undefined && Node.isCallExpression(call)) return isThisMember(skipOuterExpressions(call.getExpression()));
    if (Node.isBlock(body)) {
      const [only] = body.getStatements();
      if (body.getStatements().length === 1 && only !== undefined && Node.isExpressionStatement(only)) {
        const inner = skipOuterExpressions(only.getExpression());
        return Node.isCallExpression(inner) && isThisMember(skipOuterExpressions(inner.getExpression()));
      }
    }
  }
  return false;
}

/** The scheduling call of an unconditional statement: `setTimeout(…)` or `this.id = setTimeout(…)`. */
function scheduledBy(statement: Node): CallExpression | undefined {
  if (!Node.isExpressionStatement(statement)) return undefined;
  let expression = skipOuterExpressions(statement.getExpression());
  if (Node.isBinaryExpression(expression) && expression.getOperatorToken().getKind() === ts.SyntaxKind.EqualsToken) expression = skipOuterExpressions(expression.getRight());
  return Node.isCallExpression(expression) ? expression : undefined;
}

function containsReturn(statement: Node): boolean {
  if (Node.isReturnStatement(statement)) return true;
  let found = false;
  statement.forEachDescendant((node, traversal) => {
    if (Node.isFunctionLikeDeclaration(node) || Node.isArrowFunction(node) || Node.isClassDeclaration(node) || Node.isClassExpression(node)) traversal.skip();
    else if (Node.isReturnStatement(node) || Node.isThrowStatement(node)) {
      found = true;
      traversal.stop();
    }
  });
  return found;
}

/** The active one-shot timers whose start appears in the text and whose cancel does not: a cheap gate. */
function uncancelledTimers(context: AnalysisContext, text: string): { start: string; cancel: string }[] {
  return context.models.flatMap((model) => model.oneShotTimers ?? []).filter((timer) => text.includes(timer.start) && !text.includes(`${timer.cancel}(`));
}

/** Can `file` contain a self re-arming timer loop? By text alone, before any wrapping. */
export function fileMayRearm(context: AnalysisContext, file: ts.SourceFile): boolean {
  return uncancelledTimers(context, file.text).length > 0;
}

/**
 * The classes of `file` whose text starts one of the timers, found on the compiler's AST and wrapped
 * one by one: wrapping the whole file (ts-morph's `getDescendants`) costs more than the judging.
 */
function classesStartingTimers(file: SourceFile, timers: readonly { start: string }[]): Node[] {
  const classes: Node[] = [];
  const text = file.compilerNode.text;
  forEachCompilerDescendant(file.compilerNode, (node) => {
    if (!ts.isClassDeclaration(node) && !ts.isClassExpression(node)) return undefined;
    const body = text.slice(node.pos, node.end);
    const wrapped = timers.some((timer) => body.includes(timer.start)) ? wrapCompilerNode(file, node) : undefined;
    if (wrapped !== undefined) classes.push(wrapped);
    return undefined;
  });
  return classes;
}

/** Every self re-arming method in `file` whose loop nothing can cancel. Never throws. */
export function findRearmingTimers(file: SourceFile, context: AnalysisContext, rule: string): Finding[] {
  const present = uncancelledTimers(context, file.getFullText());
  if (present.length === 0) return [];
  const findings: Finding[] = [];
  try {
    for (const cls of classesStartingTimers(file, present)) {
      for (const member of (cls as ClassDeclaration).getMembers()) {
        const fn = Node.isPropertyDeclaration(member) ? member.getInitializer() : member;
        if (fn === undefined || !(Node.isMethodDeclaration(fn) || Node.isArrowFunction(fn) || Node.isFunctionExpression(fn))) continue;
        const name = memberName(fn);
        const body = fn.getBody();
        if (name === undefined || body === undefined || !Node.isBlock(body)) continue;
        for (const statement of body.getStatements()) {
          const call = scheduledBy(statement);
          const callee = call === undefined ? undefined : skipOuterExpressions(call.getExpression());
          const calleeName = callee === undefined ? undefined : Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
          const timer = present.find((each) => each.start === calleeName);
          if (call !== undefined && timer !== undefined && reruns(call.getArguments()[0], name)) {
            findings.push({ rule, messageId: rearmMessageId, data: { name: `this.${name}`, timer: timer.start, cancel: timer.cancel }, start: call.getStart(), end: call.getEnd(), suggestions: [] });
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
