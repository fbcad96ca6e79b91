// What one reference to an emitter does: connect it, end its connections, hand it to someone who
// keeps it (released), reassign it, or nothing. Anything not understood counts as released, so
// that an unknown shape never produces a report (precision over recall).
import { Node, SyntaxKind, VariableDeclarationKind, type CallExpression, type Expression } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { ReferenceEffect } from './reference-effect.js';
import { declarationKey, declarationsOf, skipOuterExpressions, typeOfExpression } from './type-queries.js';
import type { ModelEnv } from './emitter-model.js';
import { connectSiteOf, endSiteOf, ownershipSitesOf } from './sites.js';

export type Use =
  | { kind: 'connect'; signal: string; handle?: Node }
  | { kind: 'end-all' }
  | { kind: 'end-signal'; signal: string }
  | { kind: 'released'; into?: StoreTarget }
  | { kind: 'neutral' }
  | { kind: 'reassigned' }
  | { kind: 'captured'; fn: Node }
  | { kind: 'effect'; effect: ReferenceEffect };

/** What the callees do to their arguments and `this`: the summaries, passed in by their module. */
export interface CalleeSummaries {
  parameterEffect(context: AnalysisContext, callee: Expression, index: number, isConstruction: boolean): ReferenceEffect | undefined;
  thisEffect(context: AnalysisContext, declaration: Node): ReferenceEffect | undefined;
}

/** Where a released emitter went, when it went into a field of `this` (for field/collection drops). */
export interface StoreTarget {
  field: string;
  collection: boolean;
}

/** Function-like nodes: a reference inside one of these, relative to the analysed unit, is a capture. */
export function isFunctionLike(node: Node): boolean {
  return (
    Node.isFunctionDeclaration(node) ||
    Node.isFunctionExpression(node) ||
    Node.isArrowFunction(node) ||
    Node.isMethodDeclaration(node) ||
    Node.isConstructorDeclaration(node) ||
    Node.isGetAccessorDeclaration(node) ||
    Node.isSetAccessorDeclaration(node) ||
    Node.isClassDeclaration(node) ||
    Node.isClassExpression(node)
  );
}

/** The outermost function-like between `node` and `unit`, if any. */
export function captureFunction(node: Node, unit: Node): Node | undefined {
  let found: Node | undefined;
  for (let current = node.getParent(); current !== undefined && current !== unit; current = current.getParent()) {
    if (isFunctionLike(current)) found = current;
  }
  return found;
}

/** Does `expression` (after parentheses and `!`) denote the same variable or `this` as `reference`? */
export function sameTarget(context: ModelEnv, expression: Node, reference: Node): boolean {
  const target = skipOuterExpressions(expression);
  if (Node.isThisExpression(reference)) return Node.isThisExpression(target);
  // `this.f` (a field holder) against `this.f`.
  const field = thisFieldName(reference);
  if (field !== undefined) return thisFieldName(target) === field;
  if (!Node.isIdentifier(target) || !Node.isIdentifier(reference) || target.getText() !== reference.getText()) return false;
  if (target === reference) return true;
  const left = declarationKey(context.checker, target);
  return left !== undefined && left === declarationKey(context.checker, reference);
}

/** `this.F` (through parentheses and `!`): F, else undefined. */
export function thisFieldName(expression: Node): string | undefined {
  const target = skipOuterExpressions(expression);
  if (Node.isPropertyAccessExpression(target) && Node.isThisExpression(skipOuterExpressions(target.getExpression()))) return target.getName();
  return undefined;
}

/** The result of `call` is discarded (an expression statement, `void`, or the last operand of a comma). */
export function isDiscarded(node: Node): boolean {
  let current = node;
  for (;;) {
    const parent = current.getParent();
    if (parent === undefined) return false;
    if (Node.isParenthesizedExpression(parent) || Node.isAwaitExpression(parent)) {
      current = parent;
      continue;
    }
    if (Node.isExpressionStatement(parent) || Node.isVoidExpression(parent)) return true;
    if (Node.isBinaryExpression(parent) && parent.getOperatorToken().getKind() === SyntaxKind.CommaToken) {
      return parent.getLeft() === current ? true : isDiscarded(parent);
    }
    return false;
  }
}

const storingMethods = new Set(['push', 'unshift', 'add', 'set', 'splice', 'concat', 'fill', 'track']);
const neutralBinaryOperators = new Set([
  SyntaxKind.EqualsEqualsEqualsToken,
  SyntaxKind.ExclamationEqualsEqualsToken,
  SyntaxKind.EqualsEqualsToken,
  SyntaxKind.ExclamationEqualsToken,
  SyntaxKind.InstanceOfKeyword,
  SyntaxKind.InKeyword,
]);

function climbOuter(node: Node): Node {
  let current = node;
  for (let parent = current.getParent(); parent !== undefined; parent = current.getParent()) {
    if (
      Node.isParenthesizedExpression(parent) ||
      Node.isNonNullExpression(parent) ||
      Node.isAsExpression(parent) ||
      Node.isTypeAssertion(parent) ||
      Node.isSatisfiesExpression(parent)
    ) {
      current = parent;
    } else {
      break;
    }
  }
  return current;
}

/** The call whose callee is `callee` (`x.m` in `x.m(…)`), if any. */
function callOf(callee: Node): CallExpression | undefined {
  const parent = callee.getParent();
  return parent !== undefined && Node.isCallExpression(parent) && parent.getExpression() === callee ? parent : undefined;
}

/** The variable declaration that keeps a call's result (`const c = x.sig.connect(…)`), if that is where it goes. */
function keptIn(call: Node): Node | undefined {
  const outer = climbOuter(call);
  const parent = outer.getParent();
  if (parent !== undefined && Node.isVariableDeclaration(parent) && parent.getInitializer() === outer && Node.isIdentifier(parent.getNameNode())) {
    return parent;
  }
  return undefined;
}

function isUsingDeclaration(declaration: Node): boolean {
  const list = declaration.getParent();
  if (list === undefined || !Node.isVariableDeclarationList(list)) return false;
  const kind = list.getDeclarationKind();
  return kind === VariableDeclarationKind.Using || kind === VariableDeclarationKind.AwaitUsing;
}

function connectUse(context: AnalysisContext, call: CallExpression, reference: Node): Use | undefined {
  const site = connectSiteOf(context, call);
  if (site === undefined) return undefined;
  if (sameTarget(context, site.emitter, reference)) {
    if (isDiscarded(call)) return { kind: 'connect', signal: site.signal };
    const handle = keptIn(call);
    // A handle kept elsewhere (a field, an argument) is someone else's to end; `using` ends it.
    if (handle === undefined || isUsingDeclaration(handle)) return { kind: 'neutral' };
    return { kind: 'connect', signal: site.signal, handle };
  }
  if (site.receiver !== undefined && sameTarget(context, site.receiver, reference)) {
    return isDiscarded(call) ? { kind: 'connect', signal: receiverSignal(site.emitter.getText(), site.signal) } : { kind: 'neutral' };
  }
  if (site.slot !== undefined && sameTarget(context, site.slot, reference)) return { kind: 'neutral' };
  return undefined;
}

/** The label of a receiver-bound connection: `model.changed`. */
export function receiverSignal(emitterText: string, signal: string): string {
  return `${emitterText}.${signal}`;
}

function endUse(context: AnalysisContext, call: CallExpression, reference: Node): Use | undefined {
  const site = endSiteOf(context, call);
  if (site === undefined) return undefined;
  if (site.kind === 'dispose' && sameTarget(context, site.emitter, reference)) return { kind: 'end-all' };
  if (site.kind === 'disconnect-signal') {
    if (sameTarget(context, site.emitter, reference)) return { kind: 'end-signal', signal: site.signal };
    if (call.getArguments().some((argument) => sameTarget(context, argument, reference))) {
      return { kind: 'end-signal', signal: receiverSignal(site.emitter.getText(), site.signal) };
    }
  }
  return undefined;
}

function ownershipUse(context: AnalysisContext, node: Node, reference: Node): Use | undefined {
  if (!Node.isCallExpression(node) && !Node.isNewExpression(node)) return undefined;
  for (const site of ownershipSitesOf(context, node)) {
    // A program-long container keeps the object, and the caller must still destroy it.
    if (sameTarget(context, site.owned, reference)) return site.ownerOutlivesCaller === true ? { kind: 'neutral' } : { kind: 'released' };
    if (site.owner !== undefined && sameTarget(context, site.owner, reference)) return { kind: 'neutral' };
  }
  return undefined;
}

/**
 * Classifies one reference (an identifier of a tracked variable, or `this` in a method) inside
 * `unit`, the function being analysed.
 */
export function classifyUse(context: AnalysisContext, reference: Node, unit: Node, summaries: CalleeSummaries): Use {
  const fn = captureFunction(reference, unit);
  if (fn !== undefined) return { kind: 'captured', fn };
  const outer = climbOuter(reference);
  const parent = outer.getParent();
  if (parent === undefined) return { kind: 'released' };

  // reference.member…
  if ((Node.isPropertyAccessExpression(parent) || Node.isElementAccessExpression(parent)) && parent.getExpression() === outer) {
    return memberUse(context, parent, reference, summaries);
  }
  if (Node.isCallExpression(parent) || Node.isNewExpression(parent)) {
    if (Node.isCallExpression(parent) && parent.getExpression() === outer) return { kind: 'released' }; // calling an emitter: unknown
    return argumentUse(context, parent, outer, reference, summaries);
  }
  if (Node.isBinaryExpression(parent)) {
    const operator = parent.getOperatorToken().getKind();
    if (operator === SyntaxKind.EqualsToken) {
      if (parent.getLeft() === outer) return { kind: 'reassigned' };
      const field = thisFieldName(parent.getLeft());
      if (field !== undefined) return { kind: 'released', into: { field, collection: false } };
      const left = skipOuterExpressions(parent.getLeft());
      if (Node.isElementAccessExpression(left)) {
        const collectionField = thisFieldName(left.getExpression());
        if (collectionField !== undefined) return { kind: 'released', into: { field: collectionField, collection: true } };
      }
      return { kind: 'released' };
    }
    if (neutralBinaryOperators.has(operator)) return { kind: 'neutral' };
    if (operator === SyntaxKind.AmpersandAmpersandToken || operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken) {
      // `row && …` as a condition is a test; as a value it may flow on.
      return parent.getLeft() === outer && isTestPosition(parent) ? { kind: 'neutral' } : { kind: 'released' };
    }
    return { kind: 'released' };
  }
  if (Node.isPrefixUnaryExpression(parent) || Node.isTypeOfExpression(parent) || Node.isExpressionStatement(parent)) return { kind: 'neutral' };
  if ((Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent)) && parent.getExpression() === outer) {
    return { kind: 'neutral' };
  }
  if (Node.isConditionalExpression(parent) && parent.getCondition() === outer) return { kind: 'neutral' };
  if (Node.isTemplateSpan(parent)) return { kind: 'neutral' };
  if (Node.isVariableDeclaration(parent) && parent.getNameNode() === reference) return { kind: 'neutral' };
  return { kind: 'released' };
}

function isTestPosition(node: Node): boolean {
  const outer = climbOuter(node);
  const parent = outer.getParent();
  if (parent === undefined) return false;
  if (Node.isIfStatement(parent) || Node.isWhileStatement(parent) || Node.isDoStatement(parent)) return parent.getExpression() === outer;
  if (Node.isConditionalExpression(parent)) return parent.getCondition() === outer;
  if (Node.isPrefixUnaryExpression(parent) || Node.isExpressionStatement(parent)) return true;
  return false;
}

function memberUse(context: AnalysisContext, access: Node, reference: Node, summaries: CalleeSummaries): Use {
  // reference.method(…)
  const directCall = callOf(access);
  if (directCall !== undefined) {
    const known = endUse(context, directCall, reference) ?? connectUse(context, directCall, reference) ?? ownershipUse(context, directCall, reference);
    if (known !== undefined) return known;
    return methodUse(context, access, reference, summaries);
  }
  // reference.sig.method(…)
  const outerAccess = climbOuter(access);
  const grand = outerAccess.getParent();
  if (grand !== undefined && (Node.isPropertyAccessExpression(grand) || Node.isElementAccessExpression(grand)) && grand.getExpression() === outerAccess) {
    const signalCall = callOf(grand);
    if (signalCall !== undefined) {
      return endUse(context, signalCall, reference) ?? connectUse(context, signalCall, reference) ?? { kind: 'neutral' };
    }
  }
  // Handing on an object member (`container.add(row.element)`, `forward(row.clicked)`): what
  // keeps the member may keep the object too (its listeners often close over it). Precision first.
  if (handsOn(outerAccess)) {
    const type = typeOfExpression(outerAccess);
    if (type === undefined || type.isObject() || type.isAny() || type.isUnknown()) return { kind: 'released' };
  }
  // Writing or reading a member (`row.text = 'a'`, `row.count`) does not move the object.
  return { kind: 'neutral' };
}

/** The value of `node` goes somewhere that may keep it: an argument, an assignment, a literal, a return. */
function handsOn(node: Node): boolean {
  const parent = node.getParent();
  if (parent === undefined) return false;
  if ((Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getArguments().includes(node)) return true;
  if (Node.isBinaryExpression(parent)) return parent.getRight() === node && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
  return (
    Node.isArrayLiteralExpression(parent) ||
    Node.isPropertyAssignment(parent) ||
    Node.isReturnStatement(parent) ||
    Node.isSpreadElement(parent) ||
    (Node.isVariableDeclaration(parent) && parent.getInitializer() === node)
  );
}

function methodUse(context: AnalysisContext, access: Node, reference: Node, summaries: CalleeSummaries): Use {
  const name = Node.isPropertyAccessExpression(access) ? access.getName() : undefined;
  const declaration = declarationsOf(access, context)[0];
  if (name !== undefined && context.models.some((model) => model.isNeutralMethod?.(name, declaration) === true)) return { kind: 'neutral' };
  if (name !== undefined && ['emit', 'toString', 'valueOf'].includes(name)) return { kind: 'neutral' };
  if (declaration === undefined) return { kind: 'released' };
  const effect = summaries.thisEffect(context, declaration);
  if (effect === undefined) return { kind: 'released' };
  void reference;
  return { kind: 'effect', effect };
}

function argumentUse(context: AnalysisContext, call: CallExpression | Node, argument: Node, reference: Node, summaries: CalleeSummaries): Use {
  if (!Node.isCallExpression(call) && !Node.isNewExpression(call)) return { kind: 'released' };
  const owned = ownershipUse(context, call, reference);
  if (owned !== undefined) return owned;
  if (Node.isCallExpression(call)) {
    const known = connectUse(context, call, reference) ?? endUse(context, call, reference);
    if (known !== undefined) return known;
    const callee = skipOuterExpressions(call.getExpression());
    if (Node.isPropertyAccessExpression(callee) && storingMethods.has(callee.getName())) {
      const field = thisFieldName(callee.getExpression());
      return field === undefined ? { kind: 'released' } : { kind: 'released', into: { field, collection: true } };
    }
  }
  const args = call.getArguments();
  const index = args.indexOf(argument);
  if (index < 0) return { kind: 'released' };
  if (args.slice(0, index + 1).some((arg) => Node.isSpreadElement(arg))) return { kind: 'released' };
  const calleeNode = call.getExpression();
  if (calleeNode === undefined) return { kind: 'released' };
  const effect = summaries.parameterEffect(context, calleeNode, index, Node.isNewExpression(call));
  return effect === undefined ? { kind: 'released' } : { kind: 'effect', effect };
}
