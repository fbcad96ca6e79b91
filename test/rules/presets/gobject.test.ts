// The `gobject` preset on GNOME Shell extension code, where the `gi://` and `resource:///` modules
// and `global` are typed `any` (recognition by shape), plus a typed binding for the dropped rule.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'gobject'] } }, presetFixture('gobject'));
const imports = `import St from 'gi://St';
import * as Main from 'resource:///org/gnome/shell/ui/main.js';
import * as PanelMenu from 'resource:///org/gnome/shell/ui/panelMenu.js';
import { Extension } from 'resource:///org/gnome/shell/extensions/extension.js';
`;
const code = (body: string) => imports + body;

const windowTracker = code(`export default class WindowTracker extends Extension {
  enable() {
    global.display.connect('window-created', (_display: unknown, window: unknown) => this._onWindow(window));
  }
  _onWindow(window: unknown) { return window; }
}`);
const overviewHider = code(`export default class OverviewHider extends Extension {
  enable() {
    Main.overview.connect('showing', () => this._hide());
  }
  _hide() {}
}`);
const tiedWithoutDisconnect = code(`export default class PanelSync extends Extension {
  enable() {
    Main.panel.connectObject('notify::visible', () => this._sync(), this);
  }
  _sync() {}
}`);

const validForBoth = [
  // the handler id kept and disconnected in disable()
  code(`export default class WindowTracker extends Extension {
  _id = 0;
  enable() { this._id = global.display.connect('window-created', () => this._count++); }
  disable() { global.display.disconnect(this._id); }
  _count = 0;
}`),
  // ids collected in a list
  code(`export default class Hider extends Extension {
  _ids: number[] = [];
  enable() {
    this._ids.push(Main.overview.connect('showing', () => this._hide()));
    this._ids.push(Main.overview.connect_after('hidden', () => this._show()));
  }
  disable() { for (const id of this._ids) Main.overview.disconnect(id); this._ids = []; }
  _hide() {}
  _show() {}
}`),
  // connectObject with disconnectObject(this)
  code(`export default class PanelSync extends Extension {
  enable() { Main.panel.connectObject('notify::visible', () => this._sync(), 'notify::height', () => this._sync(), this); }
  disable() { Main.panel.disconnectObject(this); }
  _sync() {}
}`),
  // connectObject tied to a destroyable widget (an indicator destroyed with its actor)
  code(`export class Indicator extends PanelMenu.Button {
  _init() { Main.overview.connectObject('showing', () => this._update(), this); }
  _update() {}
}`),
  // an object the class creates and keeps
  code(`export default class Clock extends Extension {
  _label: any = null;
  enable() {
    this._label = new St.Label({ text: '' });
    this._label.connect('destroy', () => { this._label = null; });
  }
}`),
  // GNOME 3.x module style: ids kept at module level, the emitter a module singleton
  code(`let showId = 0;
export function enable() { showId = Main.overview.connect('showing', () => Main.panel.hide()); }
export function disable() { Main.overview.disconnect(showId); }`),
];

tester.run('no-ignored-connection (gobject)', forTester(ignored), {
  valid: [...validForBoth, windowTracker, overviewHider, tiedWithoutDisconnect],
  invalid: [
    { code: code(`export function followSettings(settings: any) { settings.connect('changed::interval', () => console.log('changed')); }`), errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

tester.run('no-unbound-closure-slot (gobject)', forTester(unbound), {
  valid: [...validForBoth, code(`export default class Logger extends Extension { enable() { global.display.connect('restacked', () => console.log('restacked')); } }`)],
  invalid: [
    { code: windowTracker, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: overviewHider, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: tiedWithoutDisconnect, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
  ],
});

tester.run('no-dropped-connected-emitter (gobject)', forTester(dropped), {
  valid: [
    `import Clutter from 'gi://Clutter';\nexport function flash() { const a = new Clutter.Actor(); a.connect('destroy', () => console.log('gone')); a.destroy(); }`,
    `import Clutter from 'gi://Clutter';\nexport function make() { const a = new Clutter.Actor(); a.connect('destroy', () => console.log('gone')); return a; }`,
  ],
  invalid: [
    {
      code: `import Clutter from 'gi://Clutter';\nexport function flash() {\n  const a = new Clutter.Actor();\n  a.connect('notify::opacity', () => console.log('fading'));\n}`,
      errors: [{ messageId: 'droppedAtScopeEnd', suggestions: [] }],
    },
  ],
});
