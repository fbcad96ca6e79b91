// The abstract heap of one program point: holders (locals, parameters, fields of `this`, module
// variables, a collection's elements) point to abstract objects (allocation sites of fresh
// emitters), each carrying its open connections. Objects are allocation sites with a recency bit:
// the object most recently made at a site, and a summary of the older ones, so that a loop or a
// method called again can drop "the previous one" while keeping the new one apart.
// Immutable values: every operation returns a new heap (states are small).
import type { ts } from 'ts-morph';

/** `v:` local or parameter, `m:` module variable, `f:` field of `this`, `e:<holder>` its elements. */
export type HolderKey = string;
export type ObjectId = string;

export interface AbstractObject {
  /** The creation expression (`new Row()`, `createRow()`). */
  readonly site: ts.Node;
  /** Open connections: signal labels; `label#n` for one a kept handle can end. */
  readonly connections: ReadonlySet<string>;
  /** Kept by something the heap does not model (returned, owned, handed to a keeper): never a drop. */
  readonly escaped: boolean;
}

export class Heap {
  private constructor(
    readonly holders: ReadonlyMap<HolderKey, ReadonlySet<ObjectId>>,
    readonly objects: ReadonlyMap<ObjectId, AbstractObject>,
  ) {}

  static readonly empty = new Heap(new Map(), new Map());

  pointees(holder: HolderKey): ReadonlySet<ObjectId> {
    return this.holders.get(holder) ?? noObjects;
  }

  object(id: ObjectId): AbstractObject | undefined {
    return this.objects.get(id);
  }

  /** Holders other than `except` that may point to `id`. */
  otherHolders(id: ObjectId, except: HolderKey): HolderKey[] {
    const found: HolderKey[] = [];
    for (const [holder, ids] of this.holders) if (holder !== except && ids.has(id)) found.push(holder);
    return found;
  }

  /** A fresh object at `site`: the previous "most recent" one there becomes part of the older summary. */
  allocate(site: ts.Node, connections: readonly string[]): { heap: Heap; id: ObjectId } {
    const id = siteId(site);
    const holders = new Map(this.holders);
    const objects = new Map(this.objects);
    const previous = objects.get(id);
    if (previous !== undefined) {
      const older = `${id}'`;
      const summary = objects.get(older);
      objects.set(older, summary === undefined ? previous : mergeObjects(summary, previous));
      for (const [holder, ids] of holders) {
        if (ids.has(id)) holders.set(holder, new Set([...ids].map((each) => (each === id ? older : each))));
      }
    }
    objects.set(id, { site, connections: new Set(connections), escaped: false });
    return { heap: new Heap(holders, objects), id };
  }

  /** `holder` now points to `ids` (nothing: killed). Returns the objects that lost their last holder. */
  assign(holder: HolderKey, ids: ReadonlySet<ObjectId>): { heap: Heap; orphans: ObjectId[] } {
    const previous = this.pointees(holder);
    const holders = new Map(this.holders);
    if (ids.size === 0) holders.delete(holder);
    else holders.set(holder, new Set(ids));
    const next = new Heap(holders, this.objects);
    const orphans = [...previous].filter((id) => !ids.has(id) && next.otherHolders(id, holder).length === 0);
    return { heap: next.withoutObjects(orphans), orphans };
  }

  updateObject(id: ObjectId, update: (object: AbstractObject) => AbstractObject): Heap {
    const object = this.objects.get(id);
    if (object === undefined) return this;
    const objects = new Map(this.objects);
    objects.set(id, update(object));
    return new Heap(this.holders, objects);
  }

  /** Only the given holders and what they point to (a method's exit, as the class invariant sees it). */
  restrictTo(keep: (holder: HolderKey) => boolean): Heap {
    const holders = new Map([...this.holders].filter(([holder]) => keep(holder)));
    const reachable = new Set([...holders.values()].flatMap((ids) => [...ids]));
    return new Heap(holders, new Map([...this.objects].filter(([id]) => reachable.has(id))));
  }

  private withoutObjects(ids: readonly ObjectId[]): Heap {
    if (ids.length === 0) return this;
    const objects = new Map(this.objects);
    for (const id of ids) objects.delete(id);
    return new Heap(this.holders, objects);
  }

  /** Paths meet: a holder may point to what it points to on any path; an object is connected if on any path, escaped only if on every path that has it. */
  static join(heaps: readonly Heap[]): Heap {
    if (heaps.length === 1) return heaps[0]!;
    const holders = new Map<HolderKey, Set<ObjectId>>();
    const objects = new Map<ObjectId, AbstractObject>();
    for (const heap of heaps) {
      for (const [holder, ids] of heap.holders) {
        const set = holders.get(holder) ?? new Set<ObjectId>();
        for (const id of ids) set.add(id);
        holders.set(holder, set);
      }
      for (const [id, object] of heap.objects) {
        const known = objects.get(id);
        objects.set(id, known === undefined ? object : mergeObjects(known, object));
      }
    }
    return new Heap(holders, objects);
  }

  static equals(a: Heap, b: Heap): boolean {
    if (a === b) return true;
    if (a.holders.size !== b.holders.size || a.objects.size !== b.objects.size) return false;
    for (const [holder, ids] of a.holders) if (!sameSet(ids, b.holders.get(holder))) return false;
    for (const [id, object] of a.objects) {
      const other = b.objects.get(id);
      if (other === undefined || other.escaped !== object.escaped || !sameSet(object.connections, other.connections)) return false;
    }
    return true;
  }
}

const noObjects: ReadonlySet<ObjectId> = new Set();

/** The identity of an allocation site (stable across runs of the same graph). */
export function siteId(site: ts.Node): ObjectId {
  return `${site.pos}:${site.end}`;
}

function mergeObjects(a: AbstractObject, b: AbstractObject): AbstractObject {
  if (a === b) return a;
  return { site: a.site, connections: new Set([...a.connections, ...b.connections]), escaped: a.escaped && b.escaped };
}

function sameSet<T>(a: ReadonlySet<T>, b: ReadonlySet<T> | undefined): boolean {
  if (b === undefined || a.size !== b.size) return false;
  for (const value of a) if (!b.has(value)) return false;
  return true;
}

/** Is this object a leak if it has no holder now? */
export function isConnected(object: AbstractObject | undefined): object is AbstractObject {
  return object !== undefined && !object.escaped && object.connections.size > 0;
}

/** Signal labels without the handle suffix. */
export function signalsOf(object: AbstractObject): string[] {
  return [...new Set([...object.connections].map((label) => label.replace(/#\d+$/, '')))];
}
