// The `dom` emitter model: EventTarget (`window`, `document`, elements, sockets, workers).
// `addEventListener` returns nothing: the connection ends with `removeEventListener(type, sameFn)`,
// `{ once: true }` after the first event, or `{ signal }` when its AbortController aborts.
import { Node, type CallExpression, type Expression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite } from '../emitter-model.js';
import { isFreshFunction } from './listener-identity.js';
import { methodCallOn } from './method-calls.js';
import { matchScheduler } from './schedulers.js';
import { WEB_LIFECYCLE_PAIRS } from './lifecycle.js';

/**
 * EventTargets that stay alive on their own while connected (an open socket, a running worker):
 * dropping one connected is a leak. A dropped element or plain target is just garbage.
 */
const LIVE_TARGETS = new Set(['WebSocket', 'EventSource', 'Worker', 'SharedWorker', 'BroadcastChannel', 'RTCPeerConnection', 'RTCDataChannel']);
const CLOSE = new Set(['close', 'terminate']);

export function isEventTargetType(type: Type): boolean {
  if (type.isAny() || type.isUnknown()) return false;
  return type.getProperty('addEventListener') !== undefined && type.getProperty('removeEventListener') !== undefined;
}

const CONNECT = new Set(['addEventListener']);
const END = new Set(['removeEventListener', ...CLOSE]);

function eventName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  if (Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument)) return argument.getLiteralValue();
  return argument.getText();
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
  connectMethodNames: ['addEventListener'],
  fixHint:
    'Keep the listener in a field and removeEventListener(type, listener) it when the subscriber is done, or pass `{ signal }` from an AbortController that is aborted then.',

  isEmitterType(type: Type): boolean {
    const name = type.getSymbol()?.getName();
    return name !== undefined && LIVE_TARGETS.has(name) && isEventTargetType(type);
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const method = methodCallOn(call, CONNECT, isEventTargetType);
    if (method === undefined) return undefined;
    const [type, listener, options] = call.getArguments();
    const signal = eventName(type);
    if (signal === undefined || listener === undefined) return undefined;
    return { emitter: method.object, signal, slot: listener as Expression, handle: 'none', ...listenerOptions(options) };
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const method = methodCallOn(call, END, isEventTargetType);
    if (method === undefined) return undefined;
    if (method.name === 'removeEventListener') {
      const [type, listener] = call.getArguments();
      if (isFreshFunction(listener)) return undefined; // removes nothing: a new function was never added
      const signal = eventName(type);
      return signal === undefined ? undefined : { kind: 'disconnect-signal', emitter: method.object, signal };
    }
    return CLOSE.has(method.name) ? { kind: 'dispose', emitter: method.object } : undefined;
  },

  matchOwnership() {
    return [];
  },
  lifecyclePairs: WEB_LIFECYCLE_PAIRS,
};
