// `receiver.method(…)` recognition for the presets: the method name is checked first (cheap, on
// text), the receiver's type only for the few calls whose name matches.
import type { CallExpression, Expression, Type } from 'ts-morph';
import { typeOfExpression } from '../type-queries.js';
import { methodCall } from './slotguard.js';

export interface MethodCall {
  readonly object: Expression;
  readonly name: string;
}

/** The call as `object.name(…)` when `name` is one of `names` and the object's type passes `receiver`. */
export function methodCallOn(call: CallExpression, names: ReadonlySet<string>, receiver: (type: Type) => boolean): MethodCall | undefined {
  const method = methodCall(call);
  if (method === undefined || !names.has(method.name)) return undefined;
  const type = typeOfExpression(method.object);
  return type !== undefined && receiver(type) ? method : undefined;
}
