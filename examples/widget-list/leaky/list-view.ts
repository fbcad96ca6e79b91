// The LEAKY list view: two bugs that are easy to write and hard to see.
import { SignalObject } from 'slotguard';
import type { Controller } from '../shared/controller.js';
import { RowWidget, type Item } from '../shared/row-widget.js';

export class ListView extends SignalObject {
  private rows: RowWidget[] = [];
  highlighted = -1;

  constructor(private readonly controller: Controller) {
    super();
    this.objectName = 'list-view';
    // Bug 1: a closure that uses `this`, connected to the long-lived controller with no receiver.
    // The controller now keeps this view alive, and its list of slots grows with every view.
    controller.selectionChanged.connect((id) => {
      this.highlighted = id;
    });
  }

  setItems(items: readonly Item[]): void {
    // Bug 2: the old rows are dropped while still connected to the controller.
    this.rows = [];
    for (const item of items) {
      const row = new RowWidget(item);
      row.clicked.connect((id) => this.controller.onRowClicked(id));
      this.rows.push(row);
    }
  }

  rowAt(index: number): RowWidget | undefined {
    return this.rows[index];
  }
}
