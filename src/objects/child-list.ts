// A parent's children: in the order they were added, with O(1) amortised removal from anywhere.
// Each child knows its index (kept by the owner through `setIndex`); removing one leaves a hole
// (or pops it when it is last), and the holes are squeezed out once they are half the list, or
// when the list is read. Disposing a parent of 80k children, or removing them one by one in any
// order, is then linear instead of quadratic.
export class ChildList<T extends object> {
  private items: (T | undefined)[] = [];
  private holes = 0;

  constructor(private readonly setIndex: (item: T, index: number) => void) {}

  add(item: T): void {
    this.setIndex(item, this.items.length);
    this.items.push(item);
  }

  /** Removes the item at `index` (where `add` or a compaction put it); false if it is not there. */
  remove(item: T, index: number): boolean {
    const items = this.items;
    if (index < 0 || items[index] !== item) return false;
    this.setIndex(item, -1);
    if (index !== items.length - 1) {
      items[index] = undefined;
      this.holes++;
      if (this.holes * 2 > items.length) this.compact();
      return true;
    }
    items.pop();
    while (items.length > 0 && items[items.length - 1] === undefined) {
      items.pop();
      this.holes--;
    }
    return true;
  }

  /** The items, in order, without holes (the list itself: do not modify it). */
  view(): readonly T[] {
    if (this.holes > 0) this.compact();
    return this.items as readonly T[];
  }

  /** Empties the list and returns what it held, in order (holes included: skip undefined). */
  take(): readonly (T | undefined)[] {
    const items = this.items;
    this.items = [];
    this.holes = 0;
    return items;
  }

  private compact(): void {
    const live: T[] = [];
    for (const item of this.items) {
      if (item === undefined) continue;
      this.setIndex(item, live.length);
      live.push(item);
    }
    this.items = live;
    this.holes = 0;
  }
}
