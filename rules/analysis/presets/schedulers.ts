// The platform's schedulers, as the presets know them: a callback handed to one of these is kept
// for one turn (it runs once, then is forgotten) or for the program (`setInterval`, until cleared).
// A scheduler never disposes what its callback captures: the core judges such a closure by this
// table, not as "kept by someone". Shared by the built-in models (JavaScript timers exist in every
// environment they describe).
import { Node, type CallExpression } from 'ts-morph';
import type { SchedulerSite } from '../emitter-model.js';

const byName: ReadonlyMap<string, SchedulerSite['lifetime']> = new Map([
  ['setTimeout', 'turn'],
  ['setImmediate', 'turn'],
  ['queueMicrotask', 'turn'],
  ['requestAnimationFrame', 'turn'],
  ['requestIdleCallback', 'turn'],
  ['nextTick', 'turn'],
  ['setInterval', 'program'],
]);

/** Promise reactions: `p.then(fn)`, `p.catch(fn)`, `p.finally(fn)` run once. */
const promiseMethods: ReadonlySet<string> = new Set(['then', 'catch', 'finally']);

/** The scheduler a call hands its callback arguments to, if it is one. */
export function matchScheduler(call: CallExpression): SchedulerSite | undefined {
  const callee = call.getExpression();
  let name: string | undefined;
  if (Node.isIdentifier(callee)) name = callee.getText();
  else if (Node.isPropertyAccessExpression(callee)) name = callee.getName();
  if (name === undefined) return undefined;
  const lifetime = byName.get(name);
  if (lifetime !== undefined) return { lifetime };
  if (promiseMethods.has(name) && Node.isPropertyAccessExpression(callee)) {
    const type = callee.getExpression().getType();
    if (type.getProperty('then') !== undefined) return { lifetime: 'turn' };
  }
  return undefined;
}
