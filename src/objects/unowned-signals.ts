// Development mode only: what dispose() cannot end, said once per class and field. A signal made
// without an owner (`new Signal()`) belongs to nobody, so disposing the object that holds it in a
// field leaves its connections; the warning names the signal and the fix. Leak detection calls
// it from its one pass over a disposed object's fields (leaks/disposed-sentinel.ts).
import { connectionCount, ownerOf } from '../core/slot-list.js';
import { typeName } from '../core/slot-names.js';
import type { AnySignal } from '../signals/signal.js';

/** Warning code, for `process.on('warning')` filters. */
export const unownedSignalCode = 'SLOTGUARD_UNOWNED_SIGNAL';

const warned = new Set<string>();

function emit(message: string): void {
  const processLike = (globalThis as { process?: { emitWarning?: (message: string, options: object) => void } }).process;
  if (typeof processLike?.emitWarning === 'function') processLike.emitWarning(message, { type: 'SlotguardWarning', code: unownedSignalCode });
  else console.warn(message);
}

/** `object` was disposed and its field `key` holds `signal`: warns (once per class and field) if it has no owner and is still connected. */
export function warnIfUnownedConnected(object: object, key: string, signal: AnySignal): void {
  if (ownerOf(signal) !== undefined) return;
  const count = connectionCount(signal);
  if (count === 0) return;
  const type = typeName(object);
  const id = `${type}.${key}`;
  if (warned.has(id)) return;
  warned.add(id);
  emit(
    `${type}.dispose() left ${count} ${count === 1 ? 'connection' : 'connections'} of the signal in field '${key}': it was created without an owner, ` +
      `so dispose() does not end it. Create it with its owner, \`readonly ${key} = new Signal(this, '${key}')\`, ` +
      `or end it yourself in dispose(): \`this.${key}.disconnect()\`.`,
  );
}
