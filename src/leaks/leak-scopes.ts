// Test scopes: every SignalObject created while a scope is open is adopted by it (its record,
// and a WeakRef: a scope is test tooling). At the end, the scope reports the adopted objects that
// are still connected and not disposed (root leaks only: a child left connected because its
// parent was not disposed is counted under the parent), the function slots connected while it
// was open to an emitter from outside it and still connected (a closure that a longer-lived
// emitter keeps, with whatever it captured), and, after garbage collection when asked, the
// adopted objects that were dropped while connected. Each leak is reported once: by the
// innermost scope that sees it, and never again by an outer scope or a probe.
import type { SignalObject } from '../objects/object.js';
import type { DevRegistry } from './dev-registry.js';
import { connectedAtScopeEnd, undisposedAtScopeEnd, describeObject } from './leak-messages.js';
import { nextTurn } from './next-turn.js';
import type { LeakConnection, LeakReport } from './leak-report.js';
import { byOrder, inOrder, leakConnection, refreshName, type ConnectionRecord, type ObjectRecord, type RecordScope } from './object-records.js';

/** Collection rounds (gc, then a turn of the event loop) before a scope stops waiting for probes. */
const maxCollectionRounds = 20;
/**
 * At least this many: objects touched in the current job (created, or read through a WeakRef)
 * are kept alive until it ends, so the first collection may not take them yet.
 */
const minCollectionRounds = 2;

type Collect = () => void;

/** The collector (node --expose-gc), or an error that says how to expose it. */
export function exposedGc(): Collect {
  const gc = (globalThis as { gc?: unknown }).gc;
  if (typeof gc !== 'function') {
    throw new Error(
      'slotguard/testing: { gc: true } needs the garbage collector: run node with --expose-gc ' +
        "(node --expose-gc --test; vitest: execArgv: ['--expose-gc']; mocha: --node-option expose-gc), " +
        'or leave gc out (objects dropped but not yet collected are then reported as undisposed).',
    );
  }
  return gc as Collect;
}

/** Public copies of `records`, in connection order, with their signal named through `prefix`. */
function named(records: readonly ConnectionRecord[] | undefined, prefix: (record: ConnectionRecord) => string): LeakConnection[] {
  return [...(records ?? [])].sort(byOrder).map((record) => ({ ...leakConnection(record), signal: prefix(record) + record.signal }));
}

export class LeakScopeCollector implements RecordScope {
  readonly #adopted: ObjectRecord[] = [];
  /** Connections made while the scope is open. */
  readonly #connections: ConnectionRecord[] = [];
  readonly #dropped: LeakReport[] = [];
  #collecting = true;

  constructor(private readonly registry: DevRegistry) {
    registry.openScope(this);
  }

  adopt(record: ObjectRecord): void {
    this.#adopted.push(record);
  }

  connectionMade(record: ConnectionRecord): void {
    this.#connections.push(record);
  }

  /** Whether the scope is still open (it adopts objects and takes reports). */
  get open(): boolean {
    return this.registry.openScopes.includes(this);
  }

  /** Ends the scope without a verdict (its body threw, or close() was called wrongly). */
  abandon(): void {
    const scopes = this.registry.openScopes;
    const index = scopes.indexOf(this);
    if (index >= 0) scopes.splice(index, 1);
    this.#collecting = false;
  }

  take(report: LeakReport): boolean {
    const probed = report.kind === 'dropped-while-connected' || report.kind === 'receiver-dropped-while-connected';
    if (!this.#collecting || !probed) return false;
    this.#dropped.push(report);
    return true;
  }

  /** Ends the scope and returns its reports: objects dropped while connected first, then undisposed roots. */
  async close(collect: Collect | undefined): Promise<LeakReport[]> {
    const scopes = this.registry.openScopes;
    const index = scopes.indexOf(this);
    if (index < 0) throw new Error('slotguard/testing: this leak scope was already closed; open a new one with leakScope().');
    scopes.splice(index, 1);
    if (collect !== undefined) await this.#collect(collect);
    await this.#awaitProbes();
    this.#collecting = false;
    // Without gc, a dropped object is still here (undisposed) or the collector already took it
    // (dropped): either way it is reported, so the verdict does not depend on GC timing.
    return [...this.#dropped.splice(0), ...this.#undisposedRoots(), ...this.#outsideConnections()];
  }

  /**
   * Collects until a round finds nothing more to collect among the adopted objects. It never
   * reads their WeakRefs meanwhile: that would keep them alive through the next collection.
   */
  async #collect(gc: Collect): Promise<void> {
    const collected = () => this.#adopted.reduce((count, record) => count + (record.collected ? 1 : 0), 0);
    let before = collected();
    for (let round = 1; round <= maxCollectionRounds; round += 1) {
      gc();
      await nextTurn();
      const after = collected();
      if (round >= minCollectionRounds && after === before) return;
      before = after;
    }
  }

  /**
   * An adopted object the collector took whose probe has not run yet would be neither undisposed
   * (it is gone) nor dropped (not reported yet): wait, a bounded number of turns, for its probe.
   */
  async #awaitProbes(): Promise<void> {
    const unprobed = () => this.#adopted.some((record) => record.connected && !record.disposed && !record.collected && record.ref?.deref() === undefined);
    for (let round = 1; round <= maxCollectionRounds && unprobed(); round += 1) await nextTurn();
  }

  #undisposedRoots(): LeakReport[] {
    const adopted = new Set(this.#adopted);
    const leaking = new Map<ObjectRecord, ObjectRecord[]>(); // root → its connected, undisposed members
    for (const record of this.#adopted) {
      if (record.disposed || record.scopeReported || !record.connected) continue;
      const object = record.ref?.deref() as SignalObject | undefined;
      if (object === undefined) continue;
      const root = this.#rootOf(object, adopted);
      if (root === undefined) continue; // owned by a parent from outside the scope
      const members = leaking.get(root) ?? [];
      members.push(record);
      leaking.set(root, members);
    }
    return [...leaking].map(([root, members]) => {
      refreshName(root);
      members.forEach(refreshName);
      root.scopeReported = true;
      for (const member of members) {
        member.scopeReported = true;
        for (const connection of [...(member.outgoing ?? []), ...(member.incoming ?? [])]) connection.scopeReported = true;
      }
      return this.#report(root, members);
    });
  }

  /**
   * Function slots connected while the scope was open to an emitter it did not adopt, still
   * connected: the emitter outlives the scope and keeps the closure (and what it captured).
   * Receiver-bound connections are not among them: the emitter holds a receiver weakly, and an
   * adopted receiver left connected is reported as undisposed.
   */
  #outsideConnections(): LeakReport[] {
    const adopted = new Set(this.#adopted);
    const byEmitter = new Map<ObjectRecord, ConnectionRecord[]>();
    for (const record of this.#connections) {
      const live = record.outgoingAt >= 0;
      if (!live || record.scopeReported || record.receiver !== undefined || adopted.has(record.emitter)) continue;
      record.scopeReported = true;
      const list = byEmitter.get(record.emitter) ?? [];
      list.push(record);
      byEmitter.set(record.emitter, list);
    }
    this.#connections.length = 0;
    return [...byEmitter].map(([emitter, connections]) => connectedAtScopeEnd(emitter, inOrder(connections)));
  }

  /** The topmost ancestor created in the scope, or undefined when an ancestor comes from outside. */
  #rootOf(object: SignalObject, adopted: ReadonlySet<ObjectRecord>): ObjectRecord | undefined {
    let root = this.registry.recordOf(object);
    for (let parent = object.parent; parent !== null; parent = parent.parent) {
      const record = this.registry.recordOf(parent);
      if (record === undefined || !adopted.has(record)) return undefined;
      root = record;
    }
    return root;
  }

  #report(root: ObjectRecord, members: readonly ObjectRecord[]): LeakReport {
    const connections: LeakConnection[] = [];
    for (const member of members) {
      // A descendant's signals are named through it ("Row 'r2'.clicked"), another emitter's through that emitter.
      const prefix = member === root ? '' : `${describeObject(member)}.`;
      connections.push(...named(member.outgoing, () => prefix));
      connections.push(...named(member.incoming, (record) => `${describeObject(record.emitter)}.`));
    }
    const descendants = members.filter((member) => member !== root).length;
    return undisposedAtScopeEnd(root, connections, descendants);
  }
}
