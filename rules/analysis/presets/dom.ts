// The `dom` emitter model: EventTarget (`window`, `document`, elements, sockets, workers) and the
// platform's other live resources (observers, media queries).
// `addEventListener` returns nothing: the connection ends with `removeEventListener(type, sameFn)`,
// `{ once: true }` after the first event, or `{ signal }` when its AbortController aborts.
import { ABORT_CONTROLLER } from './abort-controller.js';
import { Node, type CallExpression, type Expression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite } from '../emitter-model.js';
import { isFreshFunction } from './listener-identity.js';
import { methodCallOn } from './method-calls.js';
import { typeOfExpression } from '../type-queries.js';
import { matchScheduler } from './schedulers.js';
import { createsTimer, DOM_ONE_SHOT_TIMERS, matchTimerEnd, matchTimerStart, REPEATING_TIMER_PAIRS, timerReleaseCall, timerStartNames } from './timers.js';
import { WEB_LIFECYCLE_PAIRS } from './lifecycle.js';

/**
 * Live resources versus inert emitters: a live resource keeps running (and keeps its listeners and
 * what they capture) until it is ended, so dropping one connected is a leak; a dropped element or
 * plain EventTarget with listeners is garbage. One row per type: how it starts working beyond
 * `addEventListener` (`observe`), what ends all of it, what ends one part (`unobserve(target)`).
 */
interface LiveResource {
  /** Methods that make it work and keep it alive (an observer's `observe`), besides listeners. */
  readonly start?: readonly string[];
  /** Methods that end it and everything connected to it. */
  readonly end: readonly string[];
  /** Methods that end what one `start` call began (`unobserve(target)`). */
  readonly endOne?: readonly string[];
}
export const LIVE_RESOURCES: ReadonlyMap<string, LiveResource> = new Map<string, LiveResource>([
  ['WebSocket', { end: ['close'] }],
  ['EventSource', { end: ['close'] }],
  ['Worker', { end: ['terminate'] }],
  ['SharedWorker', { end: [] }],
  ['BroadcastChannel', { end: ['close'] }],
  ['MessagePort', { end: ['close'] }],
  ['RTCPeerConnection', { end: ['close'] }],
  ['RTCDataChannel', { end: ['close'] }],
  // matchMedia(…): the browser keeps a MediaQueryList with listeners and notifies it on every change.
  ['MediaQueryList', { end: [] }],
  // Observers: `observe` registers the observer with its target (or the performance timeline), which keeps it.
  ['ResizeObserver', { start: ['observe'], end: ['disconnect'], endOne: ['unobserve'] }],
  ['IntersectionObserver', { start: ['observe'], end: ['disconnect'], endOne: ['unobserve'] }],
  ['MutationObserver', { start: ['observe'], end: ['disconnect'] }],
  ['PerformanceObserver', { start: ['observe'], end: ['disconnect'] }],
]);

/** A node's ancestors in the (composed) tree: the document keeps them, and they outlive the node. */
const ANCESTOR_MEMBERS: readonly string[] = ['parentNode', 'parentElement', 'assignedSlot', 'offsetParent', 'ownerDocument'];

/** Methods of the window (or the global scope) that return a fresh live resource. */
const LIVE_FACTORIES: ReadonlySet<string> = new Set(['matchMedia']);

/** The observed event name of a `start` method: what the messages list as connected. */
const START_SIGNAL = 'observe';

function liveResourceOf(type: Type): LiveResource | undefined {
  const name = type.getSymbol()?.getName();
  return name === undefined ? undefined : LIVE_RESOURCES.get(name);
}

const STARTS = new Set([...LIVE_RESOURCES.values()].flatMap((resource) => resource.start ?? []));
const ENDS_ALL = new Set([...LIVE_RESOURCES.values()].flatMap((resource) => resource.end));
const ENDS_ONE = new Set([...LIVE_RESOURCES.values()].flatMap((resource) => resource.endOne ?? []));

/** The page's own objects: what is reached from them lives as long as the page. */
const GLOBAL_ROOTS: ReadonlySet<string> = new Set(['document', 'window', 'globalThis', 'self']);

/** `document.body`, `window.document.querySelector(…)!`: rooted at a global of the platform (not a project variable). */
function isGlobalRooted(expression: Node): boolean {
  let current: Node = expression;
  for (;;) {
    if (Node.isNonNullExpression(current) || Node.isParenthesizedExpression(current) || Node.isAsExpression(current)) current = current.getExpression();
    else if (Node.isPropertyAccessExpression(current) || Node.isElementAccessExpression(current) || Node.isCallExpression(current)) current = current.getExpression();
    else break;
  }
  if (!Node.isIdentifier(current) || !GLOBAL_ROOTS.has(current.getText())) return false;
  const declarations = current.getSymbol()?.getDeclarations() ?? [];
  return declarations.length > 0 && declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile());
}

/** Observers that the page keeps from `observe` on, whatever the argument (the performance timeline). */
const TIMELINE_OBSERVERS: ReadonlySet<string> = new Set(['PerformanceObserver']);

/**
 * An observer is kept alive by what it observes: a PerformanceObserver by the page's performance
 * timeline (always), the others by their targets. Only a target the page keeps (rooted at
 * `document`/`window`) makes a dropped observer a leak; one observing an element of its own lives and
 * dies with that element, and one observing a parameter cannot be judged here: both are not counted.
 */
function keepsObserverAlive(call: CallExpression, observer: Expression): { end: string } | undefined {
  const [target] = call.getArguments();
  const name = typeOfExpression(observer)?.getSymbol()?.getName();
  const end = (name === undefined ? undefined : LIVE_RESOURCES.get(name)?.end[0]) ?? 'disconnect';
  if (target === undefined || Node.isObjectLiteralExpression(target)) return { end }; // PerformanceObserver.observe({ entryTypes })
  return (name !== undefined && TIMELINE_OBSERVERS.has(name)) || isGlobalRooted(target) ? { end } : undefined;
}

export function isEventTargetType(type: Type): boolean {
  if (type.isAny() || type.isUnknown()) return false;
  return type.getProperty('addEventListener') !== undefined && type.getProperty('removeEventListener') !== undefined;
}

const isObserverType = (type: Type): boolean => liveResourceOf(type)?.start !== undefined;

const CONNECT = new Set(['addEventListener']);
/** Ends on any EventTarget: closing a socket, a channel or a port, terminating a worker. */
const END = new Set(['removeEventListener', 'close', 'terminate']);

function eventName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) return argument.getLiteralValue();
  return argument.getText();
}
/**
 * The platform tells listeners apart by function *and* capture flag: `removeEventListener(type, fn)`
 * does not remove `addEventListener(type, fn, true)`. The flag joins the event name, so that the
 * core's name comparison matches only the same pair. Read from a literal (`true`, `{ capture: true }`)
 * or, for a variable, from its literal type; anything else counts as `false`, the platform default.
 */
function isCapture(options: Node | undefined): boolean {
  if (options === undefined) return false;
  const inner = Node.isParenthesizedExpression(options) ? options.getExpression() : options;
  if (Node.isTrueLiteral(inner)) return true;
  if (Node.isObjectLiteralExpression(inner)) {
    const capture = inner.getProperty('capture');
    return capture !== undefined && Node.isPropertyAssignment(capture) && capture.getInitializer()?.getText() === 'true';
  }
  const type = inner.getType();
  if (type.isBooleanLiteral()) return type.getText() === 'true';
  return type.getProperty('capture')?.getTypeAtLocation(inner).getText() === 'true';
}

/** The event name as the core compares it: with ` (capture)` for a capturing listener. */
function listenerKey(type: Node | undefined, options: Node | undefined): string | undefined {
  const name = eventName(type);
  return name === undefined ? undefined : isCapture(options) ? `${name} (capture)` : name;
}

/** `{ once: true }` and `{ signal }` in the options argument. */
function listenerOptions(options: Node | undefined): { once: boolean; abortSignal?: Expression } {
  if (options === undefined || !Node.isObjectLiteralExpression(options)) return { once: false };
  let once = false;
  let abortSignal: Expression | undefined;
  for (const property of options.getProperties()) {
    if (Node.isPropertyAssignment(property) && property.getName() === 'once') once = property.getInitializer()?.getText() === 'true';
    if (Node.isPropertyAssignment(property) && property.getName() === 'signal') abortSignal = property.getInitializer();
    if (Node.isShorthandPropertyAssignment(property) && property.getName() === 'signal') abortSignal = property.getNameNode();
  }
  return abortSignal === undefined ? { once } : { once, abortSignal };
}

export const domModel: EmitterModel = {
  name: 'dom',
  matchScheduler,
  connectMethodNames: ['addEventListener', ...STARTS, ...timerStartNames],
  releaseCall: timerReleaseCall,
  oneShotTimers: DOM_ONE_SHOT_TIMERS,
  repeatingTimers: REPEATING_TIMER_PAIRS,
  fixHint:
    'Keep the listener in a field and removeEventListener(type, listener) it when the subscriber is done, or pass `{ signal }` from an AbortController that is aborted then.',

  isEmitterType(type: Type): boolean {
    return liveResourceOf(type) !== undefined && (isEventTargetType(type) || isObserverType(type));
  },

  createsEmitter(node): boolean {
    if (createsTimer(node)) return true;
    if (!Node.isCallExpression(node)) return false;
    const callee = node.getExpression();
    const name = Node.isIdentifier(callee) ? callee.getText() : Node.isPropertyAccessExpression(callee) ? callee.getName() : undefined;
    return name !== undefined && LIVE_FACTORIES.has(name) && liveResourceOf(node.getType()) !== undefined;
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const timer = matchTimerStart(call);
    if (timer !== undefined) return timer;
    const started = methodCallOn(call, STARTS, isObserverType);
    if (started !== undefined) {
      const keptByPage = keepsObserverAlive(call, started.object);
      return keptByPage === undefined ? undefined : { emitter: started.object, signal: START_SIGNAL, handle: 'none', keptByPage };
    }
    const method = methodCallOn(call, CONNECT, isEventTargetType);
    if (method === undefined) return undefined;
    const [type, listener, options] = call.getArguments();
    const signal = listenerKey(type, options);
    if (signal === undefined || listener === undefined) return undefined;
    return { emitter: method.object, signal, slot: listener as Expression, handle: 'none', ...listenerOptions(options) };
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const timer = matchTimerEnd(call);
    if (timer !== undefined) return timer;
    const observer = methodCallOn(call, new Set([...ENDS_ALL, ...ENDS_ONE]), isObserverType);
    if (observer !== undefined) {
      return ENDS_ONE.has(observer.name) ? { kind: 'disconnect-signal', emitter: observer.object, signal: START_SIGNAL } : { kind: 'dispose', emitter: observer.object };
    }
    const method = methodCallOn(call, END, isEventTargetType);
    if (method === undefined) return undefined;
    if (method.name === 'removeEventListener') {
      const [type, listener, options] = call.getArguments();
      if (isFreshFunction(listener)) return undefined; // removes nothing: a new function was never added
      const signal = listenerKey(type, options);
      return signal === undefined ? undefined : { kind: 'disconnect-signal', emitter: method.object, signal };
    }
    return { kind: 'dispose', emitter: method.object };
  },

  matchOwnership() {
    return [];
  },
  abortApi: ABORT_CONTROLLER,
  ancestorMembers: ANCESTOR_MEMBERS,
  lifecyclePairs: WEB_LIFECYCLE_PAIRS,
};
