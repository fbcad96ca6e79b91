// Function summaries: what a function does to one of its parameters, or a method to `this`
// (stores it, disposes it, connects it), computed lazily and memoized per program, keyed by
// the compiler's declaration node so that the answer is shared by every file that calls it.
import { Node, SyntaxKind, type Expression } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { classifyUse, type CalleeSummaries, type Use } from './uses.js';
import type { ReferenceEffect } from './reference-effect.js';
import { constructorOf, descendantsOfKind, functionWithBody } from './function-bodies.js';
import { declarationKey, declarationsOf } from './type-queries.js';
import { joinLifetimes } from './lifetime.js';
import { scheduledClosure } from './sites.js';

export type { ReferenceEffect } from './reference-effect.js';

const storesEverything: ReferenceEffect = { stores: true, disposes: false, connects: [], keptFor: 'unknown' };

function mergeUse(context: AnalysisContext, effect: ReferenceEffect, use: Use): void {
  switch (use.kind) {
    case 'connect':
      if (use.handle === undefined) effect.connects.push(use.signal);
      return;
    case 'end-all':
      effect.disposes = true;
      return;
    case 'captured': {
      // A scheduler's closure (one turn, or setInterval's for the program) keeps the object but
      // never ends it: not a keeper, unless the closure itself ends something.
      const scheduled = scheduledClosure(context, use.fn);
      if (scheduled !== undefined && !scheduled.ends) {
        effect.keptFor = joinLifetimes(effect.keptFor, scheduled.site.lifetime);
        return;
      }
      effect.stores = true;
      effect.keptFor = 'unknown';
      return;
    }
    case 'released':
    case 'reassigned':
      effect.stores = true;
      effect.keptFor = 'unknown';
      return;
    case 'effect':
      effect.stores ||= use.effect.stores;
      effect.keptFor = joinLifetimes(effect.keptFor, use.effect.keptFor);
      effect.disposes ||= use.effect.disposes;
      effect.connects.push(...use.effect.connects);
      return;
    case 'end-signal':
    case 'neutral':
      return;
  }
}

/** What calling `callee` does to the argument at `index`; undefined when the callee has no body to read. */
export function parameterEffect(context: AnalysisContext, callee: Expression, index: number, isConstruction: boolean): ReferenceEffect | undefined {
  const fn = isConstruction ? constructorOf(context, callee) : declarationsOf(callee, context).map(functionWithBody).find((found) => found !== undefined);
  return fn === undefined ? undefined : parameterEffectOf(context, fn, index);
}

/** What the function-like `fn` (with a body) does to its parameter at `index`. */
export function parameterEffectOf(context: AnalysisContext, fn: Node, index: number): ReferenceEffect | undefined {
  if (!('getParameters' in fn)) return undefined;
  const parameters = (fn as unknown as { getParameters(): Node[] }).getParameters();
  const parameter = parameters[Math.min(index, parameters.length - 1)];
  if (parameter === undefined || !Node.isParameterDeclaration(parameter)) return undefined;
  if (parameter.isRestParameter() || parameter.isParameterProperty() || !Node.isIdentifier(parameter.getNameNode())) return storesEverything;
  const memo = context.memo<object, ReferenceEffect>('parameter-effect');
  const key = parameter.compilerNode;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, storesEverything); // recursion guard
  const effect: ReferenceEffect = { stores: false, disposes: false, connects: [], keptFor: 'call' };
  const name = parameter.getName();
  for (const identifier of fn.getDescendantsOfKind(SyntaxKind.Identifier)) {
    if (identifier.getText() !== name || identifier === parameter.getNameNode()) continue;
    if (declarationKey(context.checker, identifier) !== key) continue;
    mergeUse(context, effect, classifyUse(context, identifier, fn, summaries));
    if (effect.stores) break;
  }
  memo.set(key, effect);
  return effect;
}

/** What calling a method does to its `this`; undefined when the method has no body to read. */
export function thisEffect(context: AnalysisContext, declaration: Node): ReferenceEffect | undefined {
  const fn = functionWithBody(declaration);
  if (fn === undefined) return undefined;
  if (Node.isMethodDeclaration(fn) && fn.isStatic()) return undefined;
  const memo = context.memo<object, ReferenceEffect>('this-effect');
  const key = fn.compilerNode;
  const known = memo.get(key);
  if (known !== undefined) return known;
  memo.set(key, storesEverything); // recursion guard
  const effect: ReferenceEffect = { stores: false, disposes: false, connects: [], keptFor: 'call' };
  for (const self of descendantsOfKind(context, fn, SyntaxKind.ThisKeyword)) {
    const use = classifyUse(context, self, fn, summaries);
    // `this` inside a nested non-arrow function or class is another object.
    if (use.kind === 'captured' && !Node.isArrowFunction(use.fn)) continue;
    mergeUse(context, effect, use);
    if (effect.stores) break;
  }
  memo.set(key, effect);
  return effect;
}

/** The summaries, as the use classifier asks for them (passed in: the classifier does not import this module). */
export const summaries: CalleeSummaries = { parameterEffect, thisEffect };

/** Classifies one reference inside `unit`, with the callees' summaries. */
export function classifyReference(context: AnalysisContext, reference: Node, unit: Node): Use {
  return classifyUse(context, reference, unit, summaries);
}
