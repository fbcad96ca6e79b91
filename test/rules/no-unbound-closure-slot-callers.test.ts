// Parameter lifetimes from the callers (caller-lifetimes.ts): a helper handed an object by the
// class that owns it shares that lifetime; one handed a singleton, a global, an injected service or
// its parent does not, and the finding names that caller.
import { rule as ignored } from '../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../rules/no-unbound-closure-slot.js';
import { header } from './ownership-cases.js';
import { forTester, presetFixture, typedRuleTester } from './rule-tester.js';

const hover = `class Hover { constructor(el: Store) { el.changed.connect(() => this.show()); } show() {} }\n`;
const helperOfHost = `class Helper { constructor(private readonly host: Store) { host.changed.connect(() => this.sync()); } sync() {} }\n`;

typedRuleTester().run('no-unbound-closure-slot (callers)', forTester(unbound), {
  valid: [
    // created by the class that owns the emitter, with its own field
    header + hover + `export class Card extends SignalObject { readonly el = new Store(); readonly hover = new Hover(this.el); }`,
    header + hover + `export class Card extends SignalObject { readonly el = new Store(); hover?: Hover; constructor() { super(); this.hover = new Hover(this.el); } }`,
    // created with `this` itself (a controller of its host), in a field initializer or a method
    header + helperOfHost + `export class Host extends Store { readonly helper = new Helper(this); }`,
    header + helperOfHost + `export class Host extends Store { helper?: Helper; start() { this.helper = new Helper(this); } }`,
    // a fresh local handed over in a free function
    header + hover + `export function preview() { const s = new Store(); return new Hover(s); }`,
  ],
  invalid: [
    // a module singleton: reported, with the caller named
    {
      code: header + hover + `export function createPanel() { return new Hover(bus); }`,
      errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }],
    },
    // an injected service of the caller
    {
      code: header + hover + `export class Page extends SignalObject { readonly store = inject(Store); readonly hover = new Hover(this.store); }`,
      errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }],
    },
    // one good caller and one violating caller: the violation wins
    {
      code: header + helperOfHost + `export class Host extends Store { readonly helper = new Helper(this); }\nexport const global = new Helper(bus);`,
      errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }],
    },
    // no caller in the program: the parameter still outlives the receiver
    { code: header + hover, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
  ],
});

typedRuleTester().run('no-ignored-connection (callers)', forTester(ignored), {
  valid: [header + `class Log { constructor(s: Store) { s.changed.connect(render); } }\nexport class Owner extends SignalObject { readonly s = new Store(); readonly log = new Log(this.s); }`],
  invalid: [
    {
      code: header + `class Log { constructor(s: Store) { s.changed.connect(render); } }\nexport function main() { return new Log(bus); }`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
  ],
});

// The DOM model: a pointer helper created per element by the component owning the element.
const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));
const pointer = `class PointerHandler { constructor(el: HTMLElement) { el.addEventListener('pointerdown', () => this.down()); } down() {} }\n`;
dom.run('no-unbound-closure-slot (callers, dom)', forTester(unbound), {
  valid: [pointer + `export class Slider { readonly element = document.createElement('div'); readonly pointer = new PointerHandler(this.element); }`],
  invalid: [
    { code: pointer + `export function install() { return new PointerHandler(document.body); }`, errors: [{ messageId: 'unboundClosureSlot' }] },
  ],
});
