// What the active models say about one call, asked once per call node and program: the same
// connect call is looked at by the flow walk, the use classifier and the field pass.
import { Node, SyntaxKind, type CallExpression, type NewExpression } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { ConnectSite, EndSite, OwnershipSite, SchedulerSite } from './emitter-model.js';

const none = Symbol('none');

function memoized<T>(context: AnalysisContext, table: string, node: { compilerNode: object }, compute: () => T | undefined): T | undefined {
  const memo = context.memo<object, T | typeof none>(table);
  const known = memo.get(node.compilerNode);
  if (known !== undefined) return known === none ? undefined : known;
  let result: T | undefined;
  try {
    result = compute();
  } catch {
    result = undefined; // a model that cannot read this shape: not a site
  }
  memo.set(node.compilerNode, result === undefined ? none : result);
  return result;
}

/** The first active model's connect site for this call, if any. */
export function connectSiteOf(context: AnalysisContext, call: CallExpression): ConnectSite | undefined {
  return memoized(context, 'connect-site', call, () => {
    for (const model of context.models) {
      const site = model.matchConnect(call, context);
      if (site !== undefined) return { ...site, model };
    }
    return undefined;
  });
}

/** The first active model's end site for this call, if any. */
export function endSiteOf(context: AnalysisContext, call: CallExpression): EndSite | undefined {
  return memoized(context, 'end-site', call, () => {
    for (const model of context.models) {
      const site = model.matchEnd(call, context);
      if (site !== undefined) return site;
    }
    return undefined;
  });
}

/** Every active model's ownership sites for this call or construction. */
export function ownershipSitesOf(context: AnalysisContext, node: CallExpression | NewExpression): OwnershipSite[] {
  return memoized(context, 'ownership-sites', node, () => context.models.flatMap((model) => model.matchOwnership(node, context))) ?? [];
}

/** Does an active model say this call or construction creates a fresh emitter (a GObject static constructor)? */
export function createdByModel(context: AnalysisContext, node: CallExpression | NewExpression): boolean {
  return memoized(context, 'created-by-model', node, () => (context.models.some((model) => model.createsEmitter?.(node, context) === true) ? true : undefined)) === true;
}

/** The first active model's scheduler site for this call, if any (`setTimeout(fn)`, `setInterval(fn)`…). */
export function schedulerOf(context: AnalysisContext, call: CallExpression): SchedulerSite | undefined {
  return memoized(context, 'scheduler-site', call, () => {
    for (const model of context.models) {
      const site = model.matchScheduler?.(call, context);
      if (site !== undefined) return site;
    }
    return undefined;
  });
}

/**
 * A closure handed straight to a scheduler, and whether its body ends any connection: a scheduler
 * keeps the closure one turn (or, `setInterval`, for the program) and never disposes what it
 * captures, so only a closure that ends something takes the object off its creator's hands.
 */
export function scheduledClosure(context: AnalysisContext, fn: Node): { site: SchedulerSite; ends: boolean } | undefined {
  let current = fn;
  for (let parent = current.getParent(); parent !== undefined && Node.isParenthesizedExpression(parent); parent = current.getParent()) current = parent;
  const call = current.getParent();
  if (call === undefined || !Node.isCallExpression(call) || !call.getArguments().includes(current)) return undefined;
  const site = schedulerOf(context, call);
  if (site === undefined) return undefined;
  const ends = fn.getDescendantsOfKind(SyntaxKind.CallExpression).some((inner) => endSiteOf(context, inner) !== undefined);
  return { site, ends };
}
