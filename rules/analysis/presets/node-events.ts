// The `node-events` emitter model: Node's EventEmitter (and look-alikes such as eventemitter3 and
// tseep). `on`/`addListener`/`once`/`prepend…Listener` connect and return the emitter itself, so a
// connection has no handle: it ends with `off`/`removeListener(event, sameListener)`,
// `removeAllListeners`, or by closing the resource.
import { ABORT_CONTROLLER } from './abort-controller.js';
import { Node, type CallExpression, type Expression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite, OwnershipSite } from '../emitter-model.js';
import { typeOfExpression } from '../type-queries.js';
import { isFreshFunction } from './listener-identity.js';
import { methodCallOn } from './method-calls.js';
import { typeChainHasName } from './type-names.js';
import { matchScheduler } from './schedulers.js';
import { createsTimer, isNeutralTimerMethod, NODE_ONE_SHOT_TIMERS, matchTimerEnd, matchTimerStart, REPEATING_TIMER_PAIRS, timerReleaseCall, timerStartNames } from './timers.js';
import { moduleFunctionOf } from './module-functions.js';
import { COMMON_LIFECYCLE_PAIRS } from './lifecycle.js';

const CONNECT = new Set(['on', 'addListener', 'once', 'prependListener', 'prependOnceListener']);
const ONCE = new Set(['once', 'prependOnceListener']);
const DISCONNECT = new Set(['off', 'removeListener']);
/** Constructor options that attach the new resource to another one that keeps it (ws's `new WebSocketServer({ server })`). */
const ATTACH_OPTIONS: ReadonlySet<string> = new Set(['server']);
/** Methods that stop a live resource (a socket, a watcher, a child process) and all its events. */
const CLOSE = new Set(['close', 'destroy', 'kill', 'terminate', 'stop']);

/**
 * Node's factories of live resources, by module: what they return runs (watches, listens, holds a
 * socket or a child process) until it is closed, whether it came from `new` or from one of these.
 * A factory result is fresh: the caller owns it, and dropping it connected is a leak.
 */
const LIVE_FACTORIES: ReadonlyMap<string, ReadonlySet<string>> = new Map([
  ['fs', new Set(['watch'])],
  ['child_process', new Set(['spawn', 'fork', 'exec', 'execFile'])],
  ['http', new Set(['createServer'])],
  ['https', new Set(['createServer'])],
  ['http2', new Set(['createServer', 'createSecureServer', 'connect'])],
  ['net', new Set(['createServer', 'connect', 'createConnection'])],
  ['tls', new Set(['createServer', 'connect'])],
  ['dgram', new Set(['createSocket'])],
  ['readline', new Set(['createInterface'])],
  ['cluster', new Set(['fork'])],
]);

/** Assignable to Node's EventEmitter, by name up the class chain or by its core members. */
function isNodeEmitterType(type: Type): boolean {
  if (type.isAny() || type.isUnknown()) return false;
  const has = (name: string): boolean => type.getProperty(name) !== undefined;
  if (!has('on') || !has('emit')) return false;
  return typeChainHasName(type, 'EventEmitter') || (has('removeListener') && has('listenerCount'));
}

/** Does every call signature of member `name` take an event and a listener function (`(event, listener) => …`)? */
function takesEventAndListener(type: Type, name: string, node: Node): boolean {
  const member = type.getProperty(name);
  if (member === undefined) return false;
  const signatures = member.getTypeAtLocation(node).getCallSignatures();
  return (
    signatures.length > 0 &&
    signatures.every((signature) => {
      const listener = signature.getParameters()[1];
      return listener !== undefined && listener.getTypeAtLocation(node).getCallSignatures().length > 0;
    })
  );
}

/**
 * The EventEmitter contract written as an interface of the program, without `emit`: a client
 * adapter's `{ on; off; removeListener }`, a child process's `Receiver { on; off }`. Subscribing
 * and unsubscribing are what make it an emitter to its subscribers.
 */
const contractAnswers = new WeakMap<object, boolean>();
function isListenerInterface(type: Type, node: Node): boolean {
  const known = contractAnswers.get(type.compilerType);
  if (known !== undefined) return known;
  const answer = declaresContract(type, node);
  contractAnswers.set(type.compilerType, answer);
  return answer;
}

function declaresContract(type: Type, node: Node): boolean {
  if (type.isAny() || type.isUnknown() || !type.isObject()) return false;
  const removal = [...DISCONNECT].find((name) => type.getProperty(name) !== undefined);
  return removal !== undefined && takesEventAndListener(type, 'on', node) && takesEventAndListener(type, removal, node);
}

/** Per checker type: the answers are the same at every call on it. */
const emitterAnswers = new WeakMap<object, boolean>();

/** Node's EventEmitter, or its contract (`on` with `off`/`removeListener`) declared by the program. */
export function isEventEmitterType(type: Type, node?: Node): boolean {
  const known = emitterAnswers.get(type.compilerType);
  if (known !== undefined) return known || (node !== undefined && isListenerInterface(type, node));
  const answer = isNodeEmitterType(type);
  emitterAnswers.set(type.compilerType, answer);
  return answer || (node !== undefined && isListenerInterface(type, node));
}

/** A live resource: dropping it connected keeps it running (a watcher, a socket), unlike a plain emitter. */
function isLiveResource(type: Type): boolean {
  return isNodeEmitterType(type) && [...CLOSE].some((name) => type.getProperty(name) !== undefined);
}

function eventName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) return argument.getLiteralValue();
  return argument.getText();
}

const END = new Set([...DISCONNECT, ...CLOSE, 'removeAllListeners']);

export const nodeEventsModel: EmitterModel = {
  name: 'node-events',
  matchScheduler,
  connectMethodNames: [...CONNECT, ...timerStartNames],
  releaseCall: timerReleaseCall,
  oneShotTimers: NODE_ONE_SHOT_TIMERS,
  repeatingTimers: REPEATING_TIMER_PAIRS,
  isNeutralMethod: isNeutralTimerMethod,
  fixHint: 'Keep the listener in a field and remove it with `off(event, listener)` when the subscriber is done (an inline function can never be removed).',

  isEmitterType(type: Type): boolean {
    return isLiveResource(type);
  },

  createsEmitter(node, env): boolean {
    if (createsTimer(node)) return true;
    if (!Node.isCallExpression(node)) return false;
    const fn = moduleFunctionOf(node, env.checker);
    return fn !== undefined && LIVE_FACTORIES.get(fn.module)?.has(fn.name) === true;
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const timer = matchTimerStart(call);
    if (timer !== undefined) return timer;
    const method = methodCallOn(call, CONNECT, (type) => isEventEmitterType(type, call));
    if (method === undefined) return undefined;
    const [event, listener] = call.getArguments();
    const signal = eventName(event);
    if (signal === undefined || listener === undefined) return undefined;
    return { emitter: method.object, signal, slot: listener as Expression, handle: 'none', once: ONCE.has(method.name) };
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const timer = matchTimerEnd(call);
    if (timer !== undefined) return timer;
    const method = methodCallOn(call, END, (type) => isEventEmitterType(type, call));
    if (method === undefined) return undefined;
    const emitter = method.object;
    const [event, listener] = call.getArguments();
    if (DISCONNECT.has(method.name) && isFreshFunction(listener)) return undefined; // removes nothing: a new function was never added
    if (DISCONNECT.has(method.name) || (method.name === 'removeAllListeners' && event !== undefined)) {
      const signal = eventName(event);
      return signal === undefined ? undefined : { kind: 'disconnect-signal', emitter, signal };
    }
    if (method.name === 'removeAllListeners' || CLOSE.has(method.name)) return { kind: 'dispose', emitter };
    return undefined;
  },

  matchOwnership(node, env): OwnershipSite[] {
    if (!Node.isNewExpression(node)) return [];
    const [options] = node.getArguments();
    if (options === undefined || !Node.isObjectLiteralExpression(options)) return [];
    // `new WebSocketServer({ server })`: attached to the HTTP server, which keeps it and closes it with itself.
    const sites = options.getProperties().flatMap((property): OwnershipSite[] => {
      if (Node.isShorthandPropertyAssignment(property) && ATTACH_OPTIONS.has(property.getName())) return [{ owned: node, owner: property.getNameNode() }];
      const value = Node.isPropertyAssignment(property) && ATTACH_OPTIONS.has(property.getName()) ? property.getInitializer() : undefined;
      return value === undefined ? [] : [{ owned: node, owner: value }];
    });
    if (sites.length === 0) return [];
    const type = typeOfExpression(node);
    return type !== undefined && env.isEmitterType(type) ? sites : [];
  },
  abortApi: ABORT_CONTROLLER,
  lifecyclePairs: COMMON_LIFECYCLE_PAIRS,
};
