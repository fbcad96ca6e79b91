// What a user does with the app: open a page (a new list view), load items, refresh, click a row,
// close the page; a dozen times. The same session runs against the leaky and the fixed view.
import { registry } from 'slotguard';
import { Controller } from './controller.js';
import type { Item, RowWidget } from './row-widget.js';

export interface ListViewLike {
  setItems(items: readonly Item[]): void;
  rowAt(index: number): RowWidget | undefined;
  dispose(): void;
}

export type ListViewClass = new (controller: Controller) => ListViewLike;

const pages = 12;
const rowsPerPage = 50;

function items(page: number, refresh: number): Item[] {
  return Array.from({ length: rowsPerPage }, (_, index) => ({ id: page * 1000 + refresh * 100 + index, title: `item ${index}` }));
}

/** Lets finalizers run: gc, then a turn of the event loop, a bounded number of times. */
async function collectGarbage(): Promise<void> {
  const gc = (globalThis as { gc?: () => void }).gc;
  if (gc === undefined) throw new Error('Run this example with node --expose-gc so that dropped rows are collected now.');
  for (let round = 0; round < 10; round++) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
  }
}

export async function runSession(ListView: ListViewClass): Promise<string> {
  const controller = new Controller();
  for (let page = 0; page < pages; page++) {
    const view = new ListView(controller);
    view.setItems(items(page, 0));
    view.setItems(items(page, 1)); // refresh
    view.rowAt(3)?.click();
    view.dispose();
  }
  await collectGarbage();
  const slots = controller.selectionChanged.connectionCount;
  const stats = registry.stats();
  return `${controller.clicks} clicks handled; controller.selectionChanged still has ${slots} slot(s); ${stats.undisposedObjects} of ${stats.objectsCreated} objects never disposed, ${stats.liveConnections} connections never ended.`;
}
