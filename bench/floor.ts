// The floors: the allocations slotguard makes to create an object with five signals and connect
// one slot, written by hand without slotguard's semantics (no argument checks, names, owner
// state, dev hooks or counters). Where a target is not met, the ratio to its floor says how much
// of the gap is the work itself.

/** A connection node: signal, slot, receiver, flags, next, prev (as core/connection.ts). */
class HandConnection {
  signal: HandSignal;
  slot: (n: number) => void;
  receiver: undefined = undefined;
  flags = 256;
  next: unknown;
  prev: HandConnection;
  constructor(signal: HandSignal, slot: (n: number) => void, next: unknown) {
    this.signal = signal;
    this.slot = slot;
    this.next = next;
    this.prev = this;
  }
}

/** A signal with one field, the owner or the first connection. */
class HandSignal {
  head: unknown;
  constructor(owner: object) {
    this.head = owner;
  }
  connect(slot: (n: number) => void): HandConnection {
    const c = new HandConnection(this, slot, this.head);
    this.head = c;
    return c;
  }
  /** The emit floor: walk the list and call each slot (newest first; no error isolation, flags or reentrancy rules). */
  emit(n: number): void {
    for (let c = this.head; c instanceof HandConnection; c = c.next) c.slot(n);
  }
}

/** A standalone hand-written signal (the emit floor). */
export function handSignal(): HandSignal {
  return new HandSignal({});
}

/** Field form: the object's own fields (flags, state, owned signals) and five signals. */
export class HandWidget {
  flags = 0;
  state: undefined = undefined;
  owned: unknown = undefined;
  readonly clicked = new HandSignal(this);
  readonly changed = new HandSignal(this);
  readonly moved = new HandSignal(this);
  readonly resized = new HandSignal(this);
  readonly closed = new HandSignal(this);
}

/** Class-level form: three fields; the first use makes the positions array and the signal. */
export class HandClassWidget {
  flags = 0;
  state: undefined = undefined;
  owned: (HandSignal | undefined)[] | undefined = undefined;
  get clicked(): HandSignal {
    const owned = (this.owned ??= [undefined, undefined, undefined, undefined, undefined]);
    return (owned[0] ??= new HandSignal(this));
  }
}
