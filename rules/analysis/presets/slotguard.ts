// The `slotguard` emitter model: `Signal` fields on objects, `SignalObject` (the QObject analog),
// `Connection` handles. Types are recognised by shape and name, not by file, so the published
// runtime, a type stub and a user's own subclass all match.
import { Node, type CallExpression, type Expression, type NewExpression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite, ModelEnv, OwnershipSite } from '../emitter-model.js';
import { declarationsOf, isFromDefaultLibrary, propertyName, skipOuterExpressions as unwrap, typeOfExpression } from '../type-queries.js';

const signalTypes = new WeakMap<object, boolean>();
const signalObjectTypes = new WeakMap<object, boolean>();
const signalMemberTypes = new WeakMap<object, boolean>();

function hasMembers(type: Type, names: readonly string[]): boolean {
  return names.every((name) => type.getProperty(name) !== undefined);
}

/** `Signal<…>` of the runtime: a type named Signal (or extending one) with connect, disconnect and emit. */
export function isSignalType(type: Type): boolean {
  const key = type.compilerType;
  const known = signalTypes.get(key);
  if (known !== undefined) return known;
  signalTypes.set(key, false); // cycle guard
  const result = classChainHasName(type, 'Signal') && hasMembers(type, ['connect', 'disconnect', 'emit']);
  signalTypes.set(key, result);
  return result;
}

/** A `Connection` handle: named Connection, with disconnect() and connected. */
export function isConnectionType(type: Type): boolean {
  return classChainHasName(type, 'Connection') && hasMembers(type, ['disconnect', 'connected']);
}

export function classChainHasName(type: Type, name: string, depth = 0): boolean {
  if (depth > 12) return false;
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  if (symbol?.getName() === name) return true;
  if (!type.isClassOrInterface() && !type.isObject()) return false;
  let bases: Type[];
  try {
    bases = type.getBaseTypes();
  } catch {
    return false; // not a class or interface type: no bases to follow
  }
  return bases.some((base) => classChainHasName(base, name, depth + 1));
}

/** `SignalObject` or a subclass: named SignalObject somewhere up its chain, disposable. */
export function isSignalObjectType(type: Type): boolean {
  const key = type.compilerType;
  const known = signalObjectTypes.get(key);
  if (known !== undefined) return known;
  const result = classChainHasName(type, 'SignalObject') && type.getProperty('dispose') !== undefined;
  signalObjectTypes.set(key, result);
  return result;
}

/** Any object type with a `Signal` member (field or getter). */
function hasSignalMember(type: Type, site: Node | undefined): boolean {
  const key = type.compilerType;
  const known = signalMemberTypes.get(key);
  if (known !== undefined) return known;
  signalMemberTypes.set(key, false); // cycle guard: a Signal member whose type refers back
  let result = false;
  if (type.isObject() && !isFromDefaultLibrary(type) && !type.isArray() && !type.isTuple() && type.getCallSignatures().length === 0) {
    for (const property of type.getProperties()) {
      const declaration = property.getValueDeclaration() ?? property.getDeclarations()[0];
      const at = declaration ?? site;
      if (at === undefined) continue;
      const propertyType = property.getTypeAtLocation(at);
      if (isSignalType(propertyType)) {
        result = true;
        break;
      }
    }
  }
  signalMemberTypes.set(key, result);
  return result;
}

function isFunctionLike(type: Type): boolean {
  return type.getCallSignatures().length > 0;
}

/** `E.sig` or `E['sig']` where the whole expression is a Signal: returns E and the signal's name. */
function signalOwner(expression: Node): { emitter: Expression; signal: string } | undefined {
  const target = unwrap(expression);
  if (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) {
    const type = typeOfExpression(target)?.getNonNullableType();
    if (type === undefined || !isSignalType(type)) return undefined;
    const name = propertyName(target);
    if (name === undefined) return undefined;
    return { emitter: target.getExpression(), signal: name };
  }
  return undefined;
}

/** `X.method(…)` / `X?.method(…)`: the callee's object and method name. */
export function methodCall(call: CallExpression): { object: Expression; name: string } | undefined {
  const callee = unwrap(call.getExpression());
  if (Node.isPropertyAccessExpression(callee)) return { object: callee.getExpression(), name: callee.getName() };
  if (Node.isElementAccessExpression(callee)) {
    const name = propertyName(callee);
    if (name !== undefined) return { object: callee.getExpression(), name };
  }
  return undefined;
}

const neutralSignalObjectMembers = new Set([
  'blockSignals',
  'signalsBlocked',
  'objectName',
  'parent',
  'children',
  'isDisposed',
  'destroyed',
]);

export const slotguardModel: EmitterModel = {
  name: 'slotguard',
  connectMethodNames: ['connect'],

  isEmitterType(type: Type): boolean {
    return isSignalObjectType(type) || hasSignalMember(type, undefined);
  },

  matchConnect(call: CallExpression): ConnectSite | undefined {
    const method = methodCall(call);
    if (method?.name !== 'connect') return undefined;
    const owner = signalOwner(method.object);
    if (owner === undefined) return undefined;
    const [first, second] = call.getArguments();
    if (first === undefined) return undefined;
    const firstType = typeOfExpression(first);
    if (firstType === undefined) return undefined;
    const site: ConnectSite = { emitter: owner.emitter, signal: owner.signal, handle: 'connection' };
    if (isFunctionLike(firstType) || isSignalType(firstType)) {
      site.slot = first as Expression;
    } else {
      site.receiver = first as Expression;
      if (second !== undefined) site.slot = second as Expression;
    }
    return site;
  },

  matchEnd(call: CallExpression): EndSite | undefined {
    const method = methodCall(call);
    if (method === undefined) return undefined;
    if (method.name === 'dispose' || method.name === '__@dispose' || isSymbolDispose(call)) {
      return { kind: 'dispose', emitter: method.object };
    }
    if (method.name !== 'disconnect') return undefined;
    const owner = signalOwner(method.object);
    if (owner !== undefined) return { kind: 'disconnect-signal', emitter: owner.emitter, signal: owner.signal };
    const handleType = typeOfExpression(method.object)?.getNonNullableType();
    if (handleType !== undefined && isConnectionType(handleType)) return { kind: 'disconnect-handle', handle: method.object };
    return undefined;
  },

  matchOwnership(node: CallExpression | NewExpression, env: ModelEnv): OwnershipSite[] {
    if (Node.isNewExpression(node)) return constructorParents(node, env);
    const method = methodCall(node);
    if (method === undefined) return [];
    const [first] = node.getArguments();
    if (method.name === 'setParent' && first !== undefined && !Node.isNullLiteral(unwrap(first))) {
      const objectType = typeOfExpression(method.object);
      if (objectType !== undefined && env.isEmitterType(objectType)) return [{ owned: method.object, owner: first as Expression }];
    }
    if (method.name === 'track' && first !== undefined) {
      const ownerType = typeOfExpression(method.object);
      if (ownerType !== undefined && env.isEmitterType(ownerType)) return [{ owned: first as Expression, owner: method.object }];
    }
    return [];
  },

  isNeutralMethod(name: string, declaration: Node | undefined): boolean {
    if (!neutralSignalObjectMembers.has(name) || declaration === undefined) return false;
    const owner = declaration.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isInterfaceDeclaration(ancestor));
    const ownerName = owner !== undefined && (Node.isClassDeclaration(owner) || Node.isInterfaceDeclaration(owner)) ? owner.getName() : undefined;
    return ownerName === 'SignalObject';
  },
};

function isSymbolDispose(call: CallExpression): boolean {
  const callee = unwrap(call.getExpression());
  if (!Node.isElementAccessExpression(callee)) return false;
  const argument = callee.getArgumentExpression();
  return argument !== undefined && argument.getText().replace(/\s/g, '') === 'Symbol.dispose';
}

/**
 * A parent passed to the constructor: an emitter-typed argument whose parameter is called
 * parent/owner or is typed `SignalObject`. Without a resolvable constructor, any emitter argument
 * counts (precision over recall).
 */
function constructorParents(node: NewExpression, env: ModelEnv): OwnershipSite[] {
  const args = node.getArguments();
  if (args.length === 0) return [];
  const parameters = constructorParameters(node);
  const sites: OwnershipSite[] = [];
  args.forEach((argument, index) => {
    if (Node.isNullLiteral(argument) || argument.getText() === 'undefined') return;
    const type = typeOfExpression(argument);
    if (type === undefined || !env.isEmitterType(type)) return;
    const parameter = parameters?.[Math.min(index, parameters.length - 1)];
    if (parameter === undefined) {
      sites.push({ owned: node, owner: argument as Expression });
      return;
    }
    const named = /parent|owner/i.test(parameter.name);
    if (named || parameter.typeIsSignalObject) sites.push({ owned: node, owner: argument as Expression });
  });
  return sites;
}

function constructorParameters(node: NewExpression): { name: string; typeIsSignalObject: boolean }[] | undefined {
  const declaration = declarationsOf(node.getExpression()).find((candidate) => Node.isClassDeclaration(candidate));
  if (declaration === undefined || !Node.isClassDeclaration(declaration)) return undefined;
  let current: Node | undefined = declaration;
  for (let depth = 0; current !== undefined && Node.isClassDeclaration(current) && depth < 8; depth++) {
    const constructor = current.getConstructors()[0];
    if (constructor !== undefined) {
      return constructor.getParameters().map((parameter) => {
        const type = parameter.getType().getNonNullableType();
        const parts = type.isUnion() ? type.getUnionTypes() : [type];
        return {
          name: parameter.getName(),
          typeIsSignalObject: parts.some((part) => (part.getSymbol()?.getName() ?? '') === 'SignalObject'),
        };
      });
    }
    current = current.getBaseClass();
  }
  return undefined;
}
