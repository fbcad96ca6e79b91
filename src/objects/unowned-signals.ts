// Development mode only: what dispose() cannot end, said once per class and field. A signal made
// without an owner (`new Signal()`) belongs to nobody, so disposing the object that holds it in a
// field leaves its connections; the warning names the signal and the fix.
import { connectionCount, ownerOf } from '../core/slot-list.js';
import { typeName } from '../core/slot-names.js';
import { isSignal } from '../signals/signal.js';

/** Warning code, for `process.on('warning')` filters. */
export const unownedSignalCode = 'SLOTGUARD_UNOWNED_SIGNAL';

const warned = new Set<string>();

function emit(message: string): void {
  const processLike = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } }).process;
  if (typeof processLike?.emitWarning === 'function') processLike.emitWarning(message, { type: 'SlotguardWarning', code: unownedSignalCode });
  else console.warn(message);
}

export function warnUnownedSignals(object: object): void {
  for (const key of Object.keys(object)) {
    const value = (object as Record<string, unknown>)[key];
    if (!isSignal(value) || ownerOf(value) !== undefined) continue;
    const count = connectionCount(value);
    if (count === 0) continue;
    const type = typeName(object);
    const id = `${type}.${key}`;
    if (warned.has(id)) continue;
    warned.add(id);
    emit(
      `${type}.dispose() left ${count} ${count === 1 ? 'connection' : 'connections'} of the signal in field '${key}': it was created without an owner, ` +
        `so dispose() does not end it. Create it with its owner, \`readonly ${key} = new Signal(this, '${key}')\`, ` +
        `or end it yourself in dispose(): \`this.${key}.disconnect()\`.`,
    );
  }
}
