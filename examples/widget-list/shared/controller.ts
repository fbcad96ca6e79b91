// The application's controller: one long-lived object that every list view talks to.
import { Signal, SignalObject } from 'slotguard';

export class Controller extends SignalObject {
  readonly selectionChanged = new Signal<[id: number]>(this, 'selectionChanged');
  clicks = 0;

  constructor() {
    super();
    this.objectName = 'controller';
  }

  /** The slot every row's `clicked` is connected to. */
  onRowClicked(id: number): void {
    this.clicks++;
    this.selectionChanged.emit(id);
  }
}
