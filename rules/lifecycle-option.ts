// The ownership rules' `lifecyclePairs` option, checked by hand: ESLint's schema errors would say
// "should be object" with no hint of the form, and a pair naming no method would silently do nothing.
import type { LifecyclePair } from './analysis/emitter-model.js';

const EXAMPLE = "[{ up: 'start', down: 'stop' }]";
const METHOD = /^[A-Za-z_$#][\w$]*$/;
const KEYS = new Set(['up', 'down', 'classExtends']);

function shown(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/**
 * The pairs of the option, or an error naming the rule, the entry and what to write. `up` may be
 * `'*'` (every member outside the down path: the object's whole life); `classExtends` limits the
 * pair to classes whose base class ends with that name.
 */
export function lifecyclePairsOption(rule: string, value: unknown): LifecyclePair[] {
  if (value === undefined) return [];
  const fail = (what: string): never => {
    throw new Error(`${rule}: the option lifecyclePairs ${what}. Write a list of method pairs, e.g. lifecyclePairs: ${EXAMPLE}.`);
  };
  if (!Array.isArray(value)) return fail(`must be an array, got ${shown(value)}`);
  return value.map((entry: unknown, index): LifecyclePair => {
    const at = `lifecyclePairs[${index}]`;
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) return fail(`has ${at} = ${shown(entry)}, which is not an object { up, down }`);
    const record = entry as Record<string, unknown>;
    const unknownKey = Object.keys(record).find((key) => !KEYS.has(key));
    if (unknownKey !== undefined) return fail(`has ${at}.${unknownKey}, which is not an option of a pair (use up, down, classExtends)`);
    const { up, down, classExtends } = record;
    if (typeof up !== 'string' || (up !== '*' && !METHOD.test(up))) return fail(`has ${at}.up = ${shown(up)}: it must be a method name (or '*' for the object's whole life)`);
    if (typeof down !== 'string' || !METHOD.test(down)) return fail(`has ${at}.down = ${shown(down)}: it must be a method name`);
    if (up === down) return fail(`has ${at} with up and down both '${up}': the down method must be another method`);
    if (classExtends !== undefined && (typeof classExtends !== 'string' || classExtends.length === 0)) return fail(`has ${at}.classExtends = ${shown(classExtends)}: it must be a class name`);
    return classExtends === undefined ? { up, down } : { up, down, classExtends };
  });
}
