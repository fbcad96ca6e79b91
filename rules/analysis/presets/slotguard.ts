// The `slotguard` emitter model: `Signal` fields on objects, `SignalObject` (the QObject analog),
// `Connection` handles. Types are recognised by shape and name, not by file, so the published
// runtime, a type stub and a user's own subclass all match.
import { ABORT_CONTROLLER } from './abort-controller.js';
import { Node, ts, type CallExpression, type ClassDeclaration, type Expression, type NewExpression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite, ModelEnv, OwnershipSite } from '../emitter-model.js';
import { declarationsOf, propertyName, skipOuterExpressions as unwrap, typeOfExpression } from '../type-queries.js';
import { matchScheduler } from './schedulers.js';
import { COMMON_LIFECYCLE_PAIRS } from './lifecycle.js';
import { compilerSymbolOf } from '../wrap-node.js';

// Recognition runs on the compiler's types and checker (no ts-morph wrappers): it is asked for
// every candidate type, and memoized per type object (types are per checker, so per program).
const signalTypes = new WeakMap<ts.Type, boolean>();
const signalObjectTypes = new WeakMap<ts.Type, boolean>();
const signalMemberTypes = new WeakMap<ts.Type, boolean>();

function hasMembers(checker: ts.TypeChecker, type: ts.Type, names: readonly string[]): boolean {
  return names.every((name) => checker.getPropertyOfType(type, name) !== undefined);
}

/** The class or interface a type is an instance of (`Signal<[number]>` → `Signal<Args>`). */
function declaredTarget(type: ts.Type): ts.Type {
  if ((type.flags & ts.TypeFlags.Object) !== 0 && ((type as ts.ObjectType).objectFlags & ts.ObjectFlags.Reference) !== 0) {
    return (type as ts.TypeReference).target;
  }
  return type;
}

function classChainHasName(checker: ts.TypeChecker, type: ts.Type, name: string, depth = 0): boolean {
  if (depth > 12) return false;
  const symbol = type.getSymbol() ?? type.aliasSymbol;
  if (symbol?.getName() === name) return true;
  const target = declaredTarget(type);
  if (!target.isClassOrInterface()) return false;
  return checker.getBaseTypes(target).some((base) => classChainHasName(checker, base, name, depth + 1));
}

function rawIsSignal(checker: ts.TypeChecker, type: ts.Type): boolean {
  const known = signalTypes.get(type);
  if (known !== undefined) return known;
  signalTypes.set(type, false); // cycle guard
  const result = classChainHasName(checker, type, 'Signal') && hasMembers(checker, type, ['connect', 'disconnect', 'emit']);
  signalTypes.set(type, result);
  return result;
}

/** `Signal<…>` of the runtime: a type named Signal (or extending one) with connect, disconnect and emit. */
export function isSignalType(type: Type, env: ModelEnv): boolean {
  return rawIsSignal(env.checker, type.compilerType);
}

/** A `Connection` handle: named Connection, with disconnect() and connected. */
export function isConnectionType(type: Type, env: ModelEnv): boolean {
  return classChainHasName(env.checker, type.compilerType, 'Connection') && hasMembers(env.checker, type.compilerType, ['disconnect', 'connected']);
}

/** `SignalObject` or a subclass: named SignalObject somewhere up its chain, disposable. */
function rawIsSignalObject(checker: ts.TypeChecker, type: ts.Type): boolean {
  const known = signalObjectTypes.get(type);
  if (known !== undefined) return known;
  const result = classChainHasName(checker, type, 'SignalObject') && checker.getPropertyOfType(type, 'dispose') !== undefined;
  signalObjectTypes.set(type, result);
  return result;
}

function isDefaultLibrarySymbol(symbol: ts.Symbol | undefined): boolean {
  const file = symbol?.declarations?.[0]?.getSourceFile().fileName;
  return file !== undefined && /[\\/]typescript[\\/]lib[\\/]lib\.[^\\/]*\.d\.ts$/.test(file);
}

/** Any object type with a `Signal` member (field or getter). */
function rawHasSignalMember(checker: ts.TypeChecker, type: ts.Type): boolean {
  const known = signalMemberTypes.get(type);
  if (known !== undefined) return known;
  signalMemberTypes.set(type, false); // cycle guard: a Signal member whose type refers back
  let result = false;
  if (
    (type.flags & ts.TypeFlags.Object) !== 0 &&
    !isDefaultLibrarySymbol(type.getSymbol()) &&
    !checker.isArrayType(type) &&
    !checker.isTupleType(type) &&
    type.getCallSignatures().length === 0
  ) {
    result = checker.getPropertiesOfType(type).some((property) => rawIsSignal(checker, checker.getNonNullableType(checker.getTypeOfSymbol(property))));
  }
  signalMemberTypes.set(type, result);
  return result;
}

function isFunctionLike(type: Type): boolean {
  return type.getCallSignatures().length > 0;
}

/** `E.sig` or `E['sig']` where the whole expression is a Signal: returns E and the signal's name. */
function signalOwner(expression: Node, env: ModelEnv): { emitter: Expression; signal: string } | undefined {
  const target = unwrap(expression);
  if (Node.isPropertyAccessExpression(target) || Node.isElementAccessExpression(target)) {
    const type = typeOfExpression(target)?.getNonNullableType();
    if (type === undefined || !isSignalType(type, env)) return undefined;
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
  matchScheduler,
  connectMethodNames: ['connect'],

  isEmitterType(type: Type, env: ModelEnv): boolean {
    return rawIsSignalObject(env.checker, type.compilerType) || rawHasSignalMember(env.checker, type.compilerType);
  },

  matchConnect(call: CallExpression, env: ModelEnv): ConnectSite | undefined {
    const method = methodCall(call);
    if (method?.name !== 'connect') return undefined;
    const owner = signalOwner(method.object, env);
    if (owner === undefined) return undefined;
    const [first, second] = call.getArguments();
    if (first === undefined) return undefined;
    const site: ConnectSite = { emitter: owner.emitter, signal: owner.signal, handle: 'connection' };
    // A written closure is a slot: no need to ask the checker (which would check its body).
    if (Node.isArrowFunction(first) || Node.isFunctionExpression(first)) {
      site.slot = first;
      return site;
    }
    const firstType = typeOfExpression(first);
    if (firstType === undefined) return undefined;
    if (isFunctionLike(firstType) || isSignalType(firstType, env)) {
      site.slot = first as Expression;
    } else {
      site.receiver = first as Expression;
      if (second !== undefined) site.slot = second as Expression;
    }
    return site;
  },

  matchEnd(call: CallExpression, env: ModelEnv): EndSite | undefined {
    const method = methodCall(call);
    if (method === undefined) return undefined;
    if (method.name === 'dispose' || method.name === '__@dispose' || isSymbolDispose(call)) {
      return { kind: 'dispose', emitter: method.object };
    }
    if (method.name !== 'disconnect') return undefined;
    const owner = signalOwner(method.object, env);
    if (owner !== undefined) return { kind: 'disconnect-signal', emitter: owner.emitter, signal: owner.signal };
    const handleType = typeOfExpression(method.object)?.getNonNullableType();
    if (handleType !== undefined && isConnectionType(handleType, env)) return { kind: 'disconnect-handle', handle: method.object };
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
  abortApi: ABORT_CONTROLLER,
  lifecyclePairs: COMMON_LIFECYCLE_PAIRS,
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
  const parameters = constructorParameters(node, env);
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

type ConstructorParameter = { name: string; typeIsSignalObject: boolean };

/**
 * Per analysis environment (one per program and options) and class declaration (compiler node):
 * what `constructorParameters` found, the same for every `new` of the class.
 */
const parametersByEnv = new WeakMap<ModelEnv, WeakMap<ts.Node, readonly ConstructorParameter[] | null>>();

/** The class declaration `new X(…)` constructs, by the compiler's symbol (as ts-morph's `getSymbol()` resolves it). */
function constructedClass(node: NewExpression, env: ModelEnv): ts.ClassDeclaration | undefined {
  try {
    let symbol = compilerSymbolOf(env.checker, node.getExpression().compilerNode);
    if (symbol !== undefined && (symbol.flags & ts.SymbolFlags.Alias) !== 0) symbol = env.checker.getAliasedSymbol(symbol);
    return symbol?.declarations?.find((candidate) => ts.isClassDeclaration(candidate));
  } catch {
    return undefined;
  }
}

/** Memoized per class declaration: the parameters do not depend on the `new` expression. */
function constructorParameters(node: NewExpression, env: ModelEnv): readonly ConstructorParameter[] | undefined {
  const compilerClass = constructedClass(node, env);
  if (compilerClass === undefined) return readConstructorParameters(node); // not memoizable: ask as before
  let byClass = parametersByEnv.get(env);
  if (byClass === undefined) {
    byClass = new WeakMap();
    parametersByEnv.set(env, byClass);
  }
  const known = byClass.get(compilerClass);
  if (known !== undefined) return known ?? undefined;
  const declaration = env.node?.(compilerClass);
  const found = declaration !== undefined && Node.isClassDeclaration(declaration) ? parametersOf(declaration) : readConstructorParameters(node);
  byClass.set(compilerClass, found ?? null);
  return found;
}

function readConstructorParameters(node: NewExpression): ConstructorParameter[] | undefined {
  const declaration = declarationsOf(node.getExpression()).find((candidate) => Node.isClassDeclaration(candidate));
  if (declaration === undefined || !Node.isClassDeclaration(declaration)) return undefined;
  return parametersOf(declaration);
}

/** The parameters of the first constructor up the class chain (8 levels at most). */
function parametersOf(declaration: ClassDeclaration): ConstructorParameter[] | undefined {
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
