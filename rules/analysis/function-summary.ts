// One function's summary, in the heap's terms, for callers in any file: what it does to each
// parameter and to `this` (ends its connections, stores it and for how long, connects it), what it
// returns (a fresh emitter and its open connections), and the constraints it puts on its callers —
// the ownership rules check those at each call site ("a closure keeping `this` is connected to
// parameter 0 and the handle is discarded": the argument must not outlive the receiver).
import { Node, SyntaxKind } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { analyseUnit } from './emitter-flow.js';
import { functionWithBody } from './function-bodies.js';
import type { ReferenceEffect } from './reference-effect.js';
import { connectSiteOf } from './sites.js';
import { parameterEffectOf, thisEffect } from './summaries.js';
import { declarationKey, skipOuterExpressions } from './type-queries.js';
import { isDiscarded } from './uses.js';

/** A fact a caller must satisfy for the function not to leak. */
export interface CallerConstraint {
  /** A closure that keeps `this` is connected to the argument, and the connection's handle is discarded. */
  kind: 'closure-keeps-this-connected';
  parameter: number;
  signal: string;
  /** The connect call (for messages). */
  at: Node;
}

export interface FunctionSummary {
  /** Per parameter; undefined for a destructured or rest parameter. */
  parameters: (ReferenceEffect | undefined)[];
  /** What a method does to `this`; undefined for a plain function. */
  this: ReferenceEffect | undefined;
  /** Every `return` gives a fresh emitter nobody else keeps: its open connections; else undefined. */
  returnsFresh: string[] | undefined;
  constraints: CallerConstraint[];
}

function usesThis(fn: Node): boolean {
  return Node.isArrowFunction(fn) && fn.getDescendantsOfKind(SyntaxKind.ThisKeyword).length > 0;
}

/** The summary of a function-like with a body (memoized by its parts); undefined for one without. */
export function summarize(context: AnalysisContext, declaration: Node): FunctionSummary | undefined {
  const fn = functionWithBody(declaration);
  if (fn === undefined || !('getParameters' in fn)) return undefined;
  const parameters = (fn as unknown as { getParameters(): Node[] }).getParameters();
  const effects = parameters.map((parameter, index) => {
    if (!Node.isParameterDeclaration(parameter) || !Node.isIdentifier(parameter.getNameNode()) || parameter.isRestParameter()) return undefined;
    return parameterEffectOf(context, fn, index);
  });
  const constraints: CallerConstraint[] = [];
  for (const call of fn.getDescendantsOfKind(SyntaxKind.CallExpression)) {
    const site = connectSiteOf(context, call);
    if (site?.slot === undefined || site.receiver !== undefined || !isDiscarded(call)) continue;
    if (!usesThis(skipOuterExpressions(site.slot))) continue;
    const emitter = skipOuterExpressions(site.emitter);
    if (!Node.isIdentifier(emitter)) continue;
    const key = declarationKey(context.checker, emitter);
    const index = parameters.findIndex((parameter) => parameter.compilerNode === key);
    if (index >= 0) constraints.push({ kind: 'closure-keeps-this-connected', parameter: index, signal: site.signal, at: call });
  }
  return {
    parameters: effects,
    this: Node.isMethodDeclaration(fn) || Node.isGetAccessorDeclaration(fn) || Node.isSetAccessorDeclaration(fn) ? thisEffect(context, fn) : undefined,
    returnsFresh: analyseUnit(context, fn).returnsFresh,
    constraints,
  };
}
