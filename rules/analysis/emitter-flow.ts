// The per-function flow analysis: walks one function (or a module's top level) statement by
// statement, along every control-flow path, and tracks each local variable that holds a fresh,
// connected emitter until it is disposed, disconnected, released (returned, stored, owned) or
// dropped (end of scope, reassignment, early exit). Results are memoized per function node, so
// factories' "returns a fresh emitter" summaries and the file's findings share one walk.
import { Node, SyntaxKind, VariableDeclarationKind, ts, type Type, type Block, type CallExpression, type Expression, type SourceFile, type VariableDeclaration } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { classifyUse, captureFunction, isDiscarded, sameTarget, type StoreTarget, type Use } from './uses.js';
import { calleeName, connectingNames } from './relevance.js';
import { connectSiteOf, endSiteOf, ownershipSitesOf } from './sites.js';
import { functionWithBody } from './summaries.js';
import { declarationKey, declarationsOf, skipOuterExpressions, typeOfExpression } from './type-queries.js';

/** A local variable that held a fresh emitter at some point. */
export interface TrackedVariable {
  declaration: VariableDeclaration;
  name: string;
  /** The node whose end is the end of the variable's life (a block, a case block, the function body). */
  scope: Node;
}

interface VariableState {
  /** Where the object now in the variable was created (reported when there is no drop site). */
  creation: Node;
  /** Open connections: signal labels, `label#n` when a kept handle can end that one connection. */
  connections: Set<string>;
  /** Disposed of elsewhere: returned, stored, owned, handed to a function that keeps it. */
  released: boolean;
}

type State = Map<TrackedVariable, VariableState> | null;

/** A drop the walk found; the file pass turns it into a Finding with messages and suggestions. */
export interface Drop {
  kind: 'scope-end' | 'reassigned' | 'never-stored' | 'throw';
  variable?: TrackedVariable;
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

export interface FlowResult {
  drops: Drop[];
  fieldFacts: FieldFact[];
  /**
   * Set when every `return` gives a fresh emitter that nothing else keeps: its open connections.
   * Computed on first use (only factories' callers ask), so that plain functions cost no type queries.
   */
  readonly returnsFresh: string[] | undefined;
}

interface LoopFrame {
  node: Node;
  breaks: State[];
  continues: State[];
}

interface TryFrame {
  catches: boolean;
  throws: State[];
  finallyBlock: Block | undefined;
}

const emptyResult: FlowResult = { drops: [], fieldFacts: [], returnsFresh: undefined };

/** What one `return` gives back: a tracked variable's open connections, or an expression to judge later. */
type ReturnedValue = { connections: string[] } | { expression: Node } | 'nothing';

/** Is this variable state a leak if the variable is dropped now? */
function isLeaking(state: VariableState | undefined): state is VariableState {
  return state !== undefined && !state.released && state.connections.size > 0;
}

function signalsOf(state: VariableState): string[] {
  return [...new Set([...state.connections].map((label) => label.replace(/#\d+$/, '')))];
}

function copyState(state: State): State {
  if (state === null) return null;
  const copy = new Map<TrackedVariable, VariableState>();
  for (const [variable, value] of state) copy.set(variable, { creation: value.creation, connections: new Set(value.connections), released: value.released });
  return copy;
}

/** Paths meet: a variable leaks after the join if it leaks on any incoming path. */
function join(...states: State[]): State {
  const live = states.filter((state): state is Map<TrackedVariable, VariableState> => state !== null);
  if (live.length === 0) return null;
  if (live.length === 1) return copyState(live[0] ?? null);
  const result = new Map<TrackedVariable, VariableState>();
  const variables = new Set(live.flatMap((state) => [...state.keys()]));
  for (const variable of variables) {
    const incoming = live.map((state) => state.get(variable)).filter((value): value is VariableState => value !== undefined);
    const leaking = incoming.find(isLeaking);
    const connections = new Set(incoming.filter((value) => !value.released).flatMap((value) => [...value.connections]));
    result.set(variable, {
      creation: (leaking ?? incoming[0])?.creation ?? variable.declaration,
      connections,
      released: incoming.length === live.length && incoming.every((value) => value.released),
    });
  }
  return result;
}

function isLoop(node: Node): boolean {
  return (
    Node.isForStatement(node) || Node.isForOfStatement(node) || Node.isForInStatement(node) || Node.isWhileStatement(node) || Node.isDoStatement(node)
  );
}

/** The function-like units of a file whose bodies are walked, plus the file itself (its top level). */
export function unitsOf(context: AnalysisContext, file: SourceFile, keep: (node: ts.Node) => boolean = () => true): Node[] {
  // One pass over the compiler's nodes; only the function-likes get ts-morph wrappers.
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (unitKinds.has(node.kind) && keep(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(file.compilerNode, visit);
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
  let result: FlowResult;
  try {
    result = new FlowWalker(context, unit).run();
  } catch {
    // An unknown shape deep in the checker or ts-morph: skip this function, never crash the lint.
    result = emptyResult;
  }
  memo.set(key, result);
  return result;
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
    if (!constructsEmitter(context, target)) return undefined;
    if (ownershipSitesOf(context, target).length > 0) return undefined;
    return [];
  }
  if (Node.isCallExpression(target)) {
    const fn = declarationsOf(target.getExpression(), context).map(functionWithBody).find((found) => found !== undefined);
    // The callee's result type must be an emitter before its body is read.
    if (fn === undefined || !returnsEmitter(context, fn)) return undefined;
    return analyseUnit(context, fn).returnsFresh;
  }
  return undefined;
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

class FlowWalker {
  private readonly tracked = new Map<string, TrackedVariable[]>();
  private readonly byDeclaration = new Map<object, TrackedVariable>();
  private readonly handles = new Map<object, { variable: TrackedVariable; label: string }>();
  private readonly drops = new Map<string, Drop>();
  private readonly fieldFacts: FieldFact[] = [];
  private readonly loops: LoopFrame[] = [];
  private readonly tries: TryFrame[] = [];
  private readonly returned: ReturnedValue[] = [];
  private handleCounter = 0;
  private readonly everReleased = new Set<TrackedVariable>();
  private loopDepth = 0;

  constructor(
    private readonly context: AnalysisContext,
    private readonly unit: Node,
  ) {}

  run(): FlowResult {
    let end: State;
    const body = Node.isSourceFile(this.unit) ? this.unit : (this.unit as unknown as { getBody(): Node | undefined }).getBody();
    if (body === undefined) return emptyResult;
    if (Node.isBlock(body) || Node.isSourceFile(body)) {
      end = this.walkStatements(body.getStatements(), body, new Map());
    } else {
      // An arrow function with an expression body: the expression is returned.
      const start = this.walkExpression(body, new Map());
      end = this.returnValue(body as Expression, start);
      if (end !== null) this.exit(end, body, 'return');
      end = null;
    }
    if (end !== null && !Node.isSourceFile(this.unit)) {
      this.returned.push('nothing'); // falls off the end: returns undefined on some path
      this.exit(end, this.unit, 'return');
    }
    for (const drop of this.drops.values()) {
      if (drop.variable !== undefined) drop.safeToDispose = !this.everReleased.has(drop.variable);
    }
    const returned = this.returned;
    const context = this.context;
    let returnsFresh: string[] | undefined | null = null;
    return {
      drops: [...this.drops.values()],
      fieldFacts: this.fieldFacts,
      get returnsFresh() {
        if (returnsFresh === null) returnsFresh = judgeReturns(context, returned);
        return returnsFresh;
      },
    };
  }

  // ---- statements ----

  private walkStatements(statements: Node[], scope: Node, state: State): State {
    let current = state;
    for (const statement of statements) {
      if (current === null) break;
      current = this.walkStatement(statement, current);
    }
    if (current !== null) this.endScope(scope, current);
    return current;
  }

  private walkStatement(statement: Node, state: State): State {
    if (state === null) return null;
    if (Node.isBlock(statement)) return this.walkStatements(statement.getStatements(), statement, state);
    if (Node.isVariableStatement(statement)) return this.walkVariableStatement(statement, state);
    if (Node.isExpressionStatement(statement)) {
      this.checkDiscardedFactory(statement.getExpression());
      return this.walkExpression(statement.getExpression(), state);
    }
    if (Node.isIfStatement(statement)) {
      const afterCondition = this.walkExpression(statement.getExpression(), state);
      const thenState = this.walkStatement(statement.getThenStatement(), copyState(afterCondition));
      const elseStatement = statement.getElseStatement();
      const elseState = elseStatement === undefined ? afterCondition : this.walkStatement(elseStatement, copyState(afterCondition));
      return join(thenState, elseState);
    }
    if (Node.isReturnStatement(statement)) {
      const expression = statement.getExpression();
      let current: State = state;
      if (expression === undefined) {
        this.returned.push('nothing');
      } else {
        current = this.walkExpression(expression, this.returnValue(expression, state));
      }
      if (current !== null) this.exit(current, statement, 'return');
      return null;
    }
    if (Node.isThrowStatement(statement)) {
      const current = this.walkExpression(statement.getExpression(), state);
      if (current !== null) this.throwFrom(current, statement);
      return null;
    }
    if (isLoop(statement)) return this.walkLoop(statement, state);
    if (Node.isSwitchStatement(statement)) return this.walkSwitch(statement, state);
    if (Node.isTryStatement(statement)) return this.walkTry(statement, state);
    if (Node.isLabeledStatement(statement)) return this.walkStatement(statement.getStatement(), state);
    if (Node.isBreakStatement(statement) || Node.isContinueStatement(statement)) {
      const frame = this.loops[this.loops.length - 1];
      if (frame !== undefined) {
        const isBreak = Node.isBreakStatement(statement);
        const leaving = this.leaveScopesUpTo(frame.node, statement, state);
        (isBreak ? frame.breaks : frame.continues).push(leaving);
      }
      return null;
    }
    if (Node.isFunctionDeclaration(statement) || Node.isClassDeclaration(statement)) return this.captureIn(statement, state);
    if (Node.isEmptyStatement(statement) || Node.isDebuggerStatement(statement)) return state;
    if (Node.isInterfaceDeclaration(statement) || Node.isTypeAliasDeclaration(statement) || Node.isImportDeclaration(statement)) return state;
    if (Node.isEnumDeclaration(statement) || Node.isModuleDeclaration(statement) || Node.isExportDeclaration(statement)) return state;
    return this.walkExpression(statement, state);
  }

  private walkVariableStatement(statement: Node & { getDeclarationList(): Node }, state: State): State {
    const list = statement.getDeclarationList();
    if (!Node.isVariableDeclarationList(list)) return state;
    const kind = list.getDeclarationKind();
    let current = state;
    for (const declaration of list.getDeclarations()) {
      const initializer = declaration.getInitializer();
      if (initializer === undefined || current === null) continue;
      current = this.walkExpression(initializer, current);
      if (current === null) continue;
      if (kind === VariableDeclarationKind.Using || kind === VariableDeclarationKind.AwaitUsing) continue;
      if (!Node.isIdentifier(declaration.getNameNode())) continue;
      const fresh = freshConnections(this.context, initializer);
      if (fresh === undefined) continue;
      const variable = this.track(declaration, kind === VariableDeclarationKind.Var);
      current.set(variable, { creation: skipOuterExpressions(initializer), connections: new Set(fresh), released: false });
    }
    return current;
  }

  private track(declaration: VariableDeclaration, functionScoped: boolean): TrackedVariable {
    const existing = this.byDeclaration.get(declaration.compilerNode);
    if (existing !== undefined) return existing;
    const statement = declaration.getVariableStatement();
    const container = statement?.getParent();
    const scope = functionScoped || container === undefined ? this.unitBody() : container;
    const variable: TrackedVariable = { declaration, name: declaration.getName(), scope };
    this.byDeclaration.set(declaration.compilerNode, variable);
    const sameName = this.tracked.get(variable.name) ?? [];
    sameName.push(variable);
    this.tracked.set(variable.name, sameName);
    return variable;
  }

  private unitBody(): Node {
    if (Node.isSourceFile(this.unit)) return this.unit;
    return (this.unit as unknown as { getBody(): Node | undefined }).getBody() ?? this.unit;
  }

  private walkLoop(loop: Node, state: State): State {
    let entry: State = state;
    if (Node.isForStatement(loop)) {
      const initializer = loop.getInitializer();
      if (initializer !== undefined) entry = Node.isVariableDeclarationList(initializer) ? this.walkExpression(initializer, entry) : this.walkExpression(initializer, entry);
      const condition = loop.getCondition();
      if (condition !== undefined) entry = this.walkExpression(condition, entry);
    } else if (Node.isForOfStatement(loop) || Node.isForInStatement(loop) || Node.isWhileStatement(loop)) {
      entry = this.walkExpression(loop.getExpression(), entry);
    }
    const body = (loop as unknown as { getStatement(): Node }).getStatement();
    const frame: LoopFrame = { node: loop, breaks: [], continues: [] };
    this.loops.push(frame);
    this.loopDepth++;
    const iterate = (start: State): State => {
      let end = this.walkStatement(body, copyState(start));
      end = join(end, ...frame.continues);
      frame.continues = [];
      if (Node.isForStatement(loop)) {
        const incrementor = loop.getIncrementor();
        if (incrementor !== undefined) end = this.walkExpression(incrementor, end);
      }
      if (Node.isDoStatement(loop)) end = this.walkExpression(loop.getExpression(), end);
      return end;
    };
    const first = iterate(entry);
    // A second pass sees what the first iteration leaves for the next (a reassignment in a loop).
    const second = this.loopDepth <= 2 ? iterate(join(entry, first)) : first;
    this.loopDepth--;
    this.loops.pop();
    const exits = Node.isDoStatement(loop) ? [first, second] : [entry, first, second];
    return join(...exits, ...frame.breaks);
  }

  private walkSwitch(statement: Node, state: State): State {
    if (!Node.isSwitchStatement(statement)) return state;
    const afterExpression = this.walkExpression(statement.getExpression(), state);
    const frame: LoopFrame = { node: statement, breaks: [], continues: [] };
    this.loops.push(frame);
    let fallthrough: State = null;
    let hasDefault = false;
    const caseBlock = statement.getCaseBlock();
    for (const clause of caseBlock.getClauses()) {
      if (Node.isDefaultClause(clause)) hasDefault = true;
      let entry = join(copyState(afterExpression), fallthrough);
      if (Node.isCaseClause(clause)) entry = this.walkExpression(clause.getExpression(), entry);
      fallthrough = entry;
      for (const inner of clause.getStatements()) {
        if (fallthrough === null) break;
        fallthrough = this.walkStatement(inner, fallthrough);
      }
    }
    this.loops.pop();
    // `continue` inside a switch belongs to an enclosing loop.
    const outer = this.loops[this.loops.length - 1];
    if (outer !== undefined) outer.continues.push(...frame.continues);
    const result = join(fallthrough, ...frame.breaks, hasDefault ? null : afterExpression);
    if (result !== null) this.endScope(caseBlock, result);
    return result;
  }

  private walkTry(statement: Node, state: State): State {
    if (!Node.isTryStatement(statement)) return state;
    const catchClause = statement.getCatchClause();
    const finallyBlock = statement.getFinallyBlock();
    const frame: TryFrame = { catches: catchClause !== undefined, throws: [], finallyBlock };
    this.tries.push(frame);
    const afterTry = this.walkStatement(statement.getTryBlock(), copyState(state));
    let afterCatch: State = null;
    if (catchClause !== undefined) {
      // Only the strict config follows implicit exception paths (any call may throw) into the catch.
      const entry = this.context.strict ? join(state, afterTry, ...frame.throws) : join(...frame.throws);
      frame.catches = false; // a throw inside the catch leaves the try statement
      afterCatch = entry === null ? null : this.walkStatement(catchClause.getBlock(), entry);
    }
    this.tries.pop();
    const joined = join(afterTry, afterCatch);
    if (finallyBlock === undefined) return joined;
    if (joined === null) return null;
    return this.walkStatement(finallyBlock, joined);
  }

  // ---- exits and scope ends ----

  /** Leaving `node` by return (every variable of the unit ends) or by throw. */
  private exit(state: Map<TrackedVariable, VariableState>, node: Node, how: 'return' | 'throw'): void {
    let current: State = state;
    // Pending finally blocks run first, innermost first.
    for (let index = this.tries.length - 1; index >= 0 && current !== null; index--) {
      const finallyBlock = this.tries[index]?.finallyBlock;
      if (finallyBlock !== undefined && !finallyBlock.containsRange(node.getPos(), node.getEnd())) {
        const saved = this.tries.splice(index);
        current = this.walkStatement(finallyBlock, current);
        this.tries.push(...saved);
      }
    }
    if (current === null) return;
    for (const [variable, value] of current) {
      if (!isLeaking(value)) continue;
      if (Node.isSourceFile(variable.scope)) continue; // module variables live as long as the program
      if (how === 'throw') {
        this.addDrop({ kind: 'throw', variable, node: value.creation, creation: value.creation, signals: signalsOf(value), exit: node });
      } else {
        this.addDrop({ kind: 'scope-end', variable, node: value.creation, creation: value.creation, signals: signalsOf(value) });
      }
    }
  }

  private throwFrom(state: Map<TrackedVariable, VariableState>, statement: Node): void {
    const frame = this.tries[this.tries.length - 1];
    if (frame?.catches === true) {
      frame.throws.push(copyState(state));
      return;
    }
    if (this.context.strict) this.exit(state, statement, 'throw');
  }

  /** The normal end of `scope`: its block-scoped variables die. */
  private endScope(scope: Node, state: Map<TrackedVariable, VariableState>): void {
    for (const [variable, value] of [...state]) {
      if (variable.scope !== scope) continue;
      if (isLeaking(value) && !Node.isSourceFile(scope)) {
        this.addDrop({ kind: 'scope-end', variable, node: value.creation, creation: value.creation, signals: signalsOf(value), endOfBlock: scope });
      }
      if (!Node.isSourceFile(scope)) state.delete(variable);
    }
  }

  /** `break`/`continue`: variables declared between the jump and its target die. */
  private leaveScopesUpTo(target: Node, jump: Node, state: Map<TrackedVariable, VariableState>): State {
    const copy = copyState(state);
    if (copy === null) return null;
    for (const [variable, value] of [...copy]) {
      if (!target.containsRange(variable.scope.getPos(), variable.scope.getEnd()) || variable.scope === target) continue;
      if (!variable.scope.containsRange(jump.getPos(), jump.getEnd())) continue;
      if (isLeaking(value)) this.addDrop({ kind: 'scope-end', variable, node: value.creation, creation: value.creation, signals: signalsOf(value) });
      copy.delete(variable);
    }
    return copy;
  }

  private addDrop(drop: Drop): void {
    const key = `${drop.kind}:${drop.node.getStart()}:${drop.variable?.name ?? ''}`;
    const existing = this.drops.get(key);
    if (existing === undefined) {
      this.drops.set(key, drop);
      return;
    }
    // The same drop reached on several paths: keep the union of signals and only one block end.
    existing.signals = [...new Set([...existing.signals, ...drop.signals])];
    if (existing.endOfBlock !== drop.endOfBlock) existing.endOfBlock = undefined;
  }

  /** `return x` where x is tracked: the object leaves (released); record what a caller receives. */
  private returnValue(expression: Expression, state: State): State {
    const target = skipOuterExpressions(expression);
    const variable = Node.isIdentifier(target) ? this.variableOf(target) : undefined;
    const value = variable === undefined || state === null ? undefined : state.get(variable);
    this.returned.push(value !== undefined && !value.released ? { connections: signalsOf(value) } : { expression: target });
    return state;
  }

  // ---- expressions ----

  private walkExpression(node: Node, state: State): State {
    if (state === null) return null;
    if (Node.isIdentifier(node)) return this.visitIdentifier(node, state);
    if (isTypeOnly(node)) return state;
    if (Node.isArrowFunction(node) || Node.isFunctionExpression(node) || Node.isClassExpression(node)) return this.captureIn(node, state);
    if (Node.isBinaryExpression(node)) return this.walkBinary(node, state);
    if (Node.isConditionalExpression(node)) {
      const afterCondition = this.walkExpression(node.getCondition(), state);
      return join(this.walkExpression(node.getWhenTrue(), copyState(afterCondition)), this.walkExpression(node.getWhenFalse(), copyState(afterCondition)));
    }
    if (Node.isPropertyAccessExpression(node)) return this.walkExpression(node.getExpression(), state);
    if (Node.isPropertyAssignment(node)) {
      const initializer = node.getInitializer();
      const name = node.getNameNode();
      const afterName = Node.isComputedPropertyName(name) ? this.walkExpression(name, state) : state;
      return initializer === undefined ? afterName : this.walkExpression(initializer, afterName);
    }
    if (Node.isShorthandPropertyAssignment(node)) return this.visitIdentifier(node.getNameNode(), state);
    if (Node.isVariableDeclarationList(node)) {
      let current: State = state;
      for (const declaration of node.getDeclarations()) {
        const initializer = declaration.getInitializer();
        if (initializer !== undefined) current = this.walkExpression(initializer, current);
      }
      return current;
    }
    if (Node.isCallExpression(node)) {
      let current = this.walkExpression(node.getExpression(), state);
      for (const argument of node.getArguments()) current = this.walkExpression(argument, current);
      this.checkTemporary(node);
      return current;
    }
    let current: State = state;
    node.forEachChild((child) => {
      current = this.walkExpression(child, current);
    });
    return current;
  }

  private walkBinary(node: Node, state: State): State {
    if (!Node.isBinaryExpression(node)) return state;
    const operator = node.getOperatorToken().getKind();
    const left = node.getLeft();
    const right = node.getRight();
    if (
      operator === SyntaxKind.AmpersandAmpersandToken ||
      operator === SyntaxKind.BarBarToken ||
      operator === SyntaxKind.QuestionQuestionToken ||
      operator === SyntaxKind.AmpersandAmpersandEqualsToken ||
      operator === SyntaxKind.BarBarEqualsToken ||
      operator === SyntaxKind.QuestionQuestionEqualsToken
    ) {
      const afterLeft = this.walkExpression(left, state);
      return join(afterLeft, this.walkExpression(right, copyState(afterLeft)));
    }
    if (operator === SyntaxKind.EqualsToken) {
      const target = skipOuterExpressions(left);
      if (Node.isIdentifier(target)) {
        const afterRight = this.walkExpression(right, state);
        return this.assign(target, right, node, afterRight);
      }
      const afterLeft = this.walkExpression(left, state);
      return this.walkExpression(right, afterLeft);
    }
    return this.walkExpression(right, this.walkExpression(left, state));
  }

  /** `x = value`: drops x's emitter if still connected, then tracks the new value if fresh. */
  private assign(target: Node, value: Node, assignment: Node, state: State): State {
    if (state === null || !Node.isIdentifier(target)) return state;
    let variable = this.variableOf(target);
    const fresh = freshConnections(this.context, value);
    if (variable === undefined && fresh !== undefined) {
      const declaration = declarationsOf(target, this.context)[0];
      if (declaration !== undefined && Node.isVariableDeclaration(declaration) && this.declaredInUnit(declaration)) {
        const list = declaration.getParent();
        const functionScoped = Node.isVariableDeclarationList(list) && list.getDeclarationKind() === VariableDeclarationKind.Var;
        variable = this.track(declaration, functionScoped);
      }
    }
    if (variable === undefined) return state;
    const previous = state.get(variable);
    if (isLeaking(previous)) {
      this.addDrop({ kind: 'reassigned', variable, node: assignment, creation: previous.creation, signals: signalsOf(previous) });
    }
    if (fresh === undefined) {
      state.delete(variable);
    } else {
      state.set(variable, { creation: skipOuterExpressions(value), connections: new Set(fresh), released: false });
    }
    return state;
  }

  private declaredInUnit(declaration: Node): boolean {
    const fn = captureFunction(declaration, this.unit);
    return fn === undefined && (Node.isSourceFile(this.unit) || this.unit.containsRange(declaration.getPos(), declaration.getEnd()));
  }

  private variableOf(identifier: Node): TrackedVariable | undefined {
    const candidates = this.tracked.get(identifier.getText());
    if (candidates === undefined) return undefined;
    if (Node.isShorthandPropertyAssignment(identifier.getParent())) {
      // `{ row }`: the name's symbol is the property's; the value is the variable in scope.
      const inScope = candidates.filter((candidate) => candidate.scope.containsRange(identifier.getPos(), identifier.getEnd()));
      return inScope.length === 1 ? inScope[0] : undefined;
    }
    const declaration = declarationKey(this.context.checker, identifier);
    if (declaration === undefined) return undefined;
    return this.byDeclaration.get(declaration);
  }

  private visitIdentifier(identifier: Node, state: State): State {
    if (state === null || !this.tracked.has(identifier.getText())) return this.visitHandle(identifier, state);
    const variable = this.variableOf(identifier);
    if (variable === undefined) return this.visitHandle(identifier, state);
    const value = state.get(variable);
    if (value === undefined) return state;
    this.apply(variable, value, classifyUse(this.context, identifier, this.unit), identifier);
    return state;
  }

  private apply(variable: TrackedVariable, value: VariableState, use: Use, at: Node): void {
    switch (use.kind) {
      case 'connect': {
        if (use.handle === undefined) {
          value.connections.add(use.signal);
        } else {
          const label = `${use.signal}#${++this.handleCounter}`;
          value.connections.add(label);
          this.handles.set(use.handle.compilerNode, { variable, label });
        }
        return;
      }
      case 'end-all':
        value.connections.clear();
        return;
      case 'end-signal':
        for (const label of [...value.connections]) if (label.replace(/#\d+$/, '') === use.signal) value.connections.delete(label);
        return;
      case 'released':
        if (use.into !== undefined && value.connections.size > 0 && !value.released) this.noteField(use.into, value, at);
        value.released = true;
        this.everReleased.add(variable);
        return;
      case 'effect':
        for (const signal of use.effect.connects) value.connections.add(signal);
        if (use.effect.disposes) value.connections.clear();
        if (use.effect.stores) {
          value.released = true;
          this.everReleased.add(variable);
        }
        return;
      case 'captured':
        this.applyCapture(variable, value, use.fn, at);
        return;
      case 'neutral':
      case 'reassigned':
        return;
    }
  }

  private noteField(into: StoreTarget, value: VariableState, at: Node): void {
    const store = at.getFirstAncestor((ancestor) => Node.isBinaryExpression(ancestor) || Node.isCallExpression(ancestor));
    this.fieldFacts.push({ field: into.field, collection: into.collection, signals: signalsOf(value), store });
  }

  /**
   * A closure that mentions the variable. Only one shape keeps the object where it was: the slot
   * connected to the object's own signal (held by the object itself), unless it ends the object.
   * Every other closure may keep it: released.
   */
  private applyCapture(variable: TrackedVariable, value: VariableState, fn: Node, at: Node): void {
    const call = skipParentsOfSlot(fn);
    if (call !== undefined && !this.closureEnds(fn, variable)) {
      const site = connectSiteOf(this.context, call);
      if (site?.slot !== undefined && skipOuterExpressions(site.slot) === fn && sameTarget(this.context, site.emitter, at)) return;
    }
    value.released = true;
  }

  private closureEnds(fn: Node, variable: TrackedVariable): boolean {
    return fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((call) => {
      const site = endSiteOf(this.context, call);
      if (site === undefined || site.kind === 'disconnect-handle') return site !== undefined;
      const target = skipOuterExpressions(site.emitter);
      return Node.isIdentifier(target) && target.getText() === variable.name;
    });
  }

  private captureIn(fn: Node, state: State): State {
    if (state === null || state.size === 0) return state;
    for (const identifier of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
      if (!this.tracked.has(identifier.getText())) continue;
      this.visitIdentifier(identifier, state);
    }
    return state;
  }

  /** A kept connection handle: `handle.disconnect()` ends its connection; any other use hands it on. */
  private visitHandle(identifier: Node, state: State): State {
    if (state === null || this.handles.size === 0) return state;
    const declaration = declarationKey(this.context.checker, identifier);
    if (declaration === undefined) return state;
    const handle = this.handles.get(declaration);
    if (handle === undefined || (ts.isVariableDeclaration(declaration) && declaration.name === identifier.compilerNode)) return state;
    const value = state.get(handle.variable);
    if (value === undefined) return state;
    const parent = identifier.getParentOrThrow();
    if (Node.isPropertyAccessExpression(parent) && parent.getName() === 'connected') return state;
    if (Node.isVoidExpression(parent) || Node.isExpressionStatement(parent)) return state;
    // disconnect(), [Symbol.dispose](), handing it on, or calling it (a disposer): the connection is no longer ours.
    value.connections.delete(handle.label);
    return state;
  }

  // ---- never stored ----

  /** `new Row().clicked.connect(…)` as a statement: the emitter is never stored. */
  private checkTemporary(call: Node): void {
    if (!Node.isCallExpression(call) || !isDiscarded(call)) return;
    const site = connectSiteOf(this.context, call);
    if (site === undefined) return;
    const emitter = skipOuterExpressions(site.emitter);
    if (!Node.isNewExpression(emitter) && !Node.isCallExpression(emitter)) return;
    const fresh = freshConnections(this.context, emitter);
    if (fresh === undefined) return;
    this.addDrop({ kind: 'never-stored', node: emitter, creation: emitter, signals: [...new Set([...fresh, site.signal])] });
  }

  /** `createRow();` where createRow returns a fresh emitter that is already connected. */
  private checkDiscardedFactory(expression: Node): void {
    const target = skipOuterExpressions(expression);
    if (!Node.isCallExpression(target)) return;
    // Only a function that connects (by the syntactic index) can return an already connected emitter.
    const name = calleeName(target.compilerNode);
    if (name === undefined || !connectingNames(this.context).has(name) || this.context.connectMethodNames.includes(name)) return;
    const fresh = freshConnections(this.context, target);
    if (fresh === undefined || fresh.length === 0) return;
    this.addDrop({ kind: 'never-stored', node: target, creation: target, signals: fresh });
  }
}

function isTypeOnly(node: Node): boolean {
  const kind = node.compilerNode.kind;
  return (kind >= SyntaxKind.FirstTypeNode && kind <= SyntaxKind.LastTypeNode) || ts.isTypeNode(node.compilerNode);
}

/** The call a closure is an argument of, if it is one. */
function skipParentsOfSlot(fn: Node): CallExpression | undefined {
  let current = fn;
  for (let parent = current.getParent(); parent !== undefined && Node.isParenthesizedExpression(parent); parent = current.getParent()) current = parent;
  const parent = current.getParent();
  return parent !== undefined && Node.isCallExpression(parent) && parent.getArguments().includes(current) ? parent : undefined;
}
