// Parameter lifetimes from the callers. A parameter says nothing about how long its value lives:
// `new Hover(this.el)` inside the component owning `el` hands over an object of the creator's
// lifetime, `new Panel(appSettings)` a program-long singleton. The ownership rules judge a
// constructor or function parameter by what its callers pass in the program: the first caller
// that passes a longer-lived object (module, global, injected, parent) violates the constraint and
// is named; when every caller passes something else (`this`, its own fields, fresh locals), the
// parameter shares a lifetime the callers manage and is not judged. No caller in the program: the
// parameter stays "longer-lived than the receiver", as before (the callers can only clear it).
import type { AnalysisContext } from './context.js';
import { connectSiteOf } from './sites.js';
import { Node, ts, type ClassDeclaration, type ClassExpression, type ParameterDeclaration, type VariableDeclaration } from 'ts-morph';

/** What the callers of a function or constructor pass at one parameter. */
export type CallerVerdict =
  | { readonly kind: 'no-callers' }
  /** A caller passes a longer-lived object: where, and what it passes. */
  | { readonly kind: 'violated'; readonly where: string; readonly passes: string }
  /** Every caller passes an object whose lifetime it manages itself. */
  | { readonly kind: 'satisfied' };

/** The kinds of argument a caller's ownership analysis reports; `longer` names what a longer-lived one is. */
export type ArgumentJudge = (argument: Node) => { readonly longer: boolean; readonly origin: string };

/** Where callers are looked for: the analysis context (its program, its ts-morph wrapping, its models' connect sites). */
export type CallerSource = AnalysisContext;

/** Caps the work per parameter: a parameter with very many callers is judged by the first ones. */
const MAX_CALLERS = 64;

/**
 * The program's calls, by callee name, built once per program over its own files: `f(…)`/`new C(…)`
 * by identifier, `x.m(…)` by member name; and the member accesses by name that are not a call's
 * callee (`this.m.bind(this)`, `list.forEach(this.m)`): a method referenced so has callers nobody sees.
 */
interface CallIndex {
  readonly byIdentifier: Map<string, (ts.CallExpression | ts.NewExpression)[]>;
  readonly byMember: Map<string, ts.CallExpression[]>;
  readonly memberValues: Map<string, ts.Node[]>;
}
const callIndexes = new WeakMap<ts.Program, CallIndex>();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

/** `x.m` or `x?.m` used as a value, not called: the parent is not a call with it as callee. */
function isCallee(node: ts.Node): boolean {
  let current = node;
  let parent = current.parent;
  while (ts.isParenthesizedExpression(parent) || ts.isNonNullExpression(parent)) {
    current = parent;
    parent = current.parent;
  }
  return (ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.expression === current;
}

function callIndex(program: ts.Program): CallIndex {
  const cached = callIndexes.get(program);
  if (cached !== undefined) return cached;
  const index: CallIndex = { byIdentifier: new Map(), byMember: new Map(), memberValues: new Map() };
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
        if (ts.isIdentifier(node.expression)) push(index.byIdentifier, node.expression.text, node);
        else if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) push(index.byMember, node.expression.name.text, node);
      } else if (ts.isPropertyAccessExpression(node) && !isCallee(node)) {
        push(index.memberValues, node.name.text, node);
      }
      ts.forEachChild(node, visit);
    };
    visit(file);
  }
  callIndexes.set(program, index);
  return index;
}

/** The function a parameter belongs to, as callers name it: a class (constructor), a function, a method, an arrow in a variable or field. */
type Callee =
  | { readonly kind: 'identifier'; readonly name: string; readonly declaration: Node }
  | { readonly kind: 'member'; readonly name: string; readonly declaration: Node; readonly cls: ClassLike };

type ClassLike = ClassDeclaration | ClassExpression;

/** A class member `name` also declared up the base chain: calls through the base type reach it unseen. */
function overridesBase(cls: ClassLike, name: string): boolean {
  const base = cls.getExtends();
  if (base === undefined) return false;
  // An `any` base (an untyped `gi://` class) may call it too; its callers stay unseen, as with any caller outside the program.
  return base.getType().getProperty(name) !== undefined;
}

function calleeOf(fn: Node | undefined): Callee | undefined {
  if (fn === undefined) return undefined;
  if (Node.isConstructorDeclaration(fn)) {
    const cls = fn.getParent();
    const name = Node.isClassDeclaration(cls) ? cls.getName() : undefined;
    return name === undefined ? undefined : { kind: 'identifier', name, declaration: cls };
  }
  if (Node.isFunctionDeclaration(fn)) {
    const name = fn.getName();
    return name === undefined ? undefined : { kind: 'identifier', name, declaration: fn };
  }
  if (Node.isMethodDeclaration(fn)) {
    const cls = fn.getParent();
    const name = fn.getNameNode();
    if (!(Node.isClassDeclaration(cls) || Node.isClassExpression(cls)) || !(Node.isIdentifier(name) || Node.isPrivateIdentifier(name))) return undefined;
    return { kind: 'member', name: name.getText(), declaration: fn, cls };
  }
  if (Node.isArrowFunction(fn) || Node.isFunctionExpression(fn)) {
    const holder = fn.getParent();
    if (Node.isVariableDeclaration(holder) && holder.getInitializer() === fn) {
      const name = holder.getNameNode();
      return Node.isIdentifier(name) ? { kind: 'identifier', name: name.getText(), declaration: holder } : undefined;
    }
    if (Node.isPropertyDeclaration(holder) && holder.getInitializer() === fn && !holder.isStatic()) {
      const cls = holder.getParent();
      const name = holder.getNameNode();
      if (!(Node.isClassDeclaration(cls) || Node.isClassExpression(cls)) || !(Node.isIdentifier(name) || Node.isPrivateIdentifier(name))) return undefined;
      return { kind: 'member', name: name.getText(), declaration: holder, cls };
    }
  }
  return undefined;
}

/** The callers found, or undefined when some caller cannot be seen (the function is also used as a value). */
function callersOf(callee: Callee, source: CallerSource): Node[] | undefined {
  const checker = source.program.getTypeChecker();
  const declaration = callee.declaration.compilerNode;
  // By declaration, not by symbol: a member reached through an instance type is an instantiated copy of the declared symbol.
  const refersToCallee = (expression: ts.Node): boolean | undefined => {
    let symbol = checker.getSymbolAtLocation(expression);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    return symbol === undefined ? undefined : (symbol.declarations ?? []).includes(declaration as ts.Declaration);
  };
  const index = callIndex(source.program);
  const calls: Node[] = [];
  const add = (call: ts.Node): boolean => {
    const wrapped = source.node(call);
    if (wrapped !== undefined) calls.push(wrapped);
    return calls.length >= MAX_CALLERS;
  };
  if (callee.kind === 'identifier') {
    for (const call of index.byIdentifier.get(callee.name) ?? []) {
      if (refersToCallee(call.expression) === true && add(call)) break;
    }
    if (Node.isVariableDeclaration(callee.declaration) && valueUses(callee.declaration, refersToCallee)) return undefined;
    return calls;
  }
  if (overridesBase(callee.cls, callee.name)) return undefined;
  for (const value of index.memberValues.get(callee.name) ?? []) {
    if (ts.isPropertyAccessExpression(value) && refersToCallee(value.name) === true) return undefined;
  }
  for (const call of index.byMember.get(callee.name) ?? []) {
    // A call on an `any` receiver (no symbol) may be this method: its argument is judged too.
    if (ts.isPropertyAccessExpression(call.expression) && refersToCallee(call.expression.name) !== false && add(call)) break;
  }
  return calls;
}

/** Every `new C(…)` of a class in the program (at most MAX_CALLERS), by declaration. */
export function constructionsOf(cls: ClassDeclaration, source: CallerSource): Node[] {
  const name = cls.getName();
  if (name === undefined) return [];
  try {
    return (callersOf({ kind: 'identifier', name, declaration: cls }, source) ?? []).filter((call) => Node.isNewExpression(call));
  } catch {
    return []; // the language service could not answer: no construction known
  }
}

/** Is the variable holding a function read other than as a callee (`el.connect('x', handler)`)? */
function valueUses(declaration: VariableDeclaration, refersToCallee: (node: ts.Node) => boolean | undefined): boolean {
  const name = declaration.getName();
  const scope = declaration.getSourceFile().compilerNode;
  if (declaration.getVariableStatement()?.isExported() === true) return true;
  let found = false;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isIdentifier(node) && node.text === name && node !== declaration.getNameNode().compilerNode && !isCallee(node) && refersToCallee(node) === true) found = true;
    else ts.forEachChild(node, visit);
  };
  ts.forEachChild(scope, visit);
  return found;
}

/**
 * An argument that is a parameter of a connected handler (`this.connect('child-added', (_, actor) =>
 * this.track(actor))`): a value the emitter hands out, which lives as the emitter does — this
 * object's child from its own signal, a window from `global.display`'s. The emitter is judged.
 */
function signalValueOf(argument: Node, source: CallerSource): { emitter: Node; signal: string } | undefined {
  let inner = argument;
  while (Node.isParenthesizedExpression(inner) || Node.isAsExpression(inner) || Node.isNonNullExpression(inner)) inner = inner.getExpression();
  if (!Node.isIdentifier(inner)) return undefined;
  const declaration = inner.getSymbol()?.getDeclarations()[0];
  if (declaration === undefined || !Node.isParameterDeclaration(declaration)) return undefined;
  let slot: Node | undefined = declaration.getParent();
  if (slot === undefined || !(Node.isArrowFunction(slot) || Node.isFunctionExpression(slot))) return undefined;
  let connect = slot.getParent();
  while (connect !== undefined && Node.isParenthesizedExpression(connect)) {
    slot = connect;
    connect = connect.getParent();
  }
  if (connect === undefined || !Node.isCallExpression(connect)) return undefined;
  const site = connectSiteOf(source, connect);
  return site !== undefined && site.slot === slot ? { emitter: site.emitter, signal: site.signal } : undefined;
}

/** `file.ts:12`, relative to nothing: the file's base name keeps messages short. */
function whereText(node: Node): string {
  return `${node.getSourceFile().getBaseName()}:${node.getStartLineNumber()}`;
}

/**
 * The callers' verdict on `parameter` (of a constructor, a function declaration, a method, or an
 * arrow function kept in a variable or field). Rest parameters, other functions, and functions
 * also used as values (callbacks: their callers are not in sight) keep today's meaning.
 */
export function callerVerdict(parameter: ParameterDeclaration, judge: ArgumentJudge, source: CallerSource): CallerVerdict {
  if (parameter.isRestParameter()) return { kind: 'no-callers' };
  const fn = parameter.getParent();
  const callee = calleeOf(fn);
  if (callee === undefined) return { kind: 'no-callers' };
  const index = fn !== undefined && Node.isFunctionLikeDeclaration(fn) ? fn.getParameters().indexOf(parameter) : -1;
  if (index < 0) return { kind: 'no-callers' };
  let calls: Node[] | undefined;
  try {
    calls = callersOf(callee, source);
  } catch {
    return { kind: 'no-callers' }; // the language service could not answer: today's meaning
  }
  if (calls === undefined || calls.length === 0) return { kind: 'no-callers' };
  for (const call of calls) {
    if (!Node.isNewExpression(call) && !Node.isCallExpression(call)) continue;
    const argument = call.getArguments()[index];
    if (argument === undefined || Node.isSpreadElement(argument)) continue;
    const handedOut = signalValueOf(argument, source);
    const verdict = judge(handedOut?.emitter ?? argument);
    if (verdict.longer) {
      const passes = handedOut === undefined ? verdict.origin : `what \`${handedOut.signal}\` of ${verdict.origin} hands out`;
      return { kind: 'violated', where: whereText(call), passes };
    }
  }
  return { kind: 'satisfied' };
}
