// The per-function flow analysis on the heap: one control-flow graph per function-like (and per
// module top level, cfg.ts), a worklist fixpoint (fixpoint.ts) whose facts are abstract heaps
// (heap.ts), and the transfer functions below. A fresh connected emitter is dropped when its last
// holder goes away (a scope end, a reassignment, an overwritten field or module variable) while it
// is still connected and nothing outside the heap keeps it. Fields of `this` and module variables
// are persistent: `analyseFile` runs every function of the file from their invariant (the join of
// what every function leaves in them), so a method that runs twice sees its previous value.
import { Node, SyntaxKind, ts, type CallExpression, type SourceFile, type Type } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { buildFlowGraph, isNestedUnit, type FlowAction, type FlowGraph, type FlowNode } from './cfg.js';
import { solve, type Lattice } from './fixpoint.js';
import { Heap, isConnected, signalsOf, type AbstractObject, type HolderKey, type ObjectId } from './heap.js';
import {
  declarationScope,
  fieldKey,
  fieldNameOf,
  handsOut,
  isPersistent,
  isUsing,
  isVar,
  persistentHolders,
  climbOuter,
  skipOuter,
  thisAccesses,
  thisClassOf,
  type PersistentHolders,
} from './holders.js';
import { captureFunction, isDiscarded, sameTarget, type StoreTarget, type Use } from './uses.js';
import { classifyReference } from './summaries.js';
import { calleeName, connectingNames, indexFile } from './relevance.js';
import { addingMethods, mayAllocate, mayBeFresh, mentionsAny, worthTracking } from './allocation-gate.js';
import { connectSiteOf, createdByModel, endSiteOf, ownershipSitesOf, scheduledClosure } from './sites.js';
import { constructorOf, functionWithBody } from './function-bodies.js';
import { declarationsOf, skipOuterExpressions, typeOfExpression } from './type-queries.js';

/** A local variable (or module variable, or parameter) that held a fresh emitter at some point. */
export interface TrackedVariable {
  declaration: Node;
  name: string;
  /** The node whose end is the end of the variable's life (a block, a case block, the function body). */
  scope: Node;
  /** The variable is a local collection and the dropped objects are its elements. */
  collection?: boolean;
}

/** A drop the analysis found; the file pass turns it into a Finding with messages and suggestions. */
export interface Drop {
  kind: 'scope-end' | 'reassigned' | 'never-stored' | 'throw' | 'field-overwrite';
  variable?: TrackedVariable;
  /** For 'field-overwrite': the field's name and the `this.F` target. */
  field?: { name: string; access: Node };
  /** The reported node: the drop site, else the creation expression. */
  node: Node;
  creation: Node;
  signals: string[];
  /** For 'scope-end': the block whose normal end drops the variable (where a dispose() call can go). */
  endOfBlock?: Node;
  /** For 'throw': the throw statement. */
  exit?: Node;
  /** The variable is never released on any path, so disposing it at the drop cannot break a keeper. */
  safeToDispose?: boolean;
}

/** A field of `this` that received a connected emitter: a later overwrite or clear drops it. */
export interface FieldFact {
  field: string;
  collection: boolean;
  signals: string[];
  /** The assignment or call that stored it (`this.F = row`, `this.F.push(row)`). */
  store: Node | undefined;
}

/** Why the analysis could not judge a reference: shown by `slotguard check --explain`. */
export interface Unjudged {
  node: Node;
  reason: string;
}

export interface FlowResult {
  drops: Drop[];
  fieldFacts: FieldFact[];
  unjudged: Unjudged[];
  /** What the persistent holders (fields, module variables) hold when the function returns. */
  exit: Heap;
  /** The function reads or writes a persistent holder (it must be run again from the invariant). */
  touchesPersistent: boolean;
  /**
   * Set when every `return` gives a fresh emitter that nothing else keeps: its open connections.
   * Computed on first use (only factories' callers ask), so that plain functions cost no type queries.
   */
  readonly returnsFresh: string[] | undefined;
}

const emptyResult: FlowResult = { drops: [], fieldFacts: [], unjudged: [], exit: Heap.empty, touchesPersistent: false, returnsFresh: undefined };

/** What one `return` gives back: a tracked holder's open connections, or an expression to judge later. */
type ReturnedValue = { connections: string[] } | { expression: Node } | 'nothing';

/** The function-like units of a file whose bodies are walked, plus the file itself (its top level). */
export function unitsOf(context: AnalysisContext, file: SourceFile, keep: (node: ts.Node) => boolean = () => true): Node[] {
  // From the file's syntactic index (one walk shared by every pass); only the units get ts-morph wrappers.
  const found = indexFile(file.compilerNode).functionLikes.filter((node) => unitKinds.has(node.kind) && keep(node));
  const units: Node[] = keep(file.compilerNode) ? [file] : [];
  for (const compilerNode of found) {
    const node = context.node(compilerNode);
    if (node !== undefined && functionWithBody(node) === node) units.push(node);
  }
  return units;
}

const unitKinds: ReadonlySet<SyntaxKind> = new Set([
  SyntaxKind.FunctionDeclaration,
  SyntaxKind.FunctionExpression,
  SyntaxKind.ArrowFunction,
  SyntaxKind.MethodDeclaration,
  SyntaxKind.Constructor,
  SyntaxKind.GetAccessor,
  SyntaxKind.SetAccessor,
]);

/** The memoized flow result of one unit (a function-like with a body, or a source file). */
export function analyseUnit(context: AnalysisContext, unit: Node): FlowResult {
  const memo = context.memo<object, FlowResult>('flow');
  const key = unit.compilerNode;
  const known = memo.get(key);
  if (known !== undefined) return known;

  memo.set(key, emptyResult); // recursion guard: a factory that calls itself returns nothing fresh
  const run = (): FlowResult => {
    try {
      return new UnitFlow(context, unit, undefined).run();
    } catch {
      // An unknown shape deep in the checker or ts-morph: skip this function, never crash the lint.
      return emptyResult;
    }
  };
  // From an empty heap, a unit that allocates nothing holds nothing: persistent holders start empty here.
  const result = mayAllocate(context, key) ? run() : objectFreeResult(run, () => mentionsAny(key, persistentMentions(context, key)));
  memo.set(key, result);
  return result;
}

/**
 * The result of a unit whose heap stays empty (allocation-gate.ts): nothing dropped, nothing kept.
 * Only a caller asking what it returns (a factory's summary) needs its graph: run then, once.
 */
function objectFreeResult(run: () => FlowResult, mentionsPersistent: () => boolean): FlowResult {
  let returnsFresh: string[] | undefined | null = null;
  let touchesPersistent: boolean | undefined;
  let running = false;
  return {
    drops: [],
    fieldFacts: [],
    unjudged: [],
    exit: Heap.empty,
    // Asked only when another unit leaves an object in a persistent holder (analyseFile's invariant).
    get touchesPersistent() {
      touchesPersistent ??= mentionsPersistent();
      return touchesPersistent;
    },
    get returnsFresh() {
      if (running) return undefined; // recursion guard: a factory that calls itself returns nothing fresh
      if (returnsFresh === null) {
        running = true;
        try {
          returnsFresh = run().returnsFresh;
        } finally {
          running = false;
        }
      }
      return returnsFresh;
    },
  };
}

/** Does a node name a persistent holder of the unit (a field of its class, a module variable)? By name. */
function persistentMentions(context: AnalysisContext, unit: ts.Node): (node: ts.Node) => boolean {
  const persistent = persistentHolders(context, unit.getSourceFile());
  const owner = thisClassOf(unit);
  const fields = (owner === undefined ? undefined : persistent.fields.get(owner)) ?? new Set<string>();
  const moduleNames = new Set<string>();
  for (const declaration of persistent.moduleVariables) if (ts.isIdentifier(declaration.name)) moduleNames.add(declaration.name.text);
  if (fields.size === 0 && moduleNames.size === 0) return () => false;
  return (node) =>
    (ts.isIdentifier(node) && moduleNames.has(node.text)) ||
    (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword && fields.has(node.name.text));
}

/**
 * The open connections of a fresh emitter that `expression` creates (`new X(…)` of an emitter type
 * that no parent owns, or a call of a factory that returns one), or undefined.
 */
export function freshConnections(context: AnalysisContext, expression: Node): string[] | undefined {
  const target = skipOuterExpressions(expression);
  if (Node.isConditionalExpression(target)) {
    // `flag ? new Row() : undefined`: fresh when one branch is fresh and the other fresh or empty.
    const branches = [target.getWhenTrue(), target.getWhenFalse()].map((branch) => (isEmptyValue(branch) ? null : freshConnections(context, branch)));
    if (branches.some((branch) => branch === undefined) || branches.every((branch) => branch === null)) return undefined;
    return [...new Set(branches.flatMap((branch) => branch ?? []))];
  }
  if (Node.isNewExpression(target)) {
    if (!constructsEmitter(context, target) && !createdByModel(context, target)) return undefined;
    if (ownershipSitesOf(context, target).length > 0) return undefined;
    return [];
  }
  if (Node.isCallExpression(target)) {
    if (createdByModel(context, target)) return selfConnections(context, target);
    const fn = declarationsOf(target.getExpression(), context).map(functionWithBody).find((found) => found !== undefined);
    // The callee's result type must be an emitter before its body is read.
    if (fn === undefined || !returnsEmitter(context, fn)) return undefined;
    return analyseUnit(context, fn).returnsFresh;
  }
  return undefined;
}

/** A creation that is its own connect site (`setInterval(fn, ms)` runs `fn` from the start): connected at once. */
function selfConnections(context: AnalysisContext, call: CallExpression): string[] {
  const site = connectSiteOf(context, call);
  return site !== undefined && skipOuterExpressions(site.emitter) === call ? [site.signal] : [];
}

/** `new X(…)`: is X an emitter class? Asked once per class declaration, not per expression. */
function constructsEmitter(context: AnalysisContext, expression: Node): boolean {
  if (!Node.isNewExpression(expression)) return false;
  const declaration = declarationsOf(expression.getExpression(), context).find((found) => Node.isClassDeclaration(found) || Node.isClassExpression(found));
  if (declaration === undefined) {
    const type = typeOfExpression(expression);
    return type !== undefined && context.isEmitterType(type);
  }
  const memo = context.memo<object, boolean>('class-is-emitter');
  const known = memo.get(declaration.compilerNode);
  if (known !== undefined) return known;
  const type = typeOfExpression(declaration);
  const result = type !== undefined && context.isEmitterType(type);
  memo.set(declaration.compilerNode, result);
  return result;
}

/** Does this function's (declared or inferred) result type include an emitter? Once per function. */
function returnsEmitter(context: AnalysisContext, fn: Node): boolean {
  const memo = context.memo<object, boolean>('returns-emitter');
  const known = memo.get(fn.compilerNode);
  if (known !== undefined) return known;
  memo.set(fn.compilerNode, false); // recursion guard
  // An async function returns a Promise and a generator an iterator, never an emitter: no type question.
  if (isAsyncOrGenerator(fn.compilerNode)) return false;
  let result = false;
  try {
    const type = (fn as unknown as { getReturnType(): Type }).getReturnType();
    result = context.isEmitterType(type);
  } catch {
    result = false;
  }
  memo.set(fn.compilerNode, result);
  return result;
}

function isAsyncOrGenerator(fn: ts.Node): boolean {
  if (ts.isFunctionLike(fn) && (fn as ts.FunctionLikeDeclaration).asteriskToken !== undefined) return true;
  return ts.canHaveModifiers(fn) && (ts.getModifiers(fn) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword);
}

/** Every return gives a fresh emitter: the union of their open connections; else undefined. */
function judgeReturns(context: AnalysisContext, returned: readonly ReturnedValue[]): string[] | undefined {
  if (returned.length === 0) return undefined;
  const connections = new Set<string>();
  for (const value of returned) {
    if (value === 'nothing') return undefined;
    const fresh = 'connections' in value ? value.connections : freshConnections(context, value.expression);
    if (fresh === undefined) return undefined;
    for (const signal of fresh) connections.add(signal);
  }
  return [...connections];
}

function isEmptyValue(node: Node): boolean {
  const target = skipOuterExpressions(node);
  return Node.isNullLiteral(target) || (Node.isIdentifier(target) && target.getText() === 'undefined');
}

const maxInvariantRounds = 4;

/** Members that only measure or search a collection. */
const measuringMembers: ReadonlySet<string> = new Set(['length', 'size', 'has', 'includes', 'indexOf']);

/** `[]`, `new Map()`, `new Set()`, `new Array()`: a collection made here. */
function isCollectionLiteral(initializer: ts.Expression | undefined): boolean {
  if (initializer === undefined) return false;
  const target = skipOuter(initializer);
  if (ts.isArrayLiteralExpression(target)) return true;
  return ts.isNewExpression(target) && ts.isIdentifier(target.expression) && ['Map', 'Set', 'Array'].includes(target.expression.text);
}

/**
 * Every unit of `file` that can connect, run to the file's fixpoint: persistent holders (private
 * fields, module variables) start each function but the constructor and the top level from the
 * join of what every function leaves in them.
 */
export function analyseFile(context: AnalysisContext, file: SourceFile, units: readonly Node[]): FlowResult[] {
  const results = new Map<Node, FlowResult>(units.map((unit) => [unit, analyseUnit(context, unit)]));
  let invariant = Heap.join([...results.values()].map((result) => result.exit));
  if (invariant.objects.size === 0) return [...results.values()];
  const rerun = units.filter((unit) => results.get(unit)?.touchesPersistent === true && startsFromInvariant(unit));
  for (let round = 0; round < maxInvariantRounds && rerun.length > 0; round++) {
    for (const unit of rerun) {
      try {
        results.set(unit, new UnitFlow(context, unit, invariant).run());
      } catch {
        // keep the first run's result
      }
    }
    const next = Heap.join([invariant, ...[...results.values()].map((result) => result.exit)]);
    if (Heap.equals(next, invariant)) break;
    invariant = next;
  }
  void file;
  return [...results.values()];
}

/** The constructor and the module top level run once, from nothing; every other function can run again. */
function startsFromInvariant(unit: Node): boolean {
  return !Node.isSourceFile(unit) && !Node.isConstructorDeclaration(unit);
}

class UnitFlow {
  private readonly compilerUnit: ts.Node;
  private readonly unitBody: ts.Node;
  private readonly persistent: PersistentHolders;
  private readonly thisClass: ts.ClassLikeDeclaration | undefined;
  private readonly thisFields: ReadonlySet<string>;
  private readonly holderMemo = new Map<ts.Node, HolderKey | null>();
  private readonly scopes = new Map<HolderKey, { scope: ts.Node; declaration: ts.Node; name: string; collection?: boolean }>();
  /** Names that may denote a holder with objects: a cheap filter before any checker question. */
  private readonly candidateNames = new Set<string>();
  private readonly handles = new Map<ts.Node, string>();
  private readonly handleNames = new Set<string>();
  private readonly everReleased = new Set<HolderKey>();
  private readonly drops = new Map<string, Drop>();
  private readonly fieldFacts: FieldFact[] = [];
  private readonly unjudged: Unjudged[] = [];
  private readonly returned: ReturnedValue[] = [];
  private touchesPersistent = false;
  /** Only the last pass over the solution reports (the fixpoint visits nodes several times). */
  private reporting = false;

  constructor(
    private readonly context: AnalysisContext,
    private readonly unit: Node,
    private readonly invariant: Heap | undefined,
  ) {
    this.compilerUnit = unit.compilerNode;
    const body = ts.isSourceFile(this.compilerUnit) ? this.compilerUnit : (this.compilerUnit as ts.FunctionLikeDeclaration).body;
    this.unitBody = body ?? this.compilerUnit;
    this.persistent = persistentHolders(context, this.compilerUnit.getSourceFile());
    this.thisClass = thisClassOf(this.compilerUnit);
    this.thisFields = (this.thisClass === undefined ? undefined : this.persistent.fields.get(this.thisClass)) ?? new Set();
    for (const field of this.thisFields) this.candidateNames.add(field);
    for (const declaration of this.persistent.moduleVariables) if (ts.isIdentifier(declaration.name)) this.candidateNames.add(declaration.name.text);
  }

  run(): FlowResult {
    const graph = graphOf(this.context, this.compilerUnit);
    const initial = this.invariant ?? Heap.empty;
    const lattice: Lattice<Heap> = {
      initial,
      join: (facts) => Heap.join(facts),
      equals: (a, b) => Heap.equals(a, b),
      transfer: (node, before) => this.transfer(node, before),
    };
    const solution = solve(graph, lattice, this.context.strict);
    // The reporting pass: each node once, from its fixed input.
    this.reporting = true;
    for (const node of graph.nodes) {
      const before = solution.before[node.id];
      if (before !== undefined && node.action !== undefined) this.transfer(node, before);
    }
    for (const drop of this.drops.values()) {
      const key = drop.variable === undefined ? undefined : this.keyOfDeclaration(drop.variable.declaration.compilerNode);
      if (drop.variable !== undefined) drop.safeToDispose = key === undefined || !this.everReleased.has(key);
    }
    const exitHeap = (solution.before[graph.exit] ?? Heap.empty).restrictTo(isPersistent);
    const returned = this.returned;
    const context = this.context;
    let returnsFresh: string[] | undefined | null = null;
    return {
      drops: [...this.drops.values()],
      fieldFacts: this.fieldFacts,
      unjudged: this.unjudged,
      exit: exitHeap,
      touchesPersistent: this.touchesPersistent,
      get returnsFresh() {
        if (returnsFresh === null) returnsFresh = judgeReturns(context, returned);
        return returnsFresh;
      },
    };
  }

  private keyOfDeclaration(declaration: ts.Node): HolderKey | undefined {
    for (const [key, entry] of this.scopes) if (entry.declaration === declaration) return key;
    return undefined;
  }

  // ---- holders ----

  /** The holder an expression names (a local, parameter, module variable or field of `this`), if modelled. */
  private holderOf(expression: ts.Node): HolderKey | undefined {
    const target = skipOuter(expression);
    const known = this.holderMemo.get(target);
    if (known !== undefined) return known ?? undefined;
    const result = this.computeHolder(target);
    this.holderMemo.set(target, result ?? null);
    return result;
  }

  private computeHolder(target: ts.Node): HolderKey | undefined {
    if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword) {
      if (this.thisClass === undefined || !this.thisFields.has(target.name.text)) return undefined;
      this.touchesPersistent = true;
      return fieldKey(this.thisClass, target.name.text);
    }
    if (!ts.isIdentifier(target)) return undefined;
    let symbol: ts.Symbol | undefined;
    try {
      symbol = this.context.checker.getSymbolAtLocation(target);
      if (target.parent !== undefined && ts.isShorthandPropertyAssignment(target.parent) && target.parent.name === target) {
        symbol = this.context.checker.getShorthandAssignmentValueSymbol(target.parent);
      }
    } catch {
      return undefined;
    }
    const declaration = symbol?.valueDeclaration ?? symbol?.declarations?.[0];
    if (declaration === undefined) return undefined;
    return this.holderOfDeclaration(declaration);
  }

  private holderOfDeclaration(declaration: ts.Node): HolderKey | undefined {
    if (ts.isVariableDeclaration(declaration) && this.persistent.moduleVariables.has(declaration)) {
      this.touchesPersistent = true;
      return `m:${declaration.pos}`;
    }
    if (!ts.isVariableDeclaration(declaration) && !ts.isParameter(declaration)) return undefined;
    if (!ts.isIdentifier(declaration.name)) return undefined;
    if (ts.isVariableDeclaration(declaration) && isUsing(declaration)) return undefined;
    // Declared in this unit, not in a nested function.
    if (!this.declaredHere(declaration)) return undefined;
    const key = `v:${declaration.pos}`;
    if (!this.scopes.has(key)) this.scopes.set(key, { scope: declarationScope(declaration, this.unitBody), declaration, name: declaration.name.text });
    return key;
  }

  private declaredHere(declaration: ts.Node): boolean {
    if (ts.isParameter(declaration)) return declaration.parent === this.compilerUnit;
    for (let current: ts.Node | undefined = declaration.parent; current !== undefined; current = current.parent) {
      if (current === this.compilerUnit) return true;
      if (ts.isFunctionLike(current) || ts.isClassLike(current)) return false;
    }
    return false;
  }

  private nameOf(holder: HolderKey): string {
    if (holder.startsWith('f:')) return `this.${fieldNameOf(holder)}`;
    const entry = this.scopes.get(holder);
    if (entry !== undefined) return entry.name;
    for (const declaration of this.persistent.moduleVariables) {
      if (`m:${declaration.pos}` === holder && ts.isIdentifier(declaration.name)) return declaration.name.text;
    }
    return holder;
  }

  /** The objects `value` evaluates to: a holder's (an alias), a fresh allocation, or none. */
  private valueObjects(value: ts.Expression, heap: Heap, into: string | undefined): { heap: Heap; ids: ReadonlySet<ObjectId> } {
    const target = skipOuter(value);
    const holder = this.holderOf(target);
    if (holder !== undefined) {
      const ids = heap.pointees(holder);
      if (ids.size > 0) return { heap, ids };
    }
    // Only a value that can end up connected is worth a type question: its holder is connected,
    // handed to a connecting function or returned, or the value comes connected from a factory.
    // Only a construction, a call or a conditional can be fresh (freshAt): asked first, by syntax.
    if (!mayBeFresh(target) || !this.worthTracking(target, into)) return { heap, ids: new Set() };
    const fresh = freshAt(this.context, target);
    if (fresh === undefined) return { heap, ids: new Set() };
    const allocated = heap.allocate(target, fresh);
    return { heap: allocated.heap, ids: new Set([allocated.id]) };
  }

  private worthTracking(value: ts.Node, into: string | undefined): boolean {
    return worthTracking(this.context, this.compilerUnit, value, into, () => returnsEmitter(this.context, this.unit));
  }

  /** Is this reference the value of a declaration or assignment into a modelled holder (an alias)? */
  private isAliasSource(reference: ts.Node): boolean {
    const outer = climbOuter(reference);
    const parent = outer.parent;
    if (parent === undefined) return false;
    if (ts.isVariableDeclaration(parent) && parent.initializer === outer) return this.holderOfDeclaration(parent) !== undefined;
    if (ts.isBinaryExpression(parent) && parent.right === outer && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return this.holderOf(parent.left) !== undefined;
    if (ts.isReturnStatement(parent)) return true; // the return action handles it
    return false;
  }

  private setHolder(heap: Heap, holder: HolderKey, ids: ReadonlySet<ObjectId>, drop: ((object: AbstractObject) => void) | undefined): Heap {
    const name = this.nameOf(holder);
    if (ids.size > 0) this.candidateNames.add(name.startsWith('this.') ? name.slice(5) : name);
    const result = heap.assign(holder, ids);
    if (drop !== undefined) {
      for (const orphan of result.orphans) {
        const object = heap.object(orphan);
        if (isConnected(object)) drop(object);
      }
    }
    return result.heap;
  }

  // ---- transfer ----

  private transfer(node: FlowNode, heap: Heap): Heap {
    const action = node.action;
    if (action === undefined) return heap;
    switch (action.kind) {
      case 'ref':
        return this.onReference(action.node, heap);
      case 'declare':
        return this.onDeclare(action.declaration, heap);
      case 'assign':
        return this.onAssign(action, heap);
      case 'call':
        return this.onCall(action.node, heap);
      case 'closure':
        return this.onClosure(action.node, heap);
      case 'scope-end':
        return this.onScopeEnd(action, heap);
      case 'return':
        return this.onReturn(action.expression, heap);
      case 'exit-throw':
        this.onThrowExit(action.node, heap);
        return heap;
      case 'nullish': {
        const holder = this.holderOf(action.expression);
        return holder === undefined || heap.pointees(holder).size === 0 ? heap : heap.assign(holder, new Set()).heap;
      }
      case 'fall-off':
        if (this.reporting && !ts.isSourceFile(this.compilerUnit)) this.returned.push('nothing');
        return heap;
    }
  }

  private onReference(reference: FlowAction & { kind: 'ref' } extends { node: infer N } ? N : never, heap: Heap): Heap {
    if (reference.kind === ts.SyntaxKind.ThisKeyword) return this.onBareThis(reference, heap);
    const name = ts.isIdentifier(reference) ? reference.text : ts.isPropertyAccessExpression(reference) ? reference.name.text : undefined;
    if (name === undefined) return heap;
    if (!this.candidateNames.has(name)) return this.handleNames.has(name) ? this.onHandle(reference, heap) : heap;
    const holder = this.holderOf(reference);
    if (holder !== undefined && heap.pointees(holder).size === 0 && heap.pointees(`e:${holder}`).size > 0) return this.onCollection(reference, holder, heap);
    if (holder === undefined || heap.pointees(holder).size === 0) return this.handleNames.has(name) ? this.onHandle(reference, heap) : heap;
    if (this.isAliasSource(reference)) return heap;
    const wrapped = this.context.node(reference);
    if (wrapped === undefined) return heap;
    const use = classifyReference(this.context, wrapped, this.unit);
    const collection = use.kind === 'released' ? this.localCollectionReceiving(reference) : undefined;
    if (collection !== undefined) return this.addToCollection(holder, collection, heap);
    if (use.kind === 'released' && use.into === undefined && this.reporting && [...heap.pointees(holder)].some((id) => isConnected(heap.object(id)))) this.noteUnjudged(wrapped);
    return this.apply(holder, use, wrapped, heap);
  }

  /** `rows.push(row)` into a local array, Map or Set made here: the collection's holder, else undefined. */
  private localCollectionReceiving(reference: ts.Node): HolderKey | undefined {
    const outer = climbOuter(reference);
    const call = outer.parent;
    if (call === undefined || !ts.isCallExpression(call) || !call.arguments.includes(outer as ts.Expression)) return undefined;
    const callee = skipOuter(call.expression);
    if (!ts.isPropertyAccessExpression(callee) || !addingMethods.has(callee.name.text)) return undefined;
    const receiver = skipOuter(callee.expression);
    const holder = this.holderOf(receiver);
    if (holder === undefined || !holder.startsWith('v:')) return undefined;
    const entry = this.scopes.get(holder);
    const declaration = entry?.declaration;
    if (declaration === undefined || !ts.isVariableDeclaration(declaration) || !isCollectionLiteral(declaration.initializer)) return undefined;
    return holder;
  }

  /** `byKey.set(key, createConnectedRow())`: a fresh emitter put straight into a local collection. */
  private freshIntoCollection(call: ts.CallExpression, heap: Heap): Heap {
    const last = call.arguments[call.arguments.length - 1];
    if (last === undefined) return heap;
    const collection = this.localCollectionReceiving(last);
    if (collection === undefined) return heap;
    const fresh = freshAt(this.context, last);
    if (fresh === undefined) return heap;
    const allocated = heap.allocate(skipOuter(last), fresh);
    const key = `v:fresh:${call.pos}`;
    const withElement = allocated.heap.assign(key, new Set([allocated.id])).heap;
    return this.addToCollection(key, collection, withElement).assign(key, new Set()).heap;
  }

  private addToCollection(element: HolderKey, collection: HolderKey, heap: Heap): Heap {
    const key = `e:${collection}`;
    const entry = this.scopes.get(collection);
    if (entry !== undefined && !this.scopes.has(key)) this.scopes.set(key, { ...entry, collection: true });
    this.everReleased.add(element);
    this.everReleased.add(key);
    if (entry !== undefined) this.candidateNames.add(entry.name);
    return heap.assign(key, new Set([...heap.pointees(key), ...heap.pointees(element)])).heap;
  }

  /** A use of a local collection holding connected emitters: adding and measuring keep them; anything else hands them on. */
  private onCollection(reference: ts.Node, holder: HolderKey, heap: Heap): Heap {
    const parent = climbOuter(reference).parent;
    if (parent !== undefined && ts.isPropertyAccessExpression(parent) && parent.expression === climbOuter(reference)) {
      const member = parent.name.text;
      const called = ts.isCallExpression(parent.parent) && parent.parent.expression === parent;
      if ((called && addingMethods.has(member)) || measuringMembers.has(member)) return heap;
    }
    return this.escapeHolder(heap, `e:${holder}`);
  }

  /** `this` handed on as a whole (`adopt(this, row)`, `const self = this`): its fields may be ended elsewhere. */
  private onBareThis(reference: ts.Node, heap: Heap): Heap {
    if (this.thisClass === undefined || this.thisFields.size === 0) return heap;
    const parent = climbOuter(reference).parent;
    if (parent !== undefined && (ts.isPropertyAccessExpression(parent) || ts.isElementAccessExpression(parent))) return heap;
    let result = heap;
    for (const field of this.thisFields) result = this.escapeHolder(result, fieldKey(this.thisClass, field));
    return result;
  }

  private escapeHolder(heap: Heap, holder: HolderKey): Heap {
    let result = heap;
    for (const id of heap.pointees(holder)) result = result.updateObject(id, (object) => (object.escaped ? object : { ...object, escaped: true }));
    return result;
  }

  private apply(holder: HolderKey, use: Use, at: Node, heap: Heap): Heap {
    let result = heap;
    for (const id of heap.pointees(holder)) result = this.applyToObject(holder, id, use, at, result);
    return result;
  }

  private applyToObject(holder: HolderKey, id: ObjectId, use: Use, at: Node, heap: Heap): Heap {
    switch (use.kind) {
      case 'connect': {
        if (use.handle === undefined) return heap.updateObject(id, (object) => withConnection(object, use.signal));
        const label = `${use.signal}#${use.handle.compilerNode.pos}`;
        this.handles.set(use.handle.compilerNode, label);
        const handleName = (use.handle as unknown as { getName?(): string }).getName?.();
        if (handleName !== undefined) this.handleNames.add(handleName);
        return heap.updateObject(id, (object) => withConnection(object, label));
      }
      case 'end-all':
        return heap.updateObject(id, (object) => ({ ...object, connections: new Set() }));
      case 'end-signal':
        return heap.updateObject(id, (object) => ({ ...object, connections: new Set([...object.connections].filter((label) => label.replace(/#\d+$/, '') !== use.signal)) }));
      case 'released':
        if (this.reporting && use.into !== undefined) this.noteField(use.into, heap, id, at);
        this.everReleased.add(holder);
        return heap.updateObject(id, (object) => ({ ...object, escaped: true }));
      case 'effect': {
        let result = heap.updateObject(id, (object) => {
          let connections = new Set([...object.connections, ...use.effect.connects]);
          if (use.effect.disposes) connections = new Set();
          return { ...object, connections };
        });
        if (use.effect.stores) {
          this.everReleased.add(holder);
          result = result.updateObject(id, (object) => ({ ...object, escaped: true }));
        }
        return result;
      }
      case 'captured':
        return this.applyCapture(holder, id, use.fn, at, heap);
      case 'neutral':
      case 'reassigned':
        return heap;
    }
  }

  private noteField(into: StoreTarget, heap: Heap, id: ObjectId, at: Node): void {
    const object = heap.object(id);
    if (!isConnected(object)) return;
    const store = at.getFirstAncestor((ancestor) => Node.isBinaryExpression(ancestor) || Node.isCallExpression(ancestor));
    this.fieldFacts.push({ field: into.field, collection: into.collection, signals: signalsOf(object), store });
  }

  /** A connected emitter handed somewhere the analysis cannot follow: silent, with the reason kept. */
  private noteUnjudged(at: Node): void {
    const parent = at.getParent();
    let where = parent === undefined ? 'a reference' : `a ${parent.getKindName()}`;
    if (parent !== undefined && (Node.isCallExpression(parent) || Node.isNewExpression(parent))) {
      where = `a call of \`${parent.getExpression().getText()}\`, whose body the analysis cannot read or which keeps it`;
    }
    this.unjudged.push({ node: at, reason: `connected '${at.getText()}' is handed to ${where}: assumed kept by someone, not judged` });
  }

  /**
   * A closure that mentions the holder. The slot connected to the object's own signal is held by
   * the object itself; a scheduler's closure never ends it (unless its body does): neither keeps
   * it for someone else. Every other closure may keep it: escaped.
   */
  private applyCapture(holder: HolderKey, id: ObjectId, fn: Node, at: Node, heap: Heap): Heap {
    const call = skipParentsOfSlot(fn);
    if (call !== undefined && !closureEnds(this.context, fn, at)) {
      const site = connectSiteOf(this.context, call);
      if (site?.slot !== undefined && skipOuterExpressions(site.slot) === fn && sameTarget(this.context, site.emitter, at)) return heap;
    }
    const scheduled = scheduledClosure(this.context, fn);
    if (scheduled !== undefined && !scheduled.ends) return heap;
    this.everReleased.add(holder);
    return heap.updateObject(id, (object) => ({ ...object, escaped: true }));
  }

  /** A kept connection handle: `handle.disconnect()` ends its connection; any other use hands it on. */
  private onHandle(reference: ts.Node, heap: Heap): Heap {
    if (!ts.isIdentifier(reference)) return heap;
    let declaration: ts.Node | undefined;
    try {
      declaration = this.context.checker.getSymbolAtLocation(reference)?.declarations?.[0];
    } catch {
      return heap;
    }
    if (declaration === undefined) return heap;
    const label = this.handles.get(declaration);
    if (label === undefined || (ts.isVariableDeclaration(declaration) && declaration.name === reference)) return heap;
    const parent = reference.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.name.text === 'connected') return heap;
    if (ts.isVoidExpression(parent) || ts.isExpressionStatement(parent)) return heap;
    // disconnect(), [Symbol.dispose](), handing it on, or calling it (a disposer): no longer ours.
    let result = heap;
    for (const [id, object] of heap.objects) {
      if (object.connections.has(label)) result = result.updateObject(id, (each) => ({ ...each, connections: new Set([...each.connections].filter((other) => other !== label)) }));
    }
    return result;
  }

  private onDeclare(declaration: ts.VariableDeclaration, heap: Heap): Heap {
    if (!ts.isIdentifier(declaration.name) || isUsing(declaration)) return heap;
    const holder = this.holderOfDeclaration(declaration);
    if (holder === undefined) return heap;
    if (declaration.initializer === undefined) {
      // A fresh binding (`let row;` in a loop body): the previous iteration's ended at its scope end.
      return heap.pointees(holder).size === 0 ? heap : heap.assign(holder, new Set()).heap;
    }
    const value = this.valueObjects(declaration.initializer, heap, declaration.name.text);
    // `var` and module variables keep their old value until this assignment: reassigning drops it.
    const reassigns = isVar(declaration) || holder.startsWith('m:');
    return this.setHolder(value.heap, holder, value.ids, reassigns ? (orphan) => this.reassignDrop(holder, orphan, declaration) : undefined);
  }

  private onAssign(action: FlowAction & { kind: 'assign' }, heap: Heap): Heap {
    const target = skipOuter(action.target);
    const holder = this.holderOf(target);
    if (holder === undefined) return heap;
    const value = this.valueObjects(action.value, heap, ts.isIdentifier(target) ? target.text : ts.isPropertyAccessExpression(target) ? target.name.text : undefined);
    return this.setHolder(value.heap, holder, value.ids, (orphan) => this.reassignDrop(holder, orphan, action.node));
  }

  private reassignDrop(holder: HolderKey, object: AbstractObject, at: ts.Node): void {
    if (!this.reporting) return;
    const node = this.context.node(at);
    const creation = object === undefined ? undefined : this.context.node(object.site);
    if (node === undefined || creation === undefined) return;
    if (holder.startsWith('f:')) {
      const target = ts.isBinaryExpression(at) ? at.left : at;
      const access = this.context.node(skipOuter(target));
      if (access === undefined) return;
      this.addDrop({ kind: 'field-overwrite', field: { name: fieldNameOf(holder), access }, node, creation, signals: signalsOf(object) });
      return;
    }
    this.addDrop({ kind: 'reassigned', variable: this.variable(holder), node, creation, signals: signalsOf(object) });
  }

  private variable(holder: HolderKey): TrackedVariable | undefined {
    const entry = this.scopes.get(holder);
    if (entry !== undefined) {
      const declaration = this.context.node(entry.declaration);
      const scope = this.context.node(entry.scope);
      if (declaration === undefined || scope === undefined) return undefined;
      return entry.collection === true ? { declaration, name: entry.name, scope, collection: true } : { declaration, name: entry.name, scope };
    }
    for (const declaration of this.persistent.moduleVariables) {
      if (`m:${declaration.pos}` !== holder || !ts.isIdentifier(declaration.name)) continue;
      const wrapped = this.context.node(declaration);
      const file = this.context.node(declaration.getSourceFile());
      return wrapped === undefined || file === undefined ? undefined : { declaration: wrapped, name: declaration.name.text, scope: file };
    }
    return undefined;
  }

  private onCall(call: ts.CallExpression | ts.NewExpression, heap: Heap): Heap {
    let result = heap;
    // `this.helper()`: a method of the class that reads a field may end what it holds.
    if (ts.isCallExpression(call) && this.thisClass !== undefined && this.thisFields.size > 0) {
      const callee = skipOuter(call.expression);
      if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword && !this.thisFields.has(callee.name.text)) {
        for (const field of fieldsReadBy(this.thisClass, callee.name.text)) {
          if (this.thisFields.has(field)) result = this.escapeHolder(result, fieldKey(this.thisClass, field));
        }
      }
    }
    if (ts.isCallExpression(call)) result = this.freshIntoCollection(call, result);
    if (!this.reporting || !ts.isCallExpression(call)) return result;
    // Syntactic gates first: only a discarded connect on a construction or call, or a discarded
    // call of a connecting function, can be "never stored".
    const name = calleeName(call);
    if (name === undefined) return result;
    const discarded = ts.isExpressionStatement(climbOuter(call).parent) || ts.isVoidExpression(climbOuter(call).parent);
    const connects = this.context.connectMethodNames.includes(name);
    if (!connects && !(discarded && connectingNames(this.context).has(name))) return result;
    const wrapped = this.context.node(call);
    if (wrapped === undefined || !Node.isCallExpression(wrapped)) return result;
    if (connects) this.checkTemporary(wrapped);
    else if (ts.isExpressionStatement(climbOuter(call).parent)) this.checkDiscardedFactory(wrapped);
    return result;
  }

  private onClosure(fn: ts.Node, heap: Heap): Heap {
    if (heap.holders.size === 0) return heap;
    let result = heap;
    const seen = new Set<HolderKey>();
    for (const reference of capturedReferences(fn, this.candidateNames)) {
      const holder = this.holderOf(reference);
      if (holder === undefined || seen.has(holder) || result.pointees(holder).size === 0) continue;
      seen.add(holder);
      const at = this.context.node(reference);
      const wrappedFn = this.context.node(fn);
      if (at === undefined || wrappedFn === undefined) continue;
      for (const id of result.pointees(holder)) result = this.applyCapture(holder, id, wrappedFn, at, result);
    }
    return result;
  }

  private onScopeEnd(action: FlowAction & { kind: 'scope-end' }, heap: Heap): Heap {
    let result = heap;
    for (const [holder, entry] of this.scopes) {
      if (entry.scope !== action.scope || result.pointees(holder).size === 0) continue;
      result = this.setHolder(result, holder, new Set(), (object) => {
        if (!this.reporting || (action.jump === 'throw' && !this.context.strict) || ts.isSourceFile(action.scope)) return;
        const creation = this.context.node(object.site);
        if (creation === undefined) return;
        const endOfBlock = action.jump === 'none' ? this.context.node(action.scope) : undefined;
        this.addDrop({ kind: 'scope-end', variable: this.variable(holder), node: creation, creation, signals: signalsOf(object), ...(endOfBlock === undefined ? {} : { endOfBlock }) });
      });
    }
    return result;
  }

  private onReturn(expression: ts.Expression | undefined, heap: Heap): Heap {
    if (expression === undefined) {
      if (this.reporting) this.returned.push('nothing');
      return heap;
    }
    const target = skipOuter(expression);
    const holder = this.holderOf(target);
    const ids = holder === undefined ? new Set<ObjectId>() : heap.pointees(holder);
    if (this.reporting) {
      const open = [...ids].map((id) => heap.object(id)).filter((object) => object !== undefined && !object.escaped);
      const wrapped = this.context.node(target);
      if (open.length > 0) this.returned.push({ connections: [...new Set(open.flatMap((object) => signalsOf(object!)))] });
      else if (wrapped !== undefined) this.returned.push({ expression: wrapped });
    }
    if (holder === undefined) return heap;
    this.everReleased.add(holder);
    return this.escapeHolder(heap, holder);
  }

  private onThrowExit(statement: ts.ThrowStatement | ts.CallExpression | ts.NewExpression, heap: Heap): void {
    if (!this.reporting || !this.context.strict) return;
    // A call leaves by a throw only if its body can throw (a `throw` in it); unknown callees are not judged.
    if (!ts.isThrowStatement(statement) && !callMayThrow(this.context, statement)) return;
    const exit = this.context.node(statement);
    if (exit === undefined) return;
    for (const [holder, entry] of this.scopes) {
      if (ts.isSourceFile(entry.scope)) continue;
      for (const id of heap.pointees(holder)) {
        const object = heap.object(id);
        if (!isConnected(object) || heap.otherHolders(id, holder).some(isPersistent)) continue;
        const creation = this.context.node(object.site);
        if (creation !== undefined) this.addDrop({ kind: 'throw', variable: this.variable(holder), node: creation, creation, signals: signalsOf(object), exit });
      }
    }
  }

  private addDrop(drop: Drop): void {
    const key = `${drop.kind}:${drop.node.getStart()}:${drop.variable?.name ?? drop.field?.name ?? ''}`;
    const existing = this.drops.get(key);
    if (existing === undefined) {
      this.drops.set(key, drop);
      return;
    }
    // The same drop reached on several paths: keep the union of signals and only one block end.
    existing.signals = [...new Set([...existing.signals, ...drop.signals])];
    if (existing.endOfBlock !== drop.endOfBlock) existing.endOfBlock = undefined;
  }

  // ---- never stored ----

  /** `new Row().clicked.connect(…)` as a statement: the emitter is never stored. */
  private checkTemporary(call: CallExpression): void {
    if (!isDiscarded(call)) return;
    const site = connectSiteOf(this.context, call);
    if (site === undefined) return;
    const emitter = skipOuterExpressions(site.emitter);
    if (!Node.isNewExpression(emitter) && !Node.isCallExpression(emitter)) return;
    const fresh = freshConnections(this.context, emitter);
    if (fresh === undefined) return;
    this.addDrop({ kind: 'never-stored', node: emitter, creation: emitter, signals: [...new Set([...fresh, site.signal])] });
  }

  /** `createRow();` where createRow returns a fresh emitter that is already connected. */
  private checkDiscardedFactory(target: CallExpression): void {
    // Only a function that connects (by the syntactic index) can return an already connected emitter.
    const name = calleeName(target.compilerNode);
    if (name === undefined || !connectingNames(this.context).has(name) || this.context.connectMethodNames.includes(name)) return;
    const fresh = freshConnections(this.context, target);
    if (fresh === undefined || fresh.length === 0) return;
    this.addDrop({ kind: 'never-stored', node: target, creation: target, signals: fresh });
  }
}

function withConnection(object: AbstractObject, label: string): AbstractObject {
  if (object.connections.has(label)) return object;
  return { ...object, connections: new Set([...object.connections, label]) };
}

const notFresh = Symbol('not fresh');

/**
 * `freshConnections` of a compiler expression, memoized per node: asked at every visit of a
 * declaration or assignment. Only a construction, a call or a conditional can be fresh: anything
 * else is answered without wrapping a node or asking the checker.
 */
function freshAt(context: AnalysisContext, expression: ts.Node): readonly string[] | undefined {
  const target = skipOuter(expression);
  if (!mayBeFresh(target)) return undefined;
  const memo = context.memo<object, readonly string[] | typeof notFresh>('fresh-at');
  const known = memo.get(target);
  if (known !== undefined) return known === notFresh ? undefined : known;
  const wrapped = context.node(target);
  const fresh = wrapped === undefined ? undefined : freshConnections(context, wrapped);
  memo.set(target, fresh ?? notFresh);
  return fresh;
}

/** Does the function a call runs contain a `throw` of its own (not in a nested function)? Memoized per function. */
function callMayThrow(context: AnalysisContext, call: ts.CallExpression | ts.NewExpression): boolean {
  const wrapped = context.node(call);
  if (wrapped === undefined || (!Node.isCallExpression(wrapped) && !Node.isNewExpression(wrapped))) return false;
  const fn = Node.isNewExpression(wrapped)
    ? constructorOf(context, wrapped.getExpression())
    : declarationsOf(wrapped.getExpression(), context).map(functionWithBody).find((found) => found !== undefined);
  if (fn === undefined) return false;
  const memo = context.memo<object, boolean>('may-throw');
  const known = memo.get(fn.compilerNode);
  if (known !== undefined) return known;
  let found = false;
  const walk = (node: ts.Node): void => {
    if (found) return;
    if (ts.isThrowStatement(node)) found = true;
    else if (!isNestedUnit(node)) ts.forEachChild(node, walk);
  };
  ts.forEachChild(fn.compilerNode, walk);
  memo.set(fn.compilerNode, found);
  return found;
}

/** The graph of a unit, memoized per compiler node and strictness. */
function graphOf(context: AnalysisContext, unit: ts.Node): FlowGraph {
  const memo = context.memo<object, FlowGraph>('flow-graph');
  const known = memo.get(unit);
  if (known !== undefined) return known;
  const graph = buildFlowGraph(unit, context.strict);
  memo.set(unit, graph);
  return graph;
}

const capturedMemo = new WeakMap<ts.Node, ts.Node[]>();

/** Identifiers and `this.f` accesses inside a closure (`this` only through arrow functions). */
function capturedReferences(fn: ts.Node, names: ReadonlySet<string>): ts.Node[] {
  let all = capturedMemo.get(fn);
  if (all === undefined) {
    const found: ts.Node[] = [];
    const walk = (node: ts.Node, thisVisible: boolean): void => {
      if (ts.isIdentifier(node)) {
        const parent = node.parent;
        if (!(ts.isPropertyAccessExpression(parent) && parent.name === node)) found.push(node);
      } else if (thisVisible && ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
        found.push(node);
      }
      const visible = thisVisible && !(ts.isFunctionDeclaration(node) || ts.isFunctionExpression(node) || ts.isClassLike(node));
      ts.forEachChild(node, (child) => walk(child, visible));
    };
    ts.forEachChild(fn, (child) => walk(child, ts.isArrowFunction(fn)));
    all = found;
    capturedMemo.set(fn, all);
  }
  return all.filter((node) => names.has(ts.isIdentifier(node) ? node.text : (node as ts.PropertyAccessExpression).name.text));
}

const fieldsReadMemo = new WeakMap<ts.ClassLikeDeclaration, Map<string, Set<string>>>();

/** The fields that method `name` of `owner` mentions (other than assigning them); one walk per class. */
function fieldsReadBy(owner: ts.ClassLikeDeclaration, name: string): ReadonlySet<string> {
  let byMethod = fieldsReadMemo.get(owner);
  if (byMethod === undefined) {
    const methods = owner.members.filter((member) => member.name !== undefined && (ts.isIdentifier(member.name) || ts.isPrivateIdentifier(member.name)));
    const found = new Map<string, Set<string>>();
    thisAccesses(owner, (access) => {
      const parent = access.parent;
      if (ts.isBinaryExpression(parent) && parent.left === access && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken) return;
      const method = methods.find((member) => access.pos >= member.pos && access.end <= member.end);
      const methodName = (method?.name as ts.Identifier | undefined)?.text;
      if (methodName === undefined) return;
      const fields = found.get(methodName) ?? new Set<string>();
      fields.add(access.name.text);
      found.set(methodName, fields);
    });
    byMethod = found;
    fieldsReadMemo.set(owner, byMethod);
  }
  return byMethod.get(name) ?? noFields;
}

const noFields: ReadonlySet<string> = new Set();

/** Does the closure end the object that `at` names (or any connection by handle)? */
function closureEnds(context: AnalysisContext, fn: Node, at: Node): boolean {
  const name = Node.isPropertyAccessExpression(at) ? at.getName() : at.getText();
  return fn.getDescendantsOfKind(ts.SyntaxKind.CallExpression).some((call) => {
    const site = endSiteOf(context, call);
    if (site === undefined || site.kind === 'disconnect-handle') return site !== undefined;
    const target = skipOuterExpressions(site.emitter);
    if (Node.isPropertyAccessExpression(target)) return target.getName() === name;
    return Node.isIdentifier(target) && target.getText() === name;
  });
}

/** The call a closure is an argument of, if it is one. */
function skipParentsOfSlot(fn: Node): CallExpression | undefined {
  let current = fn;
  for (let parent = current.getParent(); parent !== undefined && Node.isParenthesizedExpression(parent); parent = current.getParent()) current = parent;
  const parent = current.getParent();
  return parent !== undefined && Node.isCallExpression(parent) && parent.getArguments().includes(current) ? parent : undefined;
}

void captureFunction;
void handsOut;
void ownershipSitesOf;
void declarationsOf;
