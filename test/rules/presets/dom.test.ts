// The `dom` preset on browser code (lib.dom): all three rules, one fixture project.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

const tooltip = `export class Tooltip {
  constructor(private readonly host: HTMLElement) {
    host.addEventListener('mouseenter', () => this.show());
  }
  show() {}
}`;
const layout = `export class Layout {
  constructor() {
    window.addEventListener('resize', () => this.relayout());
  }
  relayout() {}
}`;
const shortcuts = `export class Shortcuts {
  attach() {
    document.addEventListener('keydown', (event) => this.onKey(event));
  }
  onKey(event: KeyboardEvent) { return event.key; }
}`;
const mountPoint = `export class App {
  readonly root = document.querySelector<HTMLElement>('#app')!;
  constructor() {
    this.root.addEventListener('click', () => this.go());
  }
  go() {}
}`;
const onLoad = `export class Boot {
  constructor() {
    window.addEventListener('load', () => this.init(), { once: true });
  }
  init() {}
}`;

const onLoadPlain = `const init = () => {};
export class Boot {
  constructor() {
    window.addEventListener('load', init, { once: true });
  }
}`;

const validForBoth = [
  // once: ends when it fires (accepted by default)
  onLoad,
  // added through the constructor parameter, removed through the parameter property it is kept in
  `export class Tooltips {
  constructor(readonly view: { win: Window; dom: HTMLElement }) {
    view.win.addEventListener('resize', this.measure = this.measure.bind(this));
    view.dom.addEventListener('mouseleave', this.leave);
  }
  measure() {}
  readonly leave = () => this.measure();
  destroy() {
    this.view.win.removeEventListener('resize', this.measure);
    this.view.dom.removeEventListener('mouseleave', this.leave);
  }
}`,
  // the same function removed when done
  `export class Layout {
  readonly #onResize = () => this.relayout();
  constructor() { window.addEventListener('resize', this.#onResize); }
  dispose() { window.removeEventListener('resize', this.#onResize); }
  relayout() {}
}`,
  // an AbortController aborted when done
  `export class Tooltip {
  readonly #abort = new AbortController();
  constructor(host: HTMLElement) {
    host.addEventListener('mouseenter', () => this.show(), { signal: this.#abort.signal });
    window.addEventListener('scroll', () => this.hide(), { signal: this.#abort.signal, passive: true });
  }
  dispose() { this.#abort.abort(); }
  show() {}
  hide() {}
}`,
  // an element the class creates itself
  `export class Button {
  readonly el = document.createElement('button');
  constructor() { this.el.addEventListener('click', () => this.press()); }
  press() {}
}`,
  // wired once for the page's life
  `window.addEventListener('error', (event) => console.error(event.error));`,
  `export function installErrorLogger() { window.addEventListener('unhandledrejection', (e) => console.error(e.reason)); }`,
];

tester.run('no-ignored-connection (dom)', forTester(ignored), {
  valid: [
    ...validForBoth,
    { code: onLoadPlain, options: [{ once: 'allow' }] },
    { code: onLoadPlain, options: [{ once: ['load'] }] },
    // one finding per connect call: a closure keeping \`this\` is no-unbound-closure-slot's finding
    tooltip,
    layout,
    shortcuts,
    mountPoint,
    { code: onLoad, options: [{ once: 'report' }] },
    // the listener is kept in a table and removed from there later
    `const listeners = new WeakMap<object, { target: EventTarget; listener: () => void }>();
export function attach(key: object, target: EventTarget, onAbort: () => void) {
  const listener = () => onAbort();
  target.addEventListener('abort', listener, { once: true });
  listeners.set(key, { target, listener });
}
export function detach(key: object) {
  const entry = listeners.get(key);
  entry?.target.removeEventListener('abort', entry.listener);
}`,
  ],
  invalid: [
    // a listener in a local that nothing else uses is as lost as an inline one
    {
      code: `export function attach(target: EventTarget, onAbort: () => void) {
  const listener = () => onAbort();
  target.addEventListener('abort', listener, { once: true });
}`,
      options: [{ once: 'report' }],
      errors: [{ messageId: 'ignoredConnection', line: 3 }],
    },
    { code: onLoadPlain, options: [{ once: 'report' }], errors: [{ messageId: 'ignoredConnection', line: 4 }] },
    { code: onLoadPlain, options: [{ once: ['unload'] }], errors: [{ messageId: 'ignoredConnection', line: 4 }] },
    // removed through a field that holds another object: not the same emitter
    {
      code: `export class Tooltips {
  other?: { win: Window };
  constructor(readonly view: { win: Window }) {
    view.win.addEventListener('resize', measure);
  }
  destroy() { this.other?.win.removeEventListener('resize', measure); }
}
function measure() {}`,
      errors: [{ messageId: 'ignoredConnection', line: 4 }],
    },
    { code: `export function bind(el: HTMLElement) { el.addEventListener('click', () => console.log('clicked')); }`, errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

tester.run('no-unbound-closure-slot (dom)', forTester(unbound), {
  valid: [...validForBoth, `export class Logger { constructor(host: HTMLElement) { host.addEventListener('click', (e) => console.log(e)); } }`],
  invalid: [
    { code: tooltip, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: layout, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: shortcuts, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: mountPoint, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: onLoad, options: [{ once: 'report' }], errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
  ],
});

tester.run('no-dropped-connected-emitter (dom)', forTester(dropped), {
  valid: [
    // a dropped element or image with listeners is garbage, not a leak
    `export function preview(src: string) { const img = new Image(); img.addEventListener('load', () => console.log(img.width)); img.src = src; }`,
    `export function open(url: string) { const ws = new WebSocket(url); ws.addEventListener('message', (e) => console.log(e.data)); ws.close(); }`,
    `export function open(url: string) { const ws = new WebSocket(url); ws.addEventListener('message', (e) => console.log(e.data)); return ws; }`,
  ],
  invalid: [
    {
      // an open socket dropped while its listener is connected keeps receiving
      code: `export function open(url: string) {\n  const ws = new WebSocket(url);\n  ws.addEventListener('message', (e) => console.log(e.data));\n}`,
      // the message names the socket's own release method, not dispose()
      errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'ws', type: 'WebSocket', signals: "'message'", release: 'close' }, suggestions: [] }],
    },
    {
      code: `export function spawn() {\n  const worker = new Worker('task.js');\n  worker.addEventListener('message', (e) => console.log(e.data));\n}`,
      errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'worker', type: 'Worker', signals: "'message'", release: 'terminate' }, suggestions: [] }],
    },
  ],
});
