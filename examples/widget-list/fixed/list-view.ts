// The FIXED list view: rows are children of the view and are disposed when replaced, and the
// view's slot on the controller is receiver-bound, so it ends when the view is disposed.
import { SignalObject } from 'slotguard';
import type { Controller } from '../shared/controller.js';
import { RowWidget, type Item } from '../shared/row-widget.js';

export class ListView extends SignalObject {
  private rows: RowWidget[] = [];
  highlighted = -1;

  constructor(private readonly controller: Controller) {
    super();
    this.objectName = 'list-view';
    controller.selectionChanged.connect(this, this.highlight);
  }

  highlight(id: number): void {
    this.highlighted = id;
  }

  setItems(items: readonly Item[]): void {
    for (const row of this.rows) row.dispose();
    this.rows = [];
    for (const item of items) {
      const row = new RowWidget(item, this);
      row.clicked.connect((id) => this.controller.onRowClicked(id));
      this.rows.push(row);
    }
  }

  rowAt(index: number): RowWidget | undefined {
    return this.rows[index];
  }
}
