// Qt's QObject::dumpObjectInfo and dumpObjectTree, returning the text instead of printing it.
import { liveConnections } from '../core/slot-list.js';
import { describeSignal, typeName } from '../core/slot-names.js';
import { SignalObject, sendersOf } from '../objects/object.js';
import type { AnySignal } from '../signals/signal.js';
import { connectionInfo, signalsFor } from './registry.js';

function label(object: object): string {
  const name = (object as { objectName?: unknown }).objectName;
  return `${typeName(object)}::${typeof name === 'string' ? name : ''}`;
}

/**
 * The object's signals with their slots (and where each was connected, when leak detection
 * captured it), then the signals of other objects connected to it.
 */
export function dumpObjectInfo(object: object): string {
  const lines = [`OBJECT ${label(object)}`, '  SIGNALS OUT'];
  const signals = signalsFor(object);
  if (signals.length === 0) lines.push('    (none)');
  for (const { name, signal } of signals) {
    const connections = liveConnections(signal);
    lines.push(`    ${name} (${connections.length} ${connections.length === 1 ? 'connection' : 'connections'})`);
    for (const c of connections) {
      const info = connectionInfo(name, c);
      lines.push(`      --> ${info.slot}${info.connectedAt === undefined ? '' : `  [connected at ${info.connectedAt}]`}`);
    }
  }
  lines.push('  SIGNALS IN');
  const senders = object instanceof SignalObject ? sendersOf(object) : [];
  if (senders.length === 0) lines.push('    (none)');
  for (const c of senders) lines.push(`    <-- ${describeSignal(c.signal as AnySignal)}  --> ${c.slotName}`);
  return lines.join('\n');
}

/** `Type::objectName` for the object and its descendants, indented, with signal names and connection counts. */
export function dumpObjectTree(object: object): string {
  const lines: string[] = [];
  const visit = (node: object, depth: number): void => {
    const signals = signalsFor(node).map(({ name, signal }) => `${name}: ${signal.connectionCount}`);
    lines.push(`${'  '.repeat(depth)}${label(node)}${signals.length === 0 ? '' : `  [${signals.join(', ')}]`}`);
    if (node instanceof SignalObject) for (const child of node.children) visit(child, depth + 1);
  };
  visit(object, 0);
  return lines.join('\n');
}

