// LEAKY: a panel indicator counting the windows of the session, refreshed when the overview opens
// and when a setting changes. Each numbered comment is a leak an extension reviewer rejects: after
// disable() (every screen lock) the handlers stay connected to Shell objects that outlive the
// extension, keep the old extension object alive, and keep running; each enable() adds a set.
import St from 'gi://St';
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import * as PanelMenu from 'resource:///org/gnome/shell/ui/panelMenu.js';

export default class WindowCounter extends Extension {
  #indicator: any = null;
  #label: any = null;
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
    // 1. the handler id is dropped: disable() cannot disconnect it
    Main.overview.connect('showing', () => this.#sync());
    this.#flash();
  }

  override disable(): void {
    global.display.disconnect(this.#createdId);
    this.#settings.disconnect(this.#settingsId);
    this.#settings = null;
    this.#indicator.destroy();
    this.#indicator = null;
    this.#label = null;
  }

  #track(window: any): void {
    // 2. kept, but disconnected only when the window closes: windows open at disable() keep it
    this.#perWindow.set(window, window.connect('unmanaged', () => this.#untrack(window)));
    this.#sync();
  }

  #untrack(window: any): void {
    window.disconnect(this.#perWindow.get(window));
    this.#perWindow.delete(window);
    this.#sync();
  }

  #flash(): void {
    // 3. a Shell actor put into a Shell-wide container and dropped: nothing ever destroys it
    const badge = new St.Label({ text: 'window counter on' });
    badge.connect('notify::mapped', () => console.log('badge shown'));
    Main.layoutManager.addChrome(badge);
  }

  #sync(): void {
    const show: boolean = this.#settings?.get_boolean('show-count') ?? true;
    this.#label?.set_text(show ? String(this.#perWindow.size) : '');
  }
}
