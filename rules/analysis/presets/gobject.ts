// The `gobject` emitter model (GJS, GNOME Shell extensions). `obj.connect('signal', cb)` and
// `connect_after` return a numeric handler id that must be `obj.disconnect(id)`-ed, usually in
// `disable()` or `destroy()`; GNOME Shell's `connectObject('a', cbA, 'b', cbB, owner)` ties the
// connections to `owner`, ended by `disconnectObject(owner)` or when `owner` is destroyed.
//
// Many TypeScript projects declare the `gi://` modules as `any`: there no type tells a GObject
// apart, so a connection is recognised by its shape (a string-literal signal name and a callback).
import { Node, type CallExpression, type Expression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite } from '../emitter-model.js';
import { typeOfExpression } from '../type-queries.js';
import { methodCallOn } from './method-calls.js';
import { matchScheduler } from './schedulers.js';

const CONNECT = new Set(['connect', 'connect_after']);

/** A typed GObject (e.g. from @girs): `connect(name: string, cb): number` and `disconnect(id)`. */
function isGObjectType(type: Type): boolean {
  return type.getProperty('connect') !== undefined && type.getProperty('disconnect') !== undefined && type.getProperty('emit') !== undefined;
}

/** The receiver is `any` (untyped `gi://` imports, GNOME Shell's `global`) or a typed GObject. */
function isGObjectReceiver(type: Type): boolean {
  return type.isAny() || isGObjectType(type);
}

const CONNECT_ALL = new Set([...CONNECT, 'connectObject']);
const END = new Set(['disconnect', 'disconnectObject', 'destroy', 'run_dispose']);

function signalName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  return Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument) ? argument.getLiteralValue() : undefined;
}

function isCallback(argument: Node | undefined): argument is Expression {
  if (argument === undefined || Node.isStringLiteral(argument) || Node.isNumericLiteral(argument) || Node.isObjectLiteralExpression(argument)) return false;
  const type = typeOfExpression(argument);
  return type === undefined || type.isAny() || type.getCallSignatures().length > 0;
}

export const gobjectModel: EmitterModel = {
  name: 'gobject',
  matchScheduler,
  connectMethodNames: ['connect', 'connect_after', 'connectObject'],
  fixHint:
    'Keep the handler id (e.g. in `this._handlerIds`) and `disconnect(id)` it in `disable()`/`destroy()`, or use `connectObject(…, this)` with `disconnectObject(this)`.',

  isEmitterType(type: Type): boolean {
    // Actors and widgets: dropping one with live handlers without destroy() leaks it.
    return isGObjectType(type) && type.getProperty('destroy') !== undefined;
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const method = methodCallOn(call, CONNECT_ALL, isGObjectReceiver);
    if (method === undefined) return undefined;
    const args = call.getArguments();
    const signal = signalName(args[0]);
    if (signal === undefined || !isCallback(args[1])) return undefined;
    if (CONNECT.has(method.name)) return { emitter: method.object, signal, slot: args[1], handle: 'id' };
    const last = args.at(-1);
    // connectObject('sig', cb, …, [flags,] owner): the trailing object is what the connections are tied to.
    const site: ConnectSite = { emitter: method.object, signal, slot: args[1], handle: 'none' };
    if (args.length > 2 && last !== undefined && signalName(last) === undefined && !Node.isArrowFunction(last) && !Node.isFunctionExpression(last)) {
      site.tiedTo = last as Expression;
    }
    return site;
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const method = methodCallOn(call, END, isGObjectReceiver);
    if (method === undefined) return undefined;
    const [first] = call.getArguments();
    if ((method.name === 'disconnect' || method.name === 'disconnectObject') && first !== undefined) {
      return { kind: 'disconnect-handle', handle: first as Expression };
    }
    if (method.name === 'destroy' || method.name === 'run_dispose') return { kind: 'dispose', emitter: method.object };
    return undefined;
  },

  matchOwnership() {
    return [];
  },
};
