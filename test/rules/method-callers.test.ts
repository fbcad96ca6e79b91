// Parameter lifetimes from the callers, for methods and arrow functions (caller-lifetimes.ts): a
// method or arrow handed an emitter by callers that pass what they own is not judged; one caller
// passing a singleton is named in the message; a method also used as a value (`this.m.bind(this)`,
// a callback) has callers nobody sees and keeps the parameter's meaning (longer-lived).
import { rule as unbound } from '../../rules/no-unbound-closure-slot.js';
import { header } from './ownership-cases.js';
import { forTester, presetFixture, typedRuleTester } from './rule-tester.js';

const method = `  watch(s: Store) { s.changed.connect(() => this.sync()); }\n  sync() {}\n`;
const arrowField = `  watch = (s: Store) => { s.changed.connect(() => this.sync()); };\n  sync() {}\n`;

typedRuleTester().run('no-unbound-closure-slot (method and arrow callers)', forTester(unbound), {
  valid: [
    // every caller passes the class's own store, or a store its own signal hands out
    header + `export class Card {\n  readonly own = new Store();\n  constructor() { this.watch(this.own); }\n${method}}`,
    header + `export class Card {\n  readonly own = new Store();\n  constructor() { this.watch(this.own); }\n${arrowField}}`,
    header + `export class Card extends SignalObject {\n  readonly picked = new Signal<[s: Store]>(this, 'picked');\n  constructor() { super(); this.picked.connect(this, (s) => this.watch(s)); }\n${method}}`,
    // a caller in another class, on an instance it created
    header + `class Card extends SignalObject {\n${method}}\nexport class Deck extends SignalObject { readonly card = new Card(); readonly s = new Store(); constructor() { super(); this.card.watch(this.s); } }`,
    // an arrow function in a local variable, handed a fresh store
    header + `export function preview() { const watch = (s: Store) => { s.changed.connect(() => render()); }; const fresh = new Store(); watch(fresh); return fresh; }`,
  ],
  invalid: [
    {
      // one caller passes the module singleton: reported, and the caller named
      code: header + `export class Card {\n  readonly own = new Store();\n  constructor() { this.watch(this.own); this.watch(bus); }\n${method}}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 16 }],
    },
    {
      code: header + `export class Card {\n  constructor() { this.watch(bus); }\n${arrowField}}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 15 }],
    },
    {
      // also used as a value: its callers are not all in sight
      code: header + `export class Card {\n  readonly own = new Store();\n  readonly later = this.watch.bind(this);\n  constructor() { this.watch(this.own); }\n${method}}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 17 }],
    },
    {
      // a value handed out by a singleton's signal lives as the singleton does
      code: header + `class Picker extends SignalObject { readonly picked = new Signal<[s: Store]>(this, 'picked'); }\nconst picker = new Picker();\nexport class Card {\n  constructor() { picker.picked.connect(this, (s) => this.watch(s)); }\n${method}}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 17 }],
    },
  ],
});

// The DOM model: a listener helper method handed the component's own element, or `document`.
const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));
const bindPointer = `  bind(el: HTMLElement) { el.addEventListener('pointerdown', () => this.down()); }\n  down() {}\n`;
dom.run('no-unbound-closure-slot (method callers, dom)', forTester(unbound), {
  valid: [`export class Slider {\n  readonly element = document.createElement('div');\n  constructor() { this.bind(this.element); }\n${bindPointer}}`],
  invalid: [{ code: `export class Slider {\n  constructor() { this.bind(document.body); }\n${bindPointer}}`, errors: [{ messageId: 'unboundClosureSlot', line: 3 }] }],
});
