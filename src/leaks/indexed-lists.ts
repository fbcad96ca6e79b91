// Unordered lists whose items remember their position, so that adding and removing are O(1)
// without a Set: removal moves the last item into the hole. Used for the connection lists of an
// object record (a model can hold thousands of connections) and for the live objects.

/** The name of the numeric field where an item keeps its position (-1 when it is in no list). */
type PositionKey<T> = { [K in keyof T]: T[K] extends number ? K : never }[keyof T];

export function addIndexed<T>(list: T[], item: T, at: PositionKey<T>): void {
  (item[at] as number) = list.length;
  list.push(item);
}

export function removeIndexed<T>(list: T[] | undefined, item: T, at: PositionKey<T>): void {
  const position = item[at] as number;
  if (position < 0 || list === undefined) return;
  const last = list.pop() as T;
  if (last !== item) {
    list[position] = last;
    (last[at] as number) = position;
  }
  (item[at] as number) = -1;
}

/** Empties the list, returning what was in it. */
export function takeIndexed<T>(list: T[] | undefined, at: PositionKey<T>): T[] {
  const items = list?.splice(0) ?? [];
  for (const item of items) (item[at] as number) = -1;
  return items;
}
