// The `gobject` preset's shapes (issue 11), each a leak and its clean twin, run in the three ways
// extensions are typed: @girs-style declarations (test/fixtures/presets/gobject-girs), a project's
// own declarations without `emit` (gobject-own), and every `gi://` module typed `any` (gobject-any).
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const imports = `import St from 'gi://St';
import Gio from 'gi://Gio';
import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import * as PanelMenu from 'resource:///org/gnome/shell/ui/panelMenu.js';
import * as PopupMenu from 'resource:///org/gnome/shell/ui/popupMenu.js';
import { ModalDialog } from 'resource:///org/gnome/shell/ui/modalDialog.js';
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
import { ExtensionPreferences } from 'resource:///org/gnome/Shell/Extensions/js/extensions/prefs.js';
void ExtensionPreferences;
void St; void Gio; void Main; void PanelMenu; void PopupMenu; void ModalDialog; void Extension;
`;
/** Line numbers in the cases count from the first line after the imports. */
const IMPORT_LINES = imports.split('\n').length - 1;
const code = (body: string): string => imports + body;
const at = (line: number): number => IMPORT_LINES + line;

interface Twin {
  name: string;
  leak: string;
  /** Line of the finding, counted in `leak` from 1. */
  line: number;
  /**
   * The leaking closure keeps `this`: no-unbound-closure-slot reports the site, and
   * no-ignored-connection stays silent there (one finding per connect call).
   */
  keepsThis?: true;
  clean: string[];
}

/** An object that keeps its ids and disconnects them in its own destroy(): fine if anyone calls it (the module-singleton twins). */
const listTracker = `class Tracker {
  ids: number[] = [];
  constructor() { this.ids.push(Main.overview.connect('showing', () => this.sync())); }
  sync() {}
  destroy() { for (const id of this.ids) Main.overview.disconnect(id); }
}
`;
const idTracker = `class Tracker {
  id = 0;
  count = 0;
  constructor() { this.id = global.display.connect('window-created', () => this.count++); }
  destroy() { global.display.disconnect(this.id); }
}
`;

/** An Extension whose enable() sets `managers` later or together with the connection, and whose disable() may return first. */
const LATER = `    this.id = global.display.connect('closing', () => this.stop());
    void Promise.resolve().then(() => { this.managers = []; });`;
const TOGETHER = `    this.managers = [];
    this.id = global.display.connect('closing', () => this.stop());`;
const GUARD_FIRST = `    if (!this.managers) return;
    global.display.disconnect(this.id);`;
const DISCONNECT_FIRST = `    global.display.disconnect(this.id);
    if (!this.managers) return;`;
const earlyReturn = (enable: string, disable: string): string => `export default class A extends Extension {
  id = 0;
  managers: unknown[] | null = null;
  enable() {
${enable}
  }
  disable() {
${disable}
    this.managers = null;
  }
  stop() {}
}`;

/** An Extension that creates its manager in enable() (static accessor `Ext.manager`); each twin writes its disable(). */
const managedExtension = `class Manager extends PanelMenu.Button {}
export default class Ext extends Extension {
  static current: Ext;
  manager: Manager | null = null;
  list: List | null = null;
  static get manager(): Manager { return Ext.current.manager!; }
  enable() { Ext.current = this; this.manager = new Manager(0, 'manager'); this.list = new List(); }
`;

/** no-ignored-connection: a connection to an emitter the extension does not own, never ended. */
const ignoredTwins: Twin[] = [
  {
    name: 'connect on global.display in enable(), nothing in disable()',
    keepsThis: true,
    leak: `export default class A extends Extension {
  enable() { global.display.connect('window-created', () => this.count++); }
  disable() {}
  count = 0;
}`,
    line: 2,
    clean: [
      `export default class A extends Extension {
  id = 0;
  enable() { this.id = global.display.connect('window-created', () => this.count++); }
  disable() { global.display.disconnect(this.id); }
  count = 0;
}`,
    ],
  },
  {
    name: 'connect_after on a Shell object',
    keepsThis: true,
    leak: `export default class A extends Extension {
  enable() { Main.overview.connect_after('hidden', () => this.sync()); }
  disable() {}
  sync() {}
}`,
    line: 2,
    clean: [
      `export default class A extends Extension {
  ids: number[] = [];
  enable() { this.ids.push(Main.overview.connect_after('hidden', () => this.sync())); }
  disable() { for (const id of this.ids) Main.overview.disconnect(id); this.ids = []; }
  sync() {}
}`,
    ],
  },
  {
    name: 'connectObject tied to the extension (it is never destroyed)',
    keepsThis: true,
    leak: `export default class A extends Extension {
  enable() { Main.panel.connectObject('notify::visible', () => this.sync(), this); }
  disable() {}
  sync() {}
}`,
    line: 2,
    clean: [
      `export default class A extends Extension {
  enable() { Main.panel.connectObject('notify::visible', () => this.sync(), this); }
  disable() { Main.panel.disconnectObject(this); }
  sync() {}
}`,
    ],
  },
  {
    name: 'the enable path goes through a method; a handler id kept in a field, ended only when a window closes',
    keepsThis: true,
    leak: `export default class A extends Extension {
  created = 0;
  perWindow = new Map<any, number>();
  enable() { this.created = global.display.connect('window-created', (_d: any, w: any) => this.track(w)); }
  disable() { global.display.disconnect(this.created); }
  track(w: any) { this.perWindow.set(w, w.connect('unmanaged', () => this.untrack(w))); }
  untrack(w: any) { w.disconnect(this.perWindow.get(w)); this.perWindow.delete(w); }
}`,
    line: 6,
    clean: [
      `export default class A extends Extension {
  created = 0;
  perWindow = new Map<any, number>();
  enable() { this.created = global.display.connect('window-created', (_d: any, w: any) => this.track(w)); }
  disable() { global.display.disconnect(this.created); this.untrackAll(); }
  track(w: any) { this.perWindow.set(w, w.connect('unmanaged', () => this.untrack(w))); }
  untrack(w: any) { w.disconnect(this.perWindow.get(w)); this.perWindow.delete(w); }
  untrackAll() { for (const [w, id] of this.perWindow) w.disconnect(id); this.perWindow.clear(); }
}`,
    ],
  },
  {
    name: 'a connection made inside disable() stays connected while disabled',
    leak: `export default class A extends Extension {
  id = 0;
  enable() { Main.panel.hide(); }
  disable() { this.id = Main.overview.connect('hidden', () => Main.panel.show()); }
}`,
    line: 4,
    clean: [
      `export default class A extends Extension {
  id = 0;
  enable() { this.id = Main.overview.connect('hidden', () => Main.panel.show()); }
  disable() { Main.overview.disconnect(this.id); }
}`,
    ],
  },
  {
    name: 'module-level enable()/disable() (GNOME 3.x extensions)',
    leak: `let id = 0;
export function enable() { id = global.display.connect('restacked', () => Main.panel.show()); }
export function disable() { Main.panel.hide(); }`,
    line: 2,
    clean: [
      `let id = 0;
export function enable() { id = global.display.connect('restacked', () => Main.panel.show()); }
export function disable() { global.display.disconnect(id); }`,
    ],
  },
  {
    name: 'settings from getSettings(), a handler ended by a `destroy` handler of the widget that made it',
    keepsThis: true,
    leak: `export class Indicator extends PanelMenu.Button {
  watch(settings: Gio.Settings) { settings.connect('changed::visible', () => this.sync()); }
  sync() {}
}`,
    line: 2,
    clean: [
      `export class Indicator extends PanelMenu.Button {
  id = 0;
  watch(settings: Gio.Settings) {
    this.id = settings.connect('changed::visible', () => this.sync());
    this.connect('destroy', () => settings.disconnect(this.id));
  }
  sync() {}
}`,
    ],
  },
  {
    name: 'a `destroy` handler on a foreign actor that does not disconnect (it keeps this object until the actor goes)',
    keepsThis: true,
    leak: `export class Watcher extends PanelMenu.Button {
  items: St.Widget[] = [];
  watch(actor: St.Widget) { actor.connect('destroy', () => { this.items.splice(this.items.indexOf(actor), 1); }); }
}`,
    line: 3,
    clean: [
      `export class Handle extends PanelMenu.Button {
  id = 0;
  target: St.Widget | null = null;
  watch(actor: St.Widget) { this.target = actor; actor.connect('destroy', () => this.stop()); }
  stop() { this.target?.disconnect(this.id); }
}`,
      `export class Handle extends PanelMenu.Button {
  watch(actor: St.Widget, id: number) { actor.connect('destroy', () => actor.disconnect(id)); }
}`,
    ],
  },
  {
    name: 'a window parameter outside preferences code',
    keepsThis: true,
    leak: `export class Tracker extends PanelMenu.Button {
  follow(window: St.Widget) { window.connect('notify::title', () => this.sync()); }
  sync() {}
}`,
    line: 2,
    clean: [
      `export default class Prefs extends ExtensionPreferences {
  fillPreferencesWindow(window: St.Widget) {
    window.connect('close-request', () => this.cleanup());
    this.addChooser(window);
    return Promise.resolve();
  }
  addChooser(window: St.Widget) { window.connect('map', () => this.cleanup()); }
  cleanup() {}
}`,
    ],
  },
  {
    name: "a widget's connection to global.stage kept in a field but not ended by its destroy handler",
    keepsThis: true,
    leak: `export class Indicator extends PanelMenu.Button {
  keyId = 0;
  constructor() { super(0, 'indicator'); this.connect('destroy', this._onDestroy.bind(this)); }
  edit() { this.keyId = global.stage.connect_after('key-press-event', () => this.stopEditing()); }
  stopEditing() { global.stage.disconnect(this.keyId); }
  _onDestroy() {}
}`,
    line: 4,
    clean: [
      `export class Indicator extends PanelMenu.Button {
  keyId = 0;
  constructor() { super(0, 'indicator'); this.connect('destroy', this._onDestroy.bind(this)); }
  edit() { this.keyId = global.stage.connect_after('key-press-event', () => this.stopEditing()); }
  stopEditing() { global.stage.disconnect(this.keyId); }
  _onDestroy() { this.stopEditing(); }
}`,
    ],
  },
  {
    name: 'a method handed an emitter by its callers: global.stage is longer-lived (the caller is named)',
    keepsThis: true,
    leak: `export class List extends PanelMenu.Button {
  constructor() { super(0, 'list'); this.makeDraggable(global.stage); }
  makeDraggable(actor: St.Widget) { actor.connect('event', () => this.sync()); }
  sync() {}
}`,
    line: 3,
    clean: [
      // every caller passes this list's own child (from its own child-added signal) or its own field
      `export class List extends PanelMenu.Button {
  box = new St.BoxLayout();
  constructor() {
    super(0, 'list');
    this.connect('child-added', (_l: unknown, actor: St.Widget) => this.makeDraggable(actor));
    this.makeDraggable(this.box);
  }
  makeDraggable(actor: St.Widget) { actor.connect('event', () => this.sync()); }
  sync() {}
}`,
    ],
  },
  {
    name: 'an arrow function in a field handed an emitter by its callers',
    keepsThis: true,
    leak: `export class Panel extends PanelMenu.Button {
  follow = (w: St.Widget) => { w.connect('notify::visible', () => this.sync()); };
  constructor() { super(0, 'panel'); this.follow(Main.panel); }
  sync() {}
}`,
    line: 2,
    clean: [
      `export class Panel extends PanelMenu.Button {
  follow = (w: St.Widget) => { w.connect('notify::visible', () => this.sync()); };
  constructor() { super(0, 'panel'); const label = new St.Label(); this.add_child(label); this.follow(label); }
  sync() {}
}`,
    ],
  },
  {
    name: 'an arrow function in a variable handed a Shell object (its caller passes Main.panel)',
    leak: `export function decorate(indicator: St.Widget) {
  const watch = (actor: St.Widget) => { actor.connect('notify::visible', () => indicator.hide()); };
  watch(Main.panel);
}`,
    line: 2,
    clean: [
      `export function decorate(indicator: St.Widget) {
  const watch = (actor: St.Widget) => { actor.connect('notify::visible', () => indicator.hide()); };
  const label = new St.Label();
  watch(label);
  indicator.add_child(label);
}`,
    ],
  },
  {
    name: 'disable() returns early, before the disconnect, on a guard the enable path sets later (in a callback)',
    keepsThis: true,
    leak: earlyReturn(LATER, GUARD_FIRST),
    line: 5,
    clean: [
      // the guard tests what enable() sets together with the connection: nothing was enabled
      earlyReturn(TOGETHER, GUARD_FIRST),
      // the disconnect comes before the early return
      earlyReturn(LATER, DISCONNECT_FIRST),
    ],
  },
  {
    name: 'module-level disable() returns early before the disconnect',
    leak: `let id = 0;
let modules: unknown[] | undefined;
export function enable() {
  id = global.display.connect('closing', () => Main.panel.show());
  void Promise.resolve().then(() => { modules = []; });
}
export function disable() {
  if (!modules) return;
  global.display.disconnect(id);
}`,
    line: 4,
    clean: [
      `let id = 0;
let modules: unknown[] | undefined;
export function enable() {
  id = global.display.connect('closing', () => Main.panel.show());
  void Promise.resolve().then(() => { modules = []; });
}
export function disable() {
  global.display.disconnect(id);
  if (!modules) return;
  modules = undefined;
}`,
    ],
  },
  {
    name: "a widget's connection to the extension's manager, which disable() drops without destroying",
    keepsThis: true,
    leak: `${managedExtension}  disable() { this.list?.destroy(); this.manager = null; }
}
class List extends St.Widget {
  constructor() { super(); Ext.manager.connect('notify::visible', () => this.sync()); }
  sync() {}
}`,
    line: 11,
    clean: [
      // disable() destroys the manager: the connection ends with it
      `${managedExtension}  disable() { this.list?.destroy(); this.manager?.destroy(); this.manager = null; }
}
class List extends St.Widget {
  readonly manager = Ext.manager;
  constructor() { super(); this.manager.connect('notify::visible', () => this.sync()); }
  sync() {}
}`,
    ],
  },
  {
    name: 'a module singleton that enable() creates and disable() only nulls: its own destroy() never runs',
    keepsThis: true,
    leak: `${idTracker}let tracker: Tracker | null = null;
export function enable() { tracker = new Tracker(); }
export function disable() { tracker = null; }`,
    line: 4,
    clean: [
      `${idTracker}let tracker: Tracker | null = null;
export function enable() { tracker = new Tracker(); }
export function disable() { tracker?.destroy(); tracker = null; }`,
    ],
  },
  {
    name: "an object the Extension class keeps in a field and disable() never destroys",
    keepsThis: true,
    leak: `${listTracker}export default class Ext extends Extension {
  tracker: Tracker | null = null;
  enable() { this.tracker = new Tracker(); }
  disable() { this.tracker = null; }
}`,
    line: 3,
    clean: [
      `${listTracker}export default class Ext extends Extension {
  tracker: Tracker | null = null;
  enable() { this.tracker = new Tracker(); }
  disable() { this.tracker?.destroy(); this.tracker = null; }
}`,
      // handed to a container that may own it: not judged
      `${listTracker}export default class Ext extends Extension {
  tracker: Tracker | null = null;
  box: St.BoxLayout | null = null;
  enable() { this.tracker = new Tracker(); this.box = new St.BoxLayout(); this.box.add_child(this.tracker as never); }
  disable() { this.box?.destroy(); this.box = null; }
}`,
    ],
  },
];

/** Clean code that used to be judged foreign: fresh widgets from static constructors, parented ones. */
const ignoredClean = [
  `export class Row extends PanelMenu.Button {
  build(label: string) {
    const button = St.Button.new_with_label(label);
    button.connect('clicked', () => this.activate());
    this.add_child(button);
  }
  activate() {}
}`,
  `export function buildPage() {
  const settings = Gio.Settings.new('org.example');
  settings.connect('changed', () => console.log('changed'));
  return settings;
}`,
  `export class Box extends PanelMenu.Button {
  build() {
    const label = St.Label.new('');
    label.connect('notify::text', () => this.sync());
    const box = new St.BoxLayout();
    box.add_child(label);
    this.add_child(box);
  }
  sync() {}
}`,
];

/** no-dropped-connected-emitter: a fresh, connected actor dropped without destroy(). */
const droppedTwins: Twin[] = [
  {
    name: 'a widget from a static constructor, connected and dropped',
    leak: `export function flash() {
  const widget = St.Widget.new();
  widget.connect('notify::opacity', () => console.log('fading'));
}`,
    line: 2,
    clean: [
      `export function flash() {
  const widget = St.Widget.new();
  widget.connect('notify::opacity', () => console.log('fading'));
  widget.destroy();
}`,
    ],
  },
  {
    name: 'a Shell actor added to a global container and dropped',
    leak: `export function showBadge() {
  const badge = new St.Label({ text: '1' });
  badge.connect('button-press-event', () => console.log('pressed'));
  Main.layoutManager.addChrome(badge);
}`,
    line: 2,
    clean: [
      `export class Badge extends PanelMenu.Button {
  build() {
    const badge = new St.Label({ text: '1' });
    badge.connect('button-press-event', () => console.log('pressed'));
    this.add_child(badge);
  }
}`,
      `export function showBadge() {
  const badge = new St.Label({ text: '1' });
  badge.connect('button-press-event', () => console.log('pressed'));
  Main.layoutManager.addChrome(badge);
  return badge;
}`,
    ],
  },
  {
    name: 'a modal dialog from resource:///org/gnome/shell/ui, connected, in Main.uiGroup, dropped',
    leak: `export function ask() {
  const dialog = new ModalDialog({});
  dialog.connect('closed', () => console.log('closed'));
  Main.uiGroup.add_child(dialog);
}`,
    line: 2,
    clean: [
      `export function ask() {
  const dialog = new ModalDialog({});
  dialog.connect('closed', () => console.log('closed'));
  Main.uiGroup.add_child(dialog);
  dialog.destroy();
}`,
    ],
  },
  {
    name: 'a popup menu, connected and dropped',
    leak: `export function menuFor(source: St.Widget) {
  const menu = new PopupMenu.PopupMenu(source, 0.5, 0);
  menu.connect('open-state-changed', () => console.log('toggled'));
}`,
    line: 2,
    clean: [
      `export class Owner extends PanelMenu.Button {
  menu: PopupMenu.PopupMenu | null = null;
  menuFor(source: St.Widget) {
    const menu = new PopupMenu.PopupMenu(source, 0.5, 0);
    menu.connect('open-state-changed', () => console.log('toggled'));
    this.menu = menu;
  }
}`,
    ],
  },
  {
    name: 'a class extending a class of an unresolved import, connected and dropped',
    leak: `// @ts-expect-error: the module has no types here
import Adw from 'gi://Adw';
class Row extends Adw.ActionRow {}
export function addRow() {
  const row = new Row();
  row.connect('activated', () => console.log('activated'));
}`,
    line: 5,
    clean: [
      `// @ts-expect-error: the module has no types here
import Adw from 'gi://Adw';
class Row extends Adw.ActionRow {}
export function addRow(group: any) {
  const row = new Row();
  row.connect('activated', () => console.log('activated'));
  group.add(row);
}`,
    ],
  },
];

for (const style of ['gobject-girs', 'gobject-own', 'gobject-any']) {
  const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'gobject'] } }, presetFixture(style));
  tester.run(`no-ignored-connection, GNOME shapes (${style})`, forTester(ignored), {
    valid: [...ignoredTwins.flatMap((twin) => (twin.keepsThis ? [...twin.clean, twin.leak] : twin.clean)), ...ignoredClean].map(code),
    invalid: ignoredTwins.filter((twin) => !twin.keepsThis).map((twin) => ({ name: twin.name, code: code(twin.leak), errors: [{ messageId: 'ignoredConnection', line: at(twin.line) }] })),
  });
  tester.run(`no-unbound-closure-slot, GNOME shapes (${style})`, forTester(unbound), {
    valid: ignoredTwins.filter((twin) => twin.keepsThis).flatMap((twin) => twin.clean).map(code),
    invalid: ignoredTwins.filter((twin) => twin.keepsThis).map((twin) => ({ name: twin.name, code: code(twin.leak), errors: [{ messageId: 'unboundClosureSlot', line: at(twin.line) }] })),
  });
  tester.run(`no-dropped-connected-emitter, GNOME shapes (${style})`, forTester(dropped), {
    valid: droppedTwins.flatMap((twin) => twin.clean).map(code),
    invalid: droppedTwins.map((twin) => ({ name: twin.name, code: code(twin.leak), errors: [{ messageId: 'droppedAtScopeEnd', line: at(twin.line), suggestions: [] }] })),
  });
}
