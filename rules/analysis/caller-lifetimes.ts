// Parameter lifetimes from the callers. A parameter says nothing about how long its value lives:
// `new Hover(this.el)` inside the component owning `el` hands over an object of the creator's
// lifetime, `new Panel(appSettings)` a program-long singleton. The ownership rules judge a
// constructor or function parameter by what its callers pass in the program: the first caller
// that passes a longer-lived object (module, global, injected, parent) violates the constraint and
// is named; when every caller passes something else (`this`, its own fields, fresh locals), the
// parameter shares a lifetime the callers manage and is not judged. No caller in the program: the
// parameter stays "longer-lived than the receiver", as before (the callers can only clear it).
import { Node, ts, type ParameterDeclaration } from 'ts-morph';
import { indexFile } from './relevance.js';

/** What the callers of a function or constructor pass at one parameter. */
export type CallerVerdict =
  | { readonly kind: 'no-callers' }
  /** A caller passes a longer-lived object: where, and what it passes. */
  | { readonly kind: 'violated'; readonly where: string; readonly passes: string }
  /** Every caller passes an object whose lifetime it manages itself. */
  | { readonly kind: 'satisfied' };

/** The kinds of argument a caller's ownership analysis reports; `longer` names what a longer-lived one is. */
export type ArgumentJudge = (argument: Node) => { readonly longer: boolean; readonly origin: string };

/** Where callers are looked for: a program and its ts-morph wrapping (the analysis context is one). */
export interface CallerSource {
  readonly program: ts.Program;
  node(compilerNode: ts.Node): Node | undefined;
}

/** Caps the work per parameter: a parameter with very many callers is judged by the first ones. */
const MAX_CALLERS = 64;

/** Call and `new` expressions with a plain-identifier callee, by callee name, over a program's own files (built once per program). */
type CallIndex = Map<string, (ts.CallExpression | ts.NewExpression)[]>;
const callIndexes = new WeakMap<ts.Program, CallIndex>();

function callIndex(program: ts.Program): CallIndex {
  const cached = callIndexes.get(program);
  if (cached !== undefined) return cached;
  const index: CallIndex = new Map();
  for (const file of program.getSourceFiles()) {
    if (file.isDeclarationFile || program.isSourceFileFromExternalLibrary(file)) continue;
    // From the file's syntactic index (relevance.ts: one walk per file shared by every pass).
    for (const node of indexFile(file).identifierCalls) {
      const name = (node.expression as ts.Identifier).text;
      const list = index.get(name);
      if (list === undefined) index.set(name, [node]);
      else list.push(node);
    }
  }
  callIndexes.set(program, index);
  return index;
}

/** The call and `new` expressions that invoke the function or class `parameter` belongs to (same program, any file). */
function callersOf(parameter: ParameterDeclaration, source: CallerSource): Node[] {
  const fn = parameter.getParent();
  let declaration: Node | undefined;
  let name: string | undefined;
  if (Node.isConstructorDeclaration(fn)) {
    const cls = fn.getParent();
    if (Node.isClassDeclaration(cls)) {
      declaration = cls;
      name = cls.getName();
    }
  } else if (Node.isFunctionDeclaration(fn)) {
    declaration = fn;
    name = fn.getName();
  }
  if (declaration === undefined || name === undefined) return [];
  const checker = source.program.getTypeChecker();
  const target = declaration.getSymbol()?.compilerSymbol;
  if (target === undefined) return [];
  const calls: Node[] = [];
  for (const call of callIndex(source.program).get(name) ?? []) {
    let symbol = checker.getSymbolAtLocation(call.expression);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = checker.getAliasedSymbol(symbol);
    if (symbol !== target) continue;
    const wrapped = source.node(call);
    if (wrapped !== undefined) calls.push(wrapped);
    if (calls.length >= MAX_CALLERS) break;
  }
  return calls;
}

/** `file.ts:12`, relative to nothing: the file's base name keeps messages short. */
function whereText(node: Node): string {
  return `${node.getSourceFile().getBaseName()}:${node.getStartLineNumber()}`;
}

/**
 * The callers' verdict on `parameter` (a constructor's or a function declaration's; other
 * functions have no callers found and keep today's meaning). Rest parameters are not judged.
 */
export function callerVerdict(parameter: ParameterDeclaration, judge: ArgumentJudge, source: CallerSource): CallerVerdict {
  if (parameter.isRestParameter()) return { kind: 'no-callers' };
  const fn = parameter.getParent();
  const index = Node.isConstructorDeclaration(fn) || Node.isFunctionDeclaration(fn) ? fn.getParameters().indexOf(parameter) : -1;
  if (index < 0) return { kind: 'no-callers' };
  let calls: Node[];
  try {
    calls = callersOf(parameter, source);
  } catch {
    return { kind: 'no-callers' }; // the language service could not answer: today's meaning
  }
  if (calls.length === 0) return { kind: 'no-callers' };
  for (const call of calls) {
    if (!Node.isNewExpression(call) && !Node.isCallExpression(call)) continue;
    const argument = call.getArguments()[index];
    if (argument === undefined || Node.isSpreadElement(argument)) continue;
    const verdict = judge(argument);
    if (verdict.longer) return { kind: 'violated', where: whereText(call), passes: verdict.origin };
  }
  return { kind: 'satisfied' };
}
