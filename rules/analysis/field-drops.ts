// Drops through fields of `this`: overwriting a field that holds a connected emitter, and clearing
// or removing from a collection field of connected emitters, without disposing them first.
import { Node, SyntaxKind, ts, type CallExpression, type ClassDeclaration, type ClassExpression } from 'ts-morph';
import { callIsInside, indexFile } from './relevance.js';
import type { AnalysisContext } from './context.js';
import type { FieldFact } from './emitter-flow.js';
import { freshConnections } from './emitter-flow.js';
import { captureFunction, isDiscarded, isFunctionLike, thisFieldName } from './uses.js';
import { skipOuterExpressions } from './type-queries.js';
import { connectSiteOf, endSiteOf } from './sites.js';
import { persistentHolders, skipOuter } from './holders.js';
import { addingMethods, mayBeFresh } from './allocation-gate.js';

export interface FieldDrop {
  kind: 'field-overwrite' | 'collection-clear';
  field: string;
  /** The overwrite or the clearing operation. */
  node: Node;
  /** The `this.F` access of the operation (its type is the field's). */
  access: Node;
  signals: string[];
  /** The expression statement to insert a `dispose()` before, when the suggestion is safe. */
  statement?: Node;
}

type ClassLike = ClassDeclaration | ClassExpression;

const removingMethods = new Set(['clear', 'splice', 'pop', 'shift', 'delete']);
/** Reads that only measure or search a collection: they do not dispose what is removed. */
const measuringMembers = new Set(['length', 'size', 'has', 'includes', 'indexOf', 'findIndex', 'lastIndexOf']);

/** The function that runs `node` (a method, constructor, accessor, nested function), or undefined. */
function enclosingFunction(node: Node, owner: Node): Node | undefined {
  return captureFunction(node, owner);
}

/**
 * Every `this.F` in the class body, skipping nested non-arrow functions and classes (another `this`),
 * by field. From the file's syntactic index; a field's accesses are wrapped only when it is asked for.
 */
class FieldAccesses {
  private readonly compiler = new Map<string, ts.PropertyAccessExpression[]>();
  private readonly wrapped = new Map<string, Node[]>();

  constructor(
    private readonly context: AnalysisContext,
    owner: ClassLike,
  ) {
    for (const { node, binder } of indexFile(owner.getSourceFile().compilerNode).thisAccesses) {
      if (binder !== owner.compilerNode) continue;
      const list = this.compiler.get(node.name.text) ?? [];
      list.push(node);
      this.compiler.set(node.name.text, list);
    }
  }

  get(field: string): Node[] {
    let list = this.wrapped.get(field);
    if (list === undefined) {
      list = (this.compiler.get(field) ?? []).flatMap((node) => this.context.node(node) ?? []);
      this.wrapped.set(field, list);
    }
    return list;
  }

  /** `this.F = value` with a value that can be fresh by syntax (a construction, a call, a conditional): field by field. */
  *freshAssignments(): Iterable<[string, Node]> {
    for (const [field, list] of this.compiler) {
      if (!list.some(isFreshAssignmentTarget)) continue;
      for (const access of this.get(field)) if (isFreshAssignmentTarget(access.compilerNode as ts.PropertyAccessExpression)) yield [field, access];
    }
  }
}

function isFreshAssignmentTarget(access: ts.PropertyAccessExpression): boolean {
  const parent = access.parent;
  return ts.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && mayBeFresh(skipOuter(parent.right));
}

/**
 * The class's calls that this pass reads: connects and collection additions. Found on the
 * compiler's nodes; only those are wrapped.
 */
function relevantCalls(context: AnalysisContext, owner: ClassLike): CallExpression[] {
  const names = new Set([...context.connectMethodNames, ...addingMethods]);
  const found: CallExpression[] = [];
  // From the file's syntactic index: the named calls inside the class, in document order.
  for (const entry of indexFile(owner.getSourceFile().compilerNode).calls) {
    if (!names.has(entry.name) || !callIsInside(entry, owner.compilerNode)) continue;
    const call = context.node(entry.node);
    if (call !== undefined && Node.isCallExpression(call)) found.push(call);
  }
  return found;
}

function isAssignmentTarget(access: Node): boolean {
  const parent = access.getParent();
  return parent !== undefined && Node.isBinaryExpression(parent) && parent.getLeft() === access && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken;
}

function isInConstructor(node: Node): boolean {
  const runner = node.getFirstAncestor((ancestor) => isFunctionLike(ancestor) || Node.isPropertyDeclaration(ancestor));
  return runner !== undefined && Node.isConstructorDeclaration(runner);
}

/** The member access right above `this.F`: `this.F.clear`, `this.F.length`… */
function memberAbove(access: Node): string | undefined {
  const parent = access.getParent();
  if (parent !== undefined && Node.isPropertyAccessExpression(parent) && parent.getExpression() === access) return parent.getName();
  return undefined;
}

/** `this.F` is handed out (returned, passed, aliased): someone else may end what it holds. */
function escapes(access: Node): boolean {
  let outer = access;
  for (let parent = outer.getParent(); parent !== undefined && (Node.isParenthesizedExpression(parent) || Node.isNonNullExpression(parent)); parent = outer.getParent()) outer = parent;
  const parent = outer.getParent();
  if (parent === undefined) return false;
  if (Node.isReturnStatement(parent) || Node.isArrowFunction(parent) || Node.isArrayLiteralExpression(parent) || Node.isSpreadElement(parent)) return true;
  if (Node.isVariableDeclaration(parent)) return false; // a local alias is read, handled as "read before"
  if ((Node.isCallExpression(parent) || Node.isNewExpression(parent)) && parent.getArguments().includes(outer)) return true;
  if (Node.isBinaryExpression(parent) && parent.getRight() === outer && parent.getOperatorToken().getKind() === SyntaxKind.EqualsToken) {
    return true;
  }
  return false;
}

function statementOf(node: Node): Node | undefined {
  const parent = node.getParent();
  return parent !== undefined && Node.isExpressionStatement(parent) ? parent : undefined;
}

export function findFieldDrops(context: AnalysisContext, owner: ClassLike, facts: readonly FieldFact[]): FieldDrop[] {
  const accesses = new FieldAccesses(context, owner);
  const fieldSignals = new Map<string, Set<string>>();
  const collectionSignals = new Map<string, Set<string>>();
  const add = (map: Map<string, Set<string>>, field: string, signals: readonly string[]) => {
    const set = map.get(field) ?? new Set<string>();
    for (const signal of signals) set.add(signal);
    map.set(field, set);
  };
  for (const fact of facts) add(fact.collection ? collectionSignals : fieldSignals, fact.field, fact.signals);

  // The assignments that fill a field with a connected emitter: its setup, not a drop (precision:
  // whether the field already held one when a method runs again is not known statically).
  const filling = new Set<Node>(facts.flatMap((fact) => (fact.store === undefined ? [] : [fact.store])));
  // `this.F = new Row()` (or a field initializer) plus a connect on `this.F.sig` anywhere in the class.
  const connectedViaField = new Map<string, string[]>();
  const connectSites: { field: string; call: Node }[] = [];
  for (const call of relevantCalls(context, owner)) {
    // `this.F.push(createConnectedRow())`: a fresh emitter, connected already, goes into the collection.
    const callee = skipOuterExpressions(call.getExpression());
    if (Node.isPropertyAccessExpression(callee) && addingMethods.has(callee.getName())) {
      const collection = thisFieldName(callee.getExpression());
      if (collection !== undefined) {
        for (const argument of call.getArguments()) {
          const fresh = freshConnections(context, argument);
          if (fresh !== undefined && fresh.length > 0) add(collectionSignals, collection, fresh);
        }
      }
    }
    const site = connectSiteOf(context, call);
    const field = site === undefined ? undefined : thisFieldName(site.emitter);
    if (site === undefined || field === undefined) continue;
    connectedViaField.set(field, [...(connectedViaField.get(field) ?? []), site.signal]);
    connectSites.push({ field, call });
  }
  for (const [field, signals] of connectedViaField) {
    const property = owner.getProperty(field);
    const initializer = property !== undefined && Node.isPropertyDeclaration(property) ? property.getInitializer() : undefined;
    const assignedFresh =
      (initializer !== undefined && freshConnections(context, initializer) !== undefined) ||
      accesses.get(field).some((access) => {
        if (!isAssignmentTarget(access)) return false;
        const assignment = access.getParentOrThrow();
        if (!Node.isBinaryExpression(assignment)) return false;
        const fresh = freshConnections(context, assignment.getRight());
        if (fresh === undefined) return false;
        if (fresh.length > 0) filling.add(assignment);
        const fn = enclosingFunction(access, owner);
        const connectedHere = connectSites.some((site) => site.field === field && fn !== undefined && fn.containsRange(site.call.getPos(), site.call.getEnd()) && site.call.getStart() > assignment.getStart());
        if (connectedHere) filling.add(assignment);
        return true;
      });
    if (assignedFresh) add(fieldSignals, field, signals);
  }

  // `this.F = createConnectedRow()`: a field filled with an emitter that is connected already.
  for (const [field, access] of accesses.freshAssignments()) {
    const assignment = access.getParent();
    if (assignment === undefined || !Node.isBinaryExpression(assignment)) continue;
    const fresh = freshConnections(context, assignment.getRight());
    if (fresh === undefined || fresh.length === 0) continue;
    add(fieldSignals, field, fresh);
    filling.add(assignment);
  }

  const drops: FieldDrop[] = [];
  // Private fields are the heap's (emitter-flow.ts, from the class invariant); public ones stay here.
  const heapFields = persistentHolders(context, owner.compilerNode.getSourceFile()).fields.get(owner.compilerNode) ?? new Set<string>();
  for (const [field, signals] of fieldSignals) {
    if (heapFields.has(field)) continue;
    const list = accesses.get(field);
    if (list.some(escapes)) continue;
    for (const access of list) {
      if (!isAssignmentTarget(access) || isInConstructor(access)) continue;
      const assignment = access.getParentOrThrow();
      if (!Node.isBinaryExpression(assignment) || filling.has(assignment)) continue;
      const fn = enclosingFunction(access, owner);
      if (fn === undefined) continue; // a field initializer: the first value
      if (readBefore(list, access, fn, false) || callsHelperBefore(owner, accesses, field, access, fn) || mentionsField(assignment.getRight(), field) || guardedBy(assignment, field, fn)) continue;
      drops.push({ kind: 'field-overwrite', field, node: assignment, access, signals: [...signals], statement: statementOf(assignment) });
    }
  }
  for (const [field, signals] of collectionSignals) {
    const list = accesses.get(field);
    if (list.some(escapes)) continue;
    for (const access of list) {
      const fn = enclosingFunction(access, owner);
      if (fn === undefined) continue;
      let operation: Node | undefined;
      if (isAssignmentTarget(access) && !isInConstructor(access)) {
        operation = access.getParentOrThrow();
      } else {
        const member = memberAbove(access);
        const memberAccess = access.getParent();
        if (member === 'length' && memberAccess !== undefined && isAssignmentTarget(memberAccess)) {
          operation = memberAccess.getParentOrThrow();
        } else if (member !== undefined && removingMethods.has(member) && memberAccess !== undefined) {
          const call = memberAccess.getParent();
          if (call !== undefined && Node.isCallExpression(call) && call.getExpression() === memberAccess) {
            const discardsResult = member === 'clear' || member === 'delete' || isDiscarded(call);
            if (discardsResult) operation = call;
          }
        }
      }
      if (operation === undefined) continue;
      if (readBefore(list, access, fn, true) || callsHelperBefore(owner, accesses, field, access, fn)) continue;
      if (removesNothing(operation) || removedElementHandled(context, list, access, operation, fn)) continue;
      drops.push({ kind: 'collection-clear', field, node: operation, access, signals: [...signals] });
    }
  }
  return drops;
}

/**
 * An earlier `this.m(…)` in the same function where method m reads the field (`this.clear();
 * this.rows = []` with clear() disposing them): the old value may have been handled there.
 */
function callsHelperBefore(owner: ClassLike, accesses: FieldAccesses, field: string, access: Node, fn: Node): boolean {
  const helpers = new Set<string>();
  for (const other of accesses.get(field)) {
    if (isAssignmentTarget(other)) continue;
    const method = other.getFirstAncestor((ancestor) => Node.isMethodDeclaration(ancestor) || Node.isGetAccessorDeclaration(ancestor));
    if (method !== undefined && method.getParent() === owner) helpers.add(method.getName());
  }
  if (helpers.size === 0) return false;
  return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
    if (call.getStart() >= access.getStart()) return false;
    const callee = skipOuterExpressions(call.getExpression());
    return Node.isPropertyAccessExpression(callee) && Node.isThisExpression(skipOuterExpressions(callee.getExpression())) && helpers.has(callee.getName());
  });
}

/** Another `this.F` earlier in the same function that could dispose or hand on the old value. */
function readBefore(list: readonly Node[], access: Node, fn: Node, collection: boolean): boolean {
  return list.some((other) => {
    if (other === access || other.getStart() >= access.getStart() || isAssignmentTarget(other)) return false;
    if (!fn.containsRange(other.getPos(), other.getEnd())) return false;
    if (collection) {
      const member = memberAbove(other);
      if (member !== undefined && (measuringMembers.has(member) || removingMethods.has(member))) return false;
    }
    return true;
  });
}

/** `splice(i, 0, …)`: inserts, removes nothing. */
function removesNothing(operation: Node): boolean {
  if (!Node.isCallExpression(operation)) return false;
  const callee = operation.getExpression();
  if (!Node.isPropertyAccessExpression(callee) || callee.getName() !== 'splice') return false;
  const count = operation.getArguments()[1];
  return count !== undefined && Node.isNumericLiteral(count) && count.getLiteralValue() === 0;
}

/**
 * The removed element is one the function names (`i = this.xs.indexOf(x)`, then the removal), and
 * the function ends it (`x.destroy()`) or puts it back (a move: `this.xs.splice(j, 0, x)`).
 */
function removedElementHandled(context: AnalysisContext, list: readonly Node[], access: Node, operation: Node, fn: Node): boolean {
  const named = new Set<string>();
  for (const other of list) {
    if (!fn.containsRange(other.getPos(), other.getEnd()) || other.getStart() >= access.getStart()) continue;
    const member = other.getParent();
    const call = member?.getParent();
    if (member === undefined || call === undefined || !Node.isPropertyAccessExpression(member) || !Node.isCallExpression(call)) continue;
    if (!['indexOf', 'lastIndexOf', 'includes'].includes(member.getName())) continue;
    const argument = call.getArguments()[0];
    if (argument !== undefined && Node.isIdentifier(skipOuterExpressions(argument))) named.add(skipOuterExpressions(argument).getText());
  }
  if (named.size === 0) return false;
  const after = (node: Node) => node.getStart() > operation.getStart() && fn.containsRange(node.getPos(), node.getEnd());
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    if (!after(call)) continue;
    const site = endSiteOf(context, call);
    if (site !== undefined && site.kind !== 'disconnect-handle' && named.has(skipOuterExpressions(site.emitter).getText())) return true;
    const callee = skipOuterExpressions(call.getExpression());
    const putsBack = Node.isPropertyAccessExpression(callee) && (addingMethods.has(callee.getName()) || callee.getName() === 'splice') && list.includes(skipOuterExpressions(callee.getExpression()));
    if (putsBack && call.getArguments().some((argument) => named.has(skipOuterExpressions(argument).getText()))) return true;
  }
  return false;
}

function mentionsField(expression: Node, field: string): boolean {
  return expression.getDescendantsOfKind(SyntaxKind.PropertyAccessExpression).some((access) => thisFieldName(access) === field) || thisFieldName(expression) === field;
}

/** Inside `if (!this.F)`-like guards, the field is empty when assigned. */
function guardedBy(node: Node, field: string, fn: Node): boolean {
  for (let current = node.getParent(); current !== undefined && current !== fn; current = current.getParent()) {
    if (Node.isIfStatement(current) && mentionsField(current.getExpression(), field)) return true;
    if (Node.isConditionalExpression(current) && mentionsField(current.getCondition(), field)) return true;
  }
  return false;
}
