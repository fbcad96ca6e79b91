// The readable paragraph of each report: what leaked (type, objectName), where it was created,
// what was still connected (signal → slot, connect site), and the fix.
import type { LeakConnection, LeakKind, LeakReport } from './leak-report.js';

/** The object a report names. */
export interface LeakSubject {
  objectType: string;
  objectName?: string | undefined;
  createdAt?: string | undefined;
}

/** Connections listed in a message before "and N more". */
const listedConnections = 5;

const stacksHint = 'Call configureLeakDetection({ captureStacks: true }) to see where objects are created and connected.';

/** `Row 'row-3'`, or `Row` when the object has no name. */
export function describeObject(subject: LeakSubject): string {
  return subject.objectName ? `${subject.objectType} '${subject.objectName}'` : subject.objectType;
}

function describeWithSite(subject: LeakSubject): string {
  const site = subject.createdAt === undefined ? '' : ` (created at ${subject.createdAt})`;
  return describeObject(subject) + site;
}

export function describeConnection(connection: LeakConnection): string {
  const site = connection.connectedAt === undefined ? '' : ` (connected at ${connection.connectedAt})`;
  return `${connection.signal} → ${connection.slot}${site}`;
}

export function describeConnections(connections: readonly LeakConnection[]): string {
  const shown = connections.slice(0, listedConnections).map(describeConnection).join(', ');
  const more = connections.length - listedConnections;
  return more > 0 ? `${shown}, and ${more} more` : shown;
}

function hasSites(subject: LeakSubject, connections: readonly LeakConnection[]): boolean {
  return subject.createdAt !== undefined || connections.some((connection) => connection.connectedAt !== undefined);
}

function report(kind: LeakKind, subject: LeakSubject, connections: LeakConnection[], sentences: string[]): LeakReport {
  if (!hasSites(subject, connections)) sentences.push(stacksHint);
  const result: LeakReport = { kind, message: sentences.join(' '), objectType: subject.objectType, connections };
  if (subject.objectName) result.objectName = subject.objectName;
  if (subject.createdAt !== undefined) result.createdAt = subject.createdAt;
  return result;
}

export function droppedWhileConnected(subject: LeakSubject, connections: LeakConnection[]): LeakReport {
  return report('dropped-while-connected', subject, connections, [
    `${describeWithSite(subject)} was garbage-collected while still connected, and was never disposed:`,
    `${describeConnections(connections)}.`,
    'Its connections were never torn down: its slots could keep their receivers alive and the work behind them was never stopped,',
    'and the same code leaks for real as soon as anything else holds on to the object.',
    'Fix: call dispose() when you are done with it (or declare it with `using`),',
    'give it a parent that is disposed (a constructor argument or setParent()),',
    'or keep each Connection and call its disconnect().',
  ]);
}

export function receiverDroppedWhileConnected(subject: LeakSubject, connections: LeakConnection[], emitters: string): LeakReport {
  return report('receiver-dropped-while-connected', subject, connections, [
    `${describeWithSite(subject)} was garbage-collected while still connected as the receiver of ${emitters}:`,
    `${describeConnections(connections)}.`,
    'Receivers are held weakly, so the connection is now pruned, but until the collector ran the object kept receiving every emission.',
    'Fix: call dispose() on the receiver when you are done with it (it ends every connection whose receiver it is),',
    'or keep the Connection and call its disconnect().',
  ]);
}

/** How the connections of an over-threshold signal are spread over connect sites (or slots). */
export interface GrowthSpread {
  /** The most frequent connect site, or the most frequent slot when no sites were captured. */
  dominant: string;
  /** Connections made at `dominant`. */
  dominantCount: number;
  /** Distinct sites (or slots). */
  distinct: number;
  /** Whether `dominant` is a connect site (true) or a slot name (false). */
  bySite: boolean;
}

/** Share above which one site is taken for a leak rather than for many independent listeners. */
export const dominantShare = 0.5;

export function listenerThreshold(subject: LeakSubject, signalName: string, count: number, threshold: number, spread: GrowthSpread, connections: LeakConnection[]): LeakReport {
  const percent = Math.round((100 * spread.dominantCount) / count);
  const where = spread.bySite ? `were connected at ${spread.dominant}` : `call the same slot ${spread.dominant}`;
  const sentences = [
    `Possible leak: ${describeWithSite(subject)}.${signalName} has ${count} connections, more than the threshold of ${threshold}.`,
    `${spread.dominantCount} of ${count} (${percent}%) ${where}.`,
  ];
  if (spread.dominantCount / count > dominantShare) {
    sentences.push(
      'One place adding most of the connections usually means the objects that connect there are never disconnected.',
      'Fix: keep each Connection and call its disconnect() when its receiver is done, connect with a receiver (connect(receiver, method)) and dispose the receiver,',
      'or declare the Connection with `using`.',
    );
  } else {
    sentences.push(
      `They come from ${spread.distinct} different ${spread.bySite ? 'sites' : 'slots'}: many independent listeners on one signal is a design smell rather than a leak;`,
      'consider one listener that dispatches, or an intermediate object.',
    );
  }
  sentences.push('If this many connections is intended, raise listenerThreshold with configureLeakDetection().');
  return report('listener-threshold', subject, connections, sentences);
}

export function undisposedAtScopeEnd(subject: LeakSubject, connections: LeakConnection[], leakingDescendants: number): LeakReport {
  const children = leakingDescendants === 0
    ? ''
    : ` (including ${leakingDescendants} descendant${leakingDescendants === 1 ? '' : 's'} left connected because it was not disposed)`;
  return report('undisposed-at-scope-end', subject, connections, [
    `${describeWithSite(subject)} was still connected and not disposed at the end of the scope${children}:`,
    `${describeConnections(connections)}.`,
    'Fix: call dispose() before the scope ends (or declare it with `using`), give it a parent that is disposed,',
    'or keep each Connection and call its disconnect().',
  ]);
}

export function connectedAtScopeEnd(emitter: LeakSubject, connections: LeakConnection[]): LeakReport {
  const count = connections.length === 1 ? 'A function slot was' : `${connections.length} function slots were`;
  return report('undisposed-at-scope-end', emitter, connections, [
    `${count} connected in the scope to ${describeWithSite(emitter)}, which was created outside it, and still connected at its end:`,
    `${describeConnections(connections)}.`,
    `${describeObject(emitter)} outlives the scope and keeps each slot, and a slot keeps what it captured (a view, \`this\`) alive as long as the emitter lives.`,
    'Fix: keep the Connection and call its disconnect() when its owner is done (or declare it with `using`, or track() it on that owner),',
    'connect with a receiver (connect(receiver, method)) and dispose the receiver, or pass { signal } and abort it.',
  ]);
}

export function usedAfterDispose(subject: LeakSubject, signalName: string, action: 'connect' | 'emit', connections: LeakConnection[]): LeakReport {
  const sentences = action === 'connect'
    ? [
        `connect() on ${describeWithSite(subject)}.${signalName} after the object was disposed: the connection was refused.`,
        'A disposed object accepts no connections and emits nothing.',
        'Fix: connect before disposing it, or to a new object; check isDisposed when the object\'s lifetime is not yours.',
      ]
    : [
        `emit() on ${describeWithSite(subject)}.${signalName} after the object was disposed: the emission was ignored.`,
        'Something still runs for an object that is gone (a timer, a request, a subscription).',
        'Fix: stop that work when the object is disposed: track() it on the object, or connect to its destroyed signal.',
      ];
  return report('use-after-dispose', subject, connections, sentences);
}
