// Repeating timers as live resources: `setInterval(fn, ms)` runs `fn` (and keeps what it captures)
// until `clearInterval(id)`, so the id it returns is the handle of a resource that is connected from
// the start. Dropping the id (a discarded call, a local never cleared) leaves the timer running for
// the program. One-shot timers (`setTimeout`) end by themselves and are not tracked here.
import { Node, type CallExpression } from 'ts-morph';
import type { ConnectSite, EndSite } from '../emitter-model.js';

interface Timer {
  /** The call that starts it, connected from the start. */
  readonly start: string;
  /** The call that ends it, given the id. */
  readonly end: string;
  /** The name the messages list as connected. */
  readonly signal: string;
}
export const REPEATING_TIMERS: readonly Timer[] = [{ start: 'setInterval', end: 'clearInterval', signal: 'interval' }];

const byStart = new Map(REPEATING_TIMERS.map((timer) => [timer.start, timer]));
const byEnd = new Map(REPEATING_TIMERS.map((timer) => [timer.end, timer]));

/** `setInterval(…)`, `window.setInterval(…)`, `globalThis.setInterval(…)`: the platform's, declared in a library file. */
function platformCall(call: CallExpression, names: ReadonlyMap<string, Timer>): Timer | undefined {
  const callee = call.getExpression();
  const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
  const timer = name === undefined ? undefined : names.get(name);
  if (timer === undefined) return undefined;
  const declarations = (Node.isPropertyAccessExpression(callee) ? callee.getNameNode() : callee).getSymbol()?.getDeclarations() ?? [];
  // A project function named setInterval is not the platform's.
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile()) ? timer : undefined;
}

/**
 * The timer a call starts, when it is one the analysis judges: not at module level (a program-long
 * timer there is meant to run for the program), and not one whose callback clears it itself
 * (`const id = setInterval(() => { if (done) clearInterval(id); })`).
 */
function startedTimer(call: CallExpression): Timer | undefined {
  const timer = platformCall(call, byStart);
  if (timer === undefined) return undefined;
  const inFunction = call.getFirstAncestor((ancestor) => Node.isFunctionLikeDeclaration(ancestor) || Node.isArrowFunction(ancestor) || Node.isFunctionExpression(ancestor)) !== undefined;
  const selfClearing = call.getArguments()[0]?.getText().includes(`${timer.end}(`) === true;
  return inFunction && !selfClearing ? timer : undefined;
}

export const timerStartNames: readonly string[] = REPEATING_TIMERS.map((timer) => timer.start);
/** The repeating timers as start and cancel names (EmitterModel.repeatingTimers). */
export const REPEATING_TIMER_PAIRS: readonly { readonly start: string; readonly cancel: string }[] = REPEATING_TIMERS.map((timer) => ({ start: timer.start, cancel: timer.end }));

/** `setInterval(fn, ms)`: a fresh timer connected to `fn` at once (its own emitter, the call itself). */
export function matchTimerStart(call: CallExpression): ConnectSite | undefined {
  const timer = startedTimer(call);
  const slot = call.getArguments()[0];
  if (timer === undefined || slot === undefined) return undefined;
  return { emitter: call, signal: timer.signal, slot: slot as ConnectSite['slot'] & object, handle: 'id' };
}

export function createsTimer(node: Node): boolean {
  return Node.isCallExpression(node) && startedTimer(node) !== undefined;
}

/** `clearInterval(id)`: ends the timer whose id it is given. */
export function matchTimerEnd(call: CallExpression): EndSite | undefined {
  const [id] = call.getArguments();
  if (id === undefined || platformCall(call, byEnd) === undefined) return undefined;
  return { kind: 'dispose', emitter: id as Extract<EndSite, { kind: 'dispose' }>['emitter'] };
}

/** `clearInterval` for a `setInterval(…)` creation. */
export function timerReleaseCall(creation: Node): string | undefined {
  return Node.isCallExpression(creation) ? startedTimer(creation)?.end : undefined;
}

/** One-shot timers: a method that re-arms itself with one runs until `cancel(id)` (rearming-timers.ts). */
export interface OneShotTimer {
  readonly start: string;
  readonly cancel: string;
}
export const DOM_ONE_SHOT_TIMERS: readonly OneShotTimer[] = [
  { start: 'setTimeout', cancel: 'clearTimeout' },
  { start: 'requestAnimationFrame', cancel: 'cancelAnimationFrame' },
  { start: 'requestIdleCallback', cancel: 'cancelIdleCallback' },
];
export const NODE_ONE_SHOT_TIMERS: readonly OneShotTimer[] = [
  { start: 'setTimeout', cancel: 'clearTimeout' },
  { start: 'setImmediate', cancel: 'clearImmediate' },
];

/** Node's `timer.unref()`, `ref()`, `hasRef()`, `refresh()`: they change whether the process waits, not who holds the timer. */
const NEUTRAL_TIMER_METHODS: ReadonlySet<string> = new Set(['ref', 'unref', 'hasRef', 'refresh']);

/** A library's (declaration file's) `ref`/`unref`/`hasRef`/`refresh`: neither keeps nor ends what it is called on. */
export function isNeutralTimerMethod(name: string, declaration: Node | undefined): boolean {
  return NEUTRAL_TIMER_METHODS.has(name) && declaration !== undefined && declaration.getSourceFile().isDeclarationFile();
}
