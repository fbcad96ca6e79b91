// FIXED: the handler ids are kept and disconnected in disable(), and the overview connection is
// tied to the extension with connectObject/disconnectObject.
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
import Main from 'resource:///org/gnome/shell/ui/main.js';

export default class WindowCounter extends Extension {
  #windows = 0;
  #windowCreatedId = 0;

  override enable(): void {
    this.#windowCreatedId = global.display.connect('window-created', () => {
      this.#windows++;
    });
    Main.overview.connectObject('showing', () => this.#report(), this);
  }

  override disable(): void {
    global.display.disconnect(this.#windowCreatedId);
    Main.overview.disconnectObject(this);
    this.#windows = 0;
  }

  #report(): void {
    console.log(`windows opened: ${this.#windows}`);
  }
}
