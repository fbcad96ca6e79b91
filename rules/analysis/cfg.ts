// The control-flow graph of one function-like (or a module's top level), built once over the
// compiler's nodes, in evaluation order. Like TypeScript's binder flow nodes and ESLint's code-path
// analysis: each node carries at most one action (a reference, an assignment, a call, a scope end…)
// and the edges are every way control can go, including short-circuits, optional chains, labelled
// jumps, switch fall-through, finally blocks on every exit (one copy per continuation) and, when
// asked, the implicit exception edge of every call inside a `try`. The facts live beside the graph
// (fixpoint.ts); the graph knows no emitter API.
import { ts } from 'ts-morph';

export type FlowAction =
  /** A read of a name, `this` or `this.f`, evaluated here. */
  | { kind: 'ref'; node: ts.Identifier | ts.ThisExpression | ts.PropertyAccessExpression }
  /** `target = value` (also `??=`, `||=`, `&&=`), after the value is evaluated. */
  | { kind: 'assign'; target: ts.Expression; value: ts.Expression; node: ts.Node }
  /** A variable declaration, after its initializer (if any). */
  | { kind: 'declare'; declaration: ts.VariableDeclaration }
  /** A call or construction, after its callee and arguments. */
  | { kind: 'call'; node: ts.CallExpression | ts.NewExpression }
  /** A closure or class created here; its body is another graph. */
  | { kind: 'closure'; node: ts.Node }
  /** The end of a block's scope: its block-scoped variables die. `jump`: left by break/continue/return/throw. */
  | { kind: 'scope-end'; scope: ts.Node; jump: 'none' | 'jump' | 'throw' }
  /** `return expression`, before the expression is evaluated. */
  | { kind: 'return'; expression: ts.Expression | undefined; node: ts.Node }
  /** Leaving the function by an explicit `throw` that nothing in it catches. */
  | { kind: 'exit-throw'; node: ts.ThrowStatement | ts.CallExpression | ts.NewExpression }
  /** On this edge, `expression` is nullish (or falsy): it holds no object. */
  | { kind: 'nullish'; expression: ts.Expression }
  /** Falling off the end of the body (the function returns undefined). */
  | { kind: 'fall-off' };

export interface FlowNode {
  readonly id: number;
  readonly action: FlowAction | undefined;
  /** Normal successors. */
  readonly next: number[];
  /** Implicit exception successors (a call inside a `try` may throw), only built when asked. */
  readonly throwsTo: number[];
}

export interface FlowGraph {
  readonly nodes: readonly FlowNode[];
  readonly entry: number;
  /** Reached by every normal exit (return, falling off the end). */
  readonly exit: number;
  readonly unit: ts.Node;
}

type Frame =
  | { kind: 'scope'; node: ts.Node }
  | { kind: 'finally'; block: ts.Block }
  | { kind: 'catch'; entry: number }
  | { kind: 'jump'; labels: string[]; breakTo: number; continueTo: number | undefined; isLoop: boolean };

const functionKinds: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
]);

/** Is this node a function-like or class, whose body is a graph of its own? */
export function isNestedUnit(node: ts.Node): boolean {
  return functionKinds.has(node.kind);
}

function isTypeLevel(node: ts.Node): boolean {
  return (
    ts.isTypeNode(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isImportEqualsDeclaration(node) ||
    ts.isExportDeclaration(node) ||
    ts.isModuleDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isTypeParameterDeclaration(node) ||
    ts.isDecorator(node)
  );
}

function isLoop(node: ts.Node): node is ts.IterationStatement {
  return ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node);
}

function skipParentheses(node: ts.Expression): ts.Expression {
  let current = node;
  while (ts.isParenthesizedExpression(current)) current = current.expression;
  return current;
}

function isNullishLiteral(node: ts.Expression): boolean {
  const target = skipParentheses(node);
  return target.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(target) && target.text === 'undefined') || ts.isVoidExpression(target);
}

/** Can a holder be named by this expression (a name or `this.f`)? Only those are narrowed. */
function isNarrowable(node: ts.Expression): boolean {
  const target = skipParentheses(node);
  return ts.isIdentifier(target) || (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword);
}

class GraphBuilder {
  readonly nodes: FlowNode[] = [];
  private current: number | undefined;
  private readonly frames: Frame[] = [];
  private readonly chainSkips: number[][] = [];
  /** Nodes some edge leads to (a break target no jump reached is unreachable). */
  private readonly targets = new Set<number>();
  readonly exit: number;
  readonly entry: number;

  constructor(private readonly implicitThrows: boolean) {
    this.entry = this.newNode(undefined);
    this.exit = this.newNode(undefined);
    this.current = this.entry;
  }

  private newNode(action: FlowAction | undefined): number {
    const id = this.nodes.length;
    this.nodes.push({ id, action, next: [], throwsTo: [] });
    return id;
  }

  private link(from: number | undefined, to: number): void {
    if (from === undefined) return;
    const node = this.nodes[from];
    if (node !== undefined && !node.next.includes(to)) node.next.push(to);
    this.targets.add(to);
  }

  /** Appends an action on the current path. */
  private emit(action: FlowAction): number | undefined {
    if (this.current === undefined) return undefined;
    const id = this.newNode(action);
    this.link(this.current, id);
    this.current = id;
    return id;
  }

  /** A node where paths meet; unreachable (undefined) when no path comes in. */
  private join(...from: (number | undefined)[]): number | undefined {
    const live = from.filter((id): id is number => id !== undefined);
    if (live.length === 0) return undefined;
    if (live.length === 1) return live[0];
    const id = this.newNode(undefined);
    for (const source of live) this.link(source, id);
    return id;
  }

  // ---- units ----

  buildUnit(unit: ts.Node): void {
    if (ts.isSourceFile(unit)) {
      this.statements(unit.statements, unit);
    } else {
      const body = (unit as ts.FunctionLikeDeclaration).body;
      if (body === undefined) {
        this.current = undefined;
      } else if (ts.isBlock(body)) {
        this.statements(body.statements, body);
        this.emit({ kind: 'fall-off' });
      } else {
        // An expression body is returned.
        this.emit({ kind: 'return', expression: body, node: body });
        this.expression(body);
      }
    }
    this.link(this.current, this.exit);
    this.current = undefined;
  }

  private statements(statements: readonly ts.Statement[], scope: ts.Node): void {
    this.frames.push({ kind: 'scope', node: scope });
    for (const statement of statements) this.statement(statement);
    this.frames.pop();
    this.emit({ kind: 'scope-end', scope, jump: 'none' });
  }

  // ---- statements ----

  private statement(node: ts.Statement): void {
    if (this.current === undefined) return; // unreachable code: nothing flows here
    if (ts.isBlock(node)) return this.statements(node.statements, node);
    if (ts.isVariableStatement(node)) return this.declarationList(node.declarationList);
    if (ts.isExpressionStatement(node)) return this.expression(node.expression);
    if (ts.isIfStatement(node)) {
      const branches = this.condition(node.expression);
      this.current = branches.whenTrue;
      this.statement(node.thenStatement);
      const afterThen = this.current;
      this.current = branches.whenFalse;
      if (node.elseStatement !== undefined) this.statement(node.elseStatement);
      this.current = this.join(afterThen, this.current);
      return;
    }
    if (ts.isReturnStatement(node)) {
      this.emit({ kind: 'return', expression: node.expression, node });
      if (node.expression !== undefined) this.expression(node.expression);
      this.unwindTo(0, 'jump');
      this.link(this.current, this.exit);
      this.current = undefined;
      return;
    }
    if (ts.isThrowStatement(node)) {
      this.expression(node.expression);
      this.throwFrom(node);
      return;
    }
    if (isLoop(node)) return this.loop(node, []);
    if (ts.isLabeledStatement(node)) return this.labelled(node);
    if (ts.isBreakStatement(node) || ts.isContinueStatement(node)) return this.jump(node);
    if (ts.isSwitchStatement(node)) return this.switchStatement(node, []);
    if (ts.isTryStatement(node)) return this.tryStatement(node);
    if (ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) {
      this.emit({ kind: 'closure', node });
      return;
    }
    if (isTypeLevel(node) || ts.isEmptyStatement(node) || ts.isDebuggerStatement(node)) return;
    if (ts.isExportAssignment(node)) return this.expression(node.expression);
    this.children(node);
  }

  private declarationList(list: ts.VariableDeclarationList): void {
    for (const declaration of list.declarations) {
      if (declaration.initializer !== undefined) this.expression(declaration.initializer);
      this.emit({ kind: 'declare', declaration });
    }
  }

  private labelled(node: ts.LabeledStatement): void {
    const labels: string[] = [node.label.text];
    let inner: ts.Statement = node.statement;
    while (ts.isLabeledStatement(inner)) {
      labels.push(inner.label.text);
      inner = inner.statement;
    }
    if (isLoop(inner)) return this.loop(inner, labels);
    if (ts.isSwitchStatement(inner)) return this.switchStatement(inner, labels);
    const after = this.newNode(undefined);
    this.frames.push({ kind: 'jump', labels, breakTo: after, continueTo: undefined, isLoop: false });
    this.statement(inner);
    this.frames.pop();
    this.link(this.current, after);
    this.current = this.reachable(after) ? after : undefined;
  }

  /** Was any edge made into `node`? (A break target no jump reached is unreachable.) */
  private reachable(node: number): boolean {
    return this.targets.has(node);
  }

  private loop(node: ts.IterationStatement, labels: string[]): void {
    const after = this.newNode(undefined);
    const loopScope = ts.isForStatement(node) || ts.isForOfStatement(node) || ts.isForInStatement(node);
    if (loopScope) this.frames.push({ kind: 'scope', node });
    if (ts.isForStatement(node) && node.initializer !== undefined) {
      if (ts.isVariableDeclarationList(node.initializer)) this.declarationList(node.initializer);
      else this.expression(node.initializer);
    }
    if (ts.isForOfStatement(node) || ts.isForInStatement(node)) this.expression(node.expression);
    const head = this.newNode(undefined);
    this.link(this.current, head);
    this.current = head;
    const continueTo = this.newNode(undefined);
    this.frames.push({ kind: 'jump', labels, breakTo: after, continueTo, isLoop: true });

    if (ts.isDoStatement(node)) {
      this.statement(node.statement);
      this.link(this.current, continueTo);
      this.current = continueTo;
      const test = this.condition(node.expression);
      this.link(test.whenTrue, head);
      this.link(test.whenFalse, after);
    } else {
      let enter: number | undefined = head;
      if (ts.isWhileStatement(node) || (ts.isForStatement(node) && node.condition !== undefined)) {
        const test = this.condition(ts.isWhileStatement(node) ? node.expression : node.condition!);
        enter = test.whenTrue;
        this.link(test.whenFalse, after);
      } else if (ts.isForStatement(node)) {
        enter = head; // `for (;;)`: left only by break, return or throw
      } else {
        // for-of / for-in: zero or more iterations, each binding the loop variable.
        this.link(head, after);
        this.current = head;
        const initializer = (node as ts.ForOfStatement).initializer;
        if (ts.isVariableDeclarationList(initializer)) {
          for (const declaration of initializer.declarations) this.emit({ kind: 'declare', declaration });
        }
        enter = this.current;
      }
      this.current = enter;
      this.statement(node.statement);
      this.link(this.current, continueTo);
      this.current = continueTo;
      if (ts.isForStatement(node) && node.incrementor !== undefined) this.expression(node.incrementor);
      this.link(this.current, head);
    }
    this.frames.pop();
    if (loopScope) this.frames.pop();
    this.current = after;
    if (loopScope) this.emit({ kind: 'scope-end', scope: node, jump: 'none' });
  }

  private switchStatement(node: ts.SwitchStatement, labels: string[]): void {
    this.expression(node.expression);
    const dispatch = this.current;
    const after = this.newNode(undefined);
    this.frames.push({ kind: 'jump', labels, breakTo: after, continueTo: undefined, isLoop: false });
    this.frames.push({ kind: 'scope', node: node.caseBlock });
    let fallthrough: number | undefined;
    let hasDefault = false;
    for (const clause of node.caseBlock.clauses) {
      if (ts.isDefaultClause(clause)) hasDefault = true;
      this.current = this.join(dispatch, fallthrough);
      if (ts.isCaseClause(clause)) this.expression(clause.expression);
      for (const statement of clause.statements) this.statement(statement);
      fallthrough = this.current;
    }
    this.frames.pop();
    this.frames.pop();
    this.link(fallthrough, after);
    if (!hasDefault) this.link(dispatch, after);
    this.current = this.reachable(after) ? after : undefined;
    this.emit({ kind: 'scope-end', scope: node.caseBlock, jump: 'none' });
  }

  private jump(node: ts.BreakStatement | ts.ContinueStatement): void {
    const isBreak = ts.isBreakStatement(node);
    const label = node.label?.text;
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const frame = this.frames[index];
      if (frame?.kind !== 'jump') continue;
      const matches = label !== undefined ? frame.labels.includes(label) : isBreak ? true : frame.isLoop;
      if (!matches || (!isBreak && frame.continueTo === undefined)) continue;
      this.unwindTo(index + 1, 'jump');
      this.link(this.current, isBreak ? frame.breakTo : frame.continueTo!);
      this.current = undefined;
      return;
    }
    this.current = undefined; // a jump the compiler would reject: nothing follows
  }

  /**
   * Leaves every frame above `depth`: ends their scopes (innermost first) and runs their finally
   * blocks on the way, as the jump would.
   */
  private unwindTo(depth: number, how: 'jump' | 'throw'): void {
    for (let index = this.frames.length - 1; index >= depth && this.current !== undefined; index--) {
      const frame = this.frames[index];
      if (frame?.kind === 'scope') {
        if (!ts.isSourceFile(frame.node)) this.emit({ kind: 'scope-end', scope: frame.node, jump: how });
      } else if (frame?.kind === 'finally') {
        this.finallyCopy(frame.block, index);
      }
    }
  }

  /** A copy of a finally block, built with the frames outside it (a throw or jump in it goes outward). */
  private finallyCopy(block: ts.Block, depth: number): void {
    const saved = this.frames.splice(depth);
    this.statement(block);
    this.frames.push(...saved);
  }

  /** An explicit throw: to the innermost catch, or out of the function (through finally blocks). */
  private throwFrom(node: ts.ThrowStatement): void {
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const frame = this.frames[index];
      if (frame?.kind !== 'catch') continue;
      this.unwindTo(index + 1, 'throw');
      this.link(this.current, frame.entry);
      this.current = undefined;
      return;
    }
    // Not caught here: finally blocks run, then the function is left by the throw.
    for (let index = this.frames.length - 1; index >= 0 && this.current !== undefined; index--) {
      const frame = this.frames[index];
      if (frame?.kind === 'finally') this.finallyCopy(frame.block, index);
    }
    this.emit({ kind: 'exit-throw', node });
    this.current = undefined;
  }

  /** Where an implicit throw from a call goes: the innermost catch, a finally then outward, or out of the function. */
  private implicitHandler(call: ts.CallExpression | ts.NewExpression): number | undefined {
    for (let index = this.frames.length - 1; index >= 0; index--) {
      const frame = this.frames[index];
      if (frame?.kind === 'catch') return frame.entry;
      if (frame?.kind === 'finally') {
        // Run the finally block, then go on to the next handler out (if any).
        const saved = this.current;
        const start = this.newNode(undefined);
        this.current = start;
        this.finallyCopy(frame.block, index);
        const saveFrames = this.frames.splice(index);
        const outer = this.implicitHandler(call);
        this.frames.push(...saveFrames);
        if (outer !== undefined) this.link(this.current, outer);
        this.current = saved;
        return start;
      }
    }
    return this.newNode({ kind: 'exit-throw', node: call });
  }

  private tryStatement(node: ts.TryStatement): void {
    const finallyBlock = node.finallyBlock;
    if (finallyBlock !== undefined) this.frames.push({ kind: 'finally', block: finallyBlock });
    let catchEntry: number | undefined;
    if (node.catchClause !== undefined) {
      catchEntry = this.newNode(undefined);
      this.frames.push({ kind: 'catch', entry: catchEntry });
    }
    this.statement(node.tryBlock);
    let afterTry = this.current;
    if (node.catchClause !== undefined && catchEntry !== undefined) {
      this.frames.pop();
      if (this.reachable(catchEntry)) {
        this.current = catchEntry;
        const variable = node.catchClause.variableDeclaration;
        if (variable !== undefined) this.emit({ kind: 'declare', declaration: variable });
        this.statement(node.catchClause.block);
        afterTry = this.join(afterTry, this.current);
      }
    }
    if (finallyBlock !== undefined) {
      this.frames.pop();
      this.current = afterTry;
      this.statement(finallyBlock);
      return;
    }
    this.current = afterTry;
  }

  // ---- expressions ----

  /** Builds a condition; returns where control is when it is true and when it is false. */
  private condition(node: ts.Expression): { whenTrue: number | undefined; whenFalse: number | undefined } {
    const target = skipParentheses(node);
    if (ts.isPrefixUnaryExpression(target) && target.operator === ts.SyntaxKind.ExclamationToken) {
      const inner = this.condition(target.operand);
      return { whenTrue: inner.whenFalse, whenFalse: inner.whenTrue };
    }
    if (ts.isBinaryExpression(target)) {
      const operator = target.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) {
        const left = this.condition(target.left);
        this.current = left.whenTrue;
        const right = this.condition(target.right);
        return { whenTrue: right.whenTrue, whenFalse: this.join(left.whenFalse, right.whenFalse) };
      }
      if (operator === ts.SyntaxKind.BarBarToken) {
        const left = this.condition(target.left);
        this.current = left.whenFalse;
        const right = this.condition(target.right);
        return { whenTrue: this.join(left.whenTrue, right.whenTrue), whenFalse: right.whenFalse };
      }
      const equality = this.nullComparison(target);
      if (equality !== undefined) {
        this.expression(target);
        const fork = this.current;
        const nullish = this.narrowed(fork, equality.operand);
        return equality.nullishWhenTrue ? { whenTrue: nullish, whenFalse: fork } : { whenTrue: fork, whenFalse: nullish };
      }
    }
    this.expression(target);
    const fork = this.current;
    return { whenTrue: fork, whenFalse: isNarrowable(target) ? this.narrowed(fork, target) : fork };
  }

  /** `x === undefined`, `x == null`, `x !== null`…: which operand, and whether "true" means nullish. */
  private nullComparison(node: ts.BinaryExpression): { operand: ts.Expression; nullishWhenTrue: boolean } | undefined {
    const operator = node.operatorToken.kind;
    const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
    const notEqual = operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken;
    if (!equal && !notEqual) return undefined;
    const operand = isNullishLiteral(node.right) ? node.left : isNullishLiteral(node.left) ? node.right : undefined;
    if (operand === undefined || !isNarrowable(operand)) return undefined;
    return { operand, nullishWhenTrue: equal };
  }

  /** A branch off `from` on which `expression` holds nothing. */
  private narrowed(from: number | undefined, expression: ts.Expression): number | undefined {
    if (from === undefined) return undefined;
    const id = this.newNode({ kind: 'nullish', expression: skipParentheses(expression) });
    this.link(from, id);
    return id;
  }

  private expression(node: ts.Node): void {
    if (this.current === undefined) return;
    if (isTypeLevel(node)) return;
    if (ts.isIdentifier(node)) {
      this.emit({ kind: 'ref', node });
      return;
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) {
      this.emit({ kind: 'ref', node: node as ts.ThisExpression });
      return;
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) {
      this.emit({ kind: 'closure', node });
      return;
    }
    if (ts.isOptionalChain(node) && !this.continuesChain(node)) return this.optionalChain(node);
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) {
        this.emit({ kind: 'ref', node });
        return;
      }
      this.expression(node.expression);
      this.chainSkip(node);
      return;
    }
    if (ts.isElementAccessExpression(node)) {
      this.expression(node.expression);
      this.chainSkip(node);
      this.expression(node.argumentExpression);
      return;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      this.expression(node.expression);
      if (ts.isCallExpression(node)) this.chainSkip(node);
      for (const argument of node.arguments ?? []) this.expression(argument);
      this.call(node);
      return;
    }
    if (ts.isBinaryExpression(node)) return this.binary(node);
    if (ts.isConditionalExpression(node)) {
      const branches = this.condition(node.condition);
      this.current = branches.whenTrue;
      this.expression(node.whenTrue);
      const afterTrue = this.current;
      this.current = branches.whenFalse;
      this.expression(node.whenFalse);
      this.current = this.join(afterTrue, this.current);
      return;
    }
    if (ts.isVariableDeclarationList(node)) return this.declarationList(node);
    if (ts.isPropertyAssignment(node)) {
      if (ts.isComputedPropertyName(node.name)) this.expression(node.name.expression);
      this.expression(node.initializer);
      return;
    }
    if (ts.isShorthandPropertyAssignment(node)) {
      this.emit({ kind: 'ref', node: node.name });
      return;
    }
    if (ts.isMethodDeclaration(node) || ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node)) {
      this.emit({ kind: 'closure', node });
      return;
    }
    this.children(node);
  }

  private children(node: ts.Node): void {
    ts.forEachChild(node, (child) => {
      if (ts.isStatement(child) && !ts.isExpressionStatement(child) && !ts.isBlock(child)) this.statement(child);
      else if (ts.isBlock(child)) this.statement(child);
      else this.expression(child);
    });
  }

  /** The call itself, after its callee and arguments; when asked, its exception edge (to a catch, or out). */
  private call(node: ts.CallExpression | ts.NewExpression): void {
    const call = this.emit({ kind: 'call', node });
    if (call === undefined || !this.implicitThrows) return;
    const handler = this.implicitHandler(node);
    if (handler === undefined) return;
    this.nodes[call]?.throwsTo.push(handler);
    this.targets.add(handler);
  }

  /** Is `node` the inner part of a longer optional chain (the chain's end is further up)? */
  private continuesChain(node: ts.Node): boolean {
    const parent = node.parent;
    return (
      parent !== undefined &&
      ts.isOptionalChain(parent) &&
      (parent as ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression).expression === node
    );
  }

  /** `a?.b.c()`: when `a` is nullish, the rest of the chain is skipped. */
  private optionalChain(node: ts.Node): void {
    this.chainSkips.push([]);
    const outer = node as ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression;
    // Build as a plain access/call; chainSkip records the forks at each `?.`.
    if (ts.isPropertyAccessExpression(outer) && outer.expression.kind === ts.SyntaxKind.ThisKeyword) {
      this.emit({ kind: 'ref', node: outer });
    } else if (ts.isPropertyAccessExpression(outer)) {
      this.expression(outer.expression);
      this.chainSkip(outer);
    } else if (ts.isElementAccessExpression(outer)) {
      this.expression(outer.expression);
      this.chainSkip(outer);
      this.expression(outer.argumentExpression);
    } else {
      this.expression(outer.expression);
      this.chainSkip(outer);
      for (const argument of outer.arguments) this.expression(argument);
      this.call(outer);
    }
    const skips = this.chainSkips.pop() ?? [];
    this.current = this.join(this.current, ...skips);
  }

  /** At a `?.`: a path that skips the rest of the chain, on which the object is nullish. */
  private chainSkip(node: ts.PropertyAccessExpression | ts.ElementAccessExpression | ts.CallExpression): void {
    if (node.questionDotToken === undefined || this.current === undefined) return;
    const skips = this.chainSkips[this.chainSkips.length - 1];
    if (skips === undefined) return;
    const skip = isNarrowable(node.expression) ? this.narrowed(this.current, node.expression) : this.current;
    if (skip !== undefined) skips.push(skip);
  }

  private binary(node: ts.BinaryExpression): void {
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken) {
      const branches = this.condition(node.left);
      const shortCircuit = operator === ts.SyntaxKind.AmpersandAmpersandToken ? branches.whenFalse : branches.whenTrue;
      this.current = operator === ts.SyntaxKind.AmpersandAmpersandToken ? branches.whenTrue : branches.whenFalse;
      this.expression(node.right);
      this.current = this.join(this.current, shortCircuit);
      return;
    }
    if (operator === ts.SyntaxKind.QuestionQuestionToken) {
      this.expression(node.left);
      const fork = this.current;
      this.current = isNarrowable(node.left) ? this.narrowed(fork, node.left) : fork;
      this.expression(node.right);
      this.current = this.join(this.current, fork);
      return;
    }
    if (operator === ts.SyntaxKind.EqualsToken) {
      const target = skipParentheses(node.left);
      if (!ts.isIdentifier(target) && !(ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword)) {
        // `a.b = v`, `a[i] = v`, destructuring: the target's parts are read first.
        if (ts.isPropertyAccessExpression(target)) this.expression(target.expression);
        else if (ts.isElementAccessExpression(target)) {
          this.expression(target.expression);
          this.expression(target.argumentExpression);
        }
      }
      this.expression(node.right);
      this.emit({ kind: 'assign', target: node.left, value: node.right, node });
      return;
    }
    if (
      operator === ts.SyntaxKind.QuestionQuestionEqualsToken ||
      operator === ts.SyntaxKind.BarBarEqualsToken ||
      operator === ts.SyntaxKind.AmpersandAmpersandEqualsToken
    ) {
      // Assigned only on one branch; `??=`/`||=` assign when the target held nothing.
      const fork = this.current;
      this.current = operator !== ts.SyntaxKind.AmpersandAmpersandEqualsToken && isNarrowable(node.left) ? this.narrowed(fork, node.left) : fork;
      this.expression(node.right);
      this.emit({ kind: 'assign', target: node.left, value: node.right, node });
      this.current = this.join(this.current, fork);
      return;
    }
    this.expression(node.left);
    this.expression(node.right);
  }
}

/**
 * The control-flow graph of a function-like with a body (or a source file's top level).
 * `implicitThrows`: every call inside a `try` gets an exception edge (the strict config).
 */
export function buildFlowGraph(unit: ts.Node, implicitThrows: boolean): FlowGraph {
  const builder = new GraphBuilder(implicitThrows);
  builder.buildUnit(unit);
  return { nodes: builder.nodes, entry: builder.entry, exit: builder.exit, unit };
}

/** Predecessor lists of a graph (for joins), computed once per graph. */
export function predecessors(graph: FlowGraph, followThrows: boolean): number[][] {
  const result: number[][] = graph.nodes.map(() => []);
  for (const node of graph.nodes) {
    for (const next of node.next) result[next]?.push(node.id);
    if (followThrows) for (const next of node.throwsTo) result[next]?.push(node.id);
  }
  return result;
}
