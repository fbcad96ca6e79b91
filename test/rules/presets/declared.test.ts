// User-declared emitter models from settings (docs/presets.md): an id-returning event bus and a
// store whose watch() returns a disposer. All three rules, one fixture project.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const presets = [
  'slotguard',
  { name: 'event-bus', connect: ['subscribe'], handle: 'id', disconnect: ['unsubscribe'], disposeMethods: ['clear'], types: ['EventBus'] },
  { name: 'store', connect: ['watch'], handle: 'disposer', types: ['Store'] },
];
const tester = typedRuleTester({ slotguard: { presets } }, presetFixture('declared'));
const imports = `import { bus, EventBus, Store } from './bus.js';\n`;
const code = (body: string) => imports + body;

const savedBadge = code(`export class SavedBadge {
  constructor(private readonly events: EventBus) {
    events.subscribe('saved', () => this.flash());
  }
  flash() {}
}`);
const counter = code(`export class Counter {
  total = 0;
  constructor(store: Store<number>) {
    store.watch((value) => { this.total += value; });
  }
}`);
const singleton = code(`export class Toast {
  show() { bus.subscribe('error', (e) => this.render(e)); }
  render(e: unknown) { return e; }
}`);

const validForBoth = [
  code(`export class SavedBadge {
  #id = 0;
  constructor(private readonly events: EventBus) { this.#id = events.subscribe('saved', () => this.flash()); }
  dispose() { this.events.unsubscribe(this.#id); }
  flash() {}
}`),
  code(`export class Counter {
  total = 0;
  readonly #stop: () => void;
  constructor(store: Store<number>) { this.#stop = store.watch((value) => { this.total += value; }); }
  dispose() { this.#stop(); }
}`),
  code(`export function follow(store: Store<number>) { const stop = store.watch((v) => console.log(v)); return stop; }`),
  code(`export class Owner { readonly events = new EventBus(); constructor() { this.events.subscribe('x', () => this.y()); } y() {} }`),
];

tester.run('no-ignored-connection (declared models)', forTester(ignored), {
  // one finding per connect call: these closures keep `this`, no-unbound-closure-slot reports them
  valid: [...validForBoth, savedBadge, counter, singleton],
  invalid: [
    { code: code(`export function log(events: EventBus) { events.subscribe('saved', (p) => console.log(p)); }`), errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

tester.run('no-unbound-closure-slot (declared models)', forTester(unbound), {
  valid: validForBoth,
  invalid: [
    { code: savedBadge, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: counter, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: singleton, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
  ],
});

tester.run('no-dropped-connected-emitter (declared models)', forTester(dropped), {
  valid: [
    code(`export function once() { const b = new EventBus(); b.subscribe('x', () => {}); b.clear(); }`),
    code(`export function make() { const b = new EventBus(); b.subscribe('x', () => {}); return b; }`),
  ],
  invalid: [
    {
      code: code(`export function once() {\n  const b = new EventBus();\n  b.subscribe('x', () => {});\n}`),
      errors: [{ messageId: 'droppedAtScopeEnd', suggestions: [] }],
    },
  ],
});
