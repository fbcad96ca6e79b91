// FIXED: the same indicator. Every connection to an object the extension does not own is ended on
// the disable() path: ids kept and disconnected (one field, one Map of per-window ids), a
// `connectObject(…, this)` ended by `disconnectObject(this)`, and the actors it created destroyed.
import St from 'gi://St';
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import * as PanelMenu from 'resource:///org/gnome/shell/ui/panelMenu.js';

export default class WindowCounter extends Extension {
  #indicator: any = null;
  #label: any = null;
  #badge: any = null;
  #settings: any = null;
  #settingsId = 0;
  #createdId = 0;
  #perWindow = new Map<any, number>();

  override enable(): void {
    this.#settings = this.getSettings();
    this.#settingsId = this.#settings.connect('changed::show-count', () => this.#sync());
    this.#indicator = new PanelMenu.Button(0.0, this.metadata.name, false);
    this.#label = new St.Label({ text: '0' });
    this.#indicator.add_child(this.#label);
    Main.panel.addToStatusArea(this.uuid, this.#indicator);

    this.#createdId = global.display.connect('window-created', (_display: unknown, window: any) => this.#track(window));
    Main.overview.connectObject('showing', () => this.#sync(), this);
    this.#flash();
  }

  override disable(): void {
    global.display.disconnect(this.#createdId);
    Main.overview.disconnectObject(this);
    for (const [window, id] of this.#perWindow) window.disconnect(id);
    this.#perWindow.clear();
    this.#settings.disconnect(this.#settingsId);
    this.#settings = null;
    this.#badge?.destroy();
    this.#badge = null;
    this.#indicator.destroy();
    this.#indicator = null;
    this.#label = null;
  }

  #track(window: any): void {
    this.#perWindow.set(window, window.connect('unmanaged', () => this.#untrack(window)));
    this.#sync();
  }

  #untrack(window: any): void {
    window.disconnect(this.#perWindow.get(window));
    this.#perWindow.delete(window);
    this.#sync();
  }

  #flash(): void {
    this.#badge?.destroy();
    const badge = new St.Label({ text: 'window counter on' });
    badge.connect('notify::mapped', () => console.log('badge shown'));
    Main.layoutManager.addChrome(badge);
    this.#badge = badge;
  }

  #sync(): void {
    const show: boolean = this.#settings?.get_boolean('show-count') ?? true;
    this.#label?.set_text(show ? String(this.#perWindow.size) : '');
  }
}
