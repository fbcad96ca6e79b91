// A `setInterval` whose callback keeps `this` alive, and nothing ever clears it: the platform's
// timer list lives as long as the program and keeps the callback, the callback keeps the object.
// The same leak as a closure connected to a global emitter (no-unbound-closure-slot reports it);
// `unref()` only lets the process exit, it keeps the timer.
import { Node, SyntaxKind, ts, type CallExpression, type SourceFile } from 'ts-morph';
import { slotCapture } from './closure-capture.js';
import { classNameOf } from './connect-sites.js';
import { emitterKey } from './connection-fate.js';
import type { Finding } from './finding.js';
import { thisClassOf, unwrapExpression, type ClassLike } from './ownership.js';
import { wrapCompilerNode } from './wrap-node.js';

const CLEARS = new Set(['clearInterval', 'clearTimeout']);
const GLOBAL_OBJECTS = new Set(['window', 'globalThis', 'self', 'global']);

/** `setInterval(…)`, `window.setInterval(…)`, `globalThis.setInterval(…)` on the compiler's AST. */
function isSetInterval(node: ts.CallExpression): boolean {
  const callee = node.expression;
  if (ts.isIdentifier(callee)) return callee.text === 'setInterval';
  return ts.isPropertyAccessExpression(callee) && callee.name.text === 'setInterval' && ts.isIdentifier(callee.expression) && GLOBAL_OBJECTS.has(callee.expression.text);
}

/** Where the interval id goes: dropped, a local or field (by key), or somewhere this analysis does not follow. */
function idHolder(call: CallExpression): { kind: 'dropped' } | { kind: 'kept'; key: string } | { kind: 'escaped' } {
  let value: Node = call;
  let parent = call.getParent();
  while (parent !== undefined && (Node.isParenthesizedExpression(parent) || Node.isAsExpression(parent) || Node.isNonNullExpression(parent))) {
    value = parent;
    parent = parent.getParent();
  }
  if (parent === undefined || Node.isExpressionStatement(parent)) return { kind: 'dropped' };
  if (Node.isVariableDeclaration(parent) && Node.isIdentifier(parent.getNameNode())) return { kind: 'kept', key: emitterKey(parent.getNameNode()) };
  if (Node.isPropertyDeclaration(parent) && parent.getInitializer() === value) return { kind: 'kept', key: `this.${parent.getName()}` };
  if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken && parent.getRight() === value) {
    return { kind: 'kept', key: emitterKey(parent.getLeft()) };
  }
  return { kind: 'escaped' };
}

/** Is an interval kept under `key` cleared anywhere in the class? */
function clearedIn(cls: ClassLike, key: string): boolean {
  return cls.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    const callee = unwrapExpression(call.getExpression());
    const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
    const [id] = call.getArguments();
    return name !== undefined && CLEARS.has(name) && id !== undefined && emitterKey(id) === key;
  });
}

/** The uncleared intervals of `file` whose callback keeps `this` (messageId `unclearedInterval`). */
export function findUnclearedIntervals(file: SourceFile): Finding[] {
  if (!file.getFullText().includes('setInterval')) return [];
  const calls: CallExpression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node) && isSetInterval(node)) {
      const wrapped = wrapCompilerNode(file, node);
      if (wrapped !== undefined && Node.isCallExpression(wrapped)) calls.push(wrapped);
    }
    ts.forEachChild(node, visit);
  };
  visit(file.compilerNode);
  const findings: Finding[] = [];
  for (const call of calls) {
    try {
      const cls = thisClassOf(call);
      const [callback] = call.getArguments();
      if (cls === undefined || callback === undefined || slotCapture(callback, cls) === undefined) continue;
      const holder = idHolder(call);
      if (holder.kind === 'escaped' || (holder.kind === 'kept' && clearedIn(cls, holder.key))) continue;
      const className = classNameOf(cls);
      findings.push({ rule: 'no-unbound-closure-slot', messageId: 'unclearedInterval', data: { className }, start: call.getStart(), end: call.getEnd(), suggestions: [] });
    } catch {
      continue; // a shape this analysis does not know: skipped, never a crash
    }
  }
  return findings;
}
