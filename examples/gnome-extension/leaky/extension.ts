// LEAKY: enable() connects to Shell-wide objects and drops the handler ids, so disable() cannot
// disconnect them. Every disable/enable cycle (each screen lock) adds another set of handlers
// that keep the old extension object alive and keep running.
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
import Main from 'resource:///org/gnome/shell/ui/main.js';

export default class WindowCounter extends Extension {
  #windows = 0;

  override enable(): void {
    global.display.connect('window-created', () => {
      this.#windows++;
    });
    Main.overview.connect('showing', () => this.#report());
  }

  override disable(): void {
    this.#windows = 0;
  }

  #report(): void {
    console.log(`windows opened: ${this.#windows}`);
  }
}
