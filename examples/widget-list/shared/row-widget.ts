// One row of the list: a widget the list view creates dynamically, one per item, as a Qt list
// built by hand creates a QWidget per row.
import { Signal, SignalObject } from 'slotguard';

export interface Item {
  id: number;
  title: string;
}

export class RowWidget extends SignalObject {
  readonly clicked = new Signal<[id: number]>(this, 'clicked');
  selected = false;

  constructor(
    readonly item: Item,
    parent: SignalObject | null = null,
  ) {
    super(parent);
  }

  /** What a mouse click would do. */
  click(): void {
    this.clicked.emit(this.item.id);
  }
}
