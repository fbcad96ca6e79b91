// "Is this type, or a class/interface it extends, named X?": how presets recognise a library's
// emitter types (EventEmitter, a declared model's `types`) by name, whatever file declares them.
import type { Type } from 'ts-morph';

const MAX_DEPTH = 12;

export function typeChainHasName(type: Type, name: string, depth = 0): boolean {
  if (depth > MAX_DEPTH) return false;
  const symbol = type.getSymbol() ?? type.getAliasSymbol();
  if (symbol?.getName() === name) return true;
  if (!type.isClassOrInterface() && !type.isObject()) return false;
  let bases: Type[];
  try {
    bases = type.getBaseTypes();
  } catch {
    return false; // not a class or interface type: no bases to follow
  }
  return bases.some((base) => typeChainHasName(base, name, depth + 1));
}
