// Issue 10's shapes for the two ownership rules, each a leak and its clean twin, in the DOM, Node,
// GObject and slotguard models: lifecycle pairs (the down path ends what the up path connects),
// fresh objects from methods and factories, a component's own DOM in a decorated field, Node's
// built-in modules as process-wide, removal through casts and collections, a free function wiring
// its caller's objects, and fix advice that fits the place.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { Project } from 'ts-morph';
import { createAnalysisContext, findIgnoredConnections, findUnboundClosureSlots } from '../../rules/analysis/index.js';
import { rule as ignored } from '../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../rules/no-unbound-closure-slot.js';
import { lifecyclePairsOption } from '../../rules/lifecycle-option.js';
import { header } from './ownership-cases.js';
import { forTester, presetFixture, typedRuleTester } from './rule-tester.js';

const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));
const node = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));
const gobject = typedRuleTester({ slotguard: { presets: ['slotguard', 'gobject'] } }, presetFixture('gobject'));
const signals = typedRuleTester();

// ---------------------------------------------------------------------------------------------
// Lifecycle pairs (DOM): connectedCallback/disconnectedCallback, hostConnected/hostDisconnected,
// componentDidMount/componentWillUnmount, ngOnInit/ngOnDestroy.
const decorators = `declare function query(selector: string): PropertyDecorator;\ndeclare function queryAll(selector: string): PropertyDecorator;\ndeclare function property(): PropertyDecorator;\n`;

dom.run('lifecycle pairs (dom)', forTester(unbound), {
  valid: [
    // the down method removes what the up method added
    `export class Panel extends HTMLElement {
  readonly #onResize = () => this.layout();
  connectedCallback() { window.addEventListener('resize', this.#onResize); }
  disconnectedCallback() { window.removeEventListener('resize', this.#onResize); }
  layout() {}
}`,
    // …through a method the down method calls
    `export class Panel extends HTMLElement {
  readonly onResize = () => this.layout();
  connectedCallback() { this.listen(); }
  disconnectedCallback() { this.unlisten(); }
  listen() { window.addEventListener('resize', this.onResize); }
  unlisten() { window.removeEventListener('resize', this.onResize); }
  layout() {}
}`,
    // a ReactiveController (lit): hostConnected/hostDisconnected on the document
    `export class KeyController {
  readonly onKey = (e: KeyboardEvent) => this.handle(e);
  hostConnected() { document.addEventListener('keydown', this.onKey); }
  hostDisconnected() { document.removeEventListener('keydown', this.onKey); }
  handle(e: KeyboardEvent) { return e; }
}`,
    // React's class components
    `export class Clock {
  readonly tick = () => this.render();
  componentDidMount() { window.addEventListener('focus', this.tick); }
  componentWillUnmount() { window.removeEventListener('focus', this.tick); }
  render() {}
}`,
    // Angular
    `export class Cmp {
  readonly onScroll = () => this.check();
  ngOnInit() { document.addEventListener('scroll', this.onScroll); }
  ngOnDestroy() { document.removeEventListener('scroll', this.onScroll); }
  check() {}
}`,
    // the up method aborts the previous AbortController in the down method
    `export class Panel extends HTMLElement {
  #abort = new AbortController();
  connectedCallback() { window.addEventListener('resize', () => this.layout(), { signal: this.#abort.signal }); }
  disconnectedCallback() { this.#abort.abort(); }
  layout() {}
}`,
  ],
  invalid: [
    // the down method forgets it
    {
      code: `export class Panel extends HTMLElement {
  readonly onResize = () => this.layout();
  connectedCallback() { window.addEventListener('resize', this.onResize); }
  disconnectedCallback() { this.textContent = ''; }
  layout() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 3 }],
    },
    // removed only when something else happens (a click), not when the element is disconnected
    {
      code: `export class Panel extends HTMLElement {
  readonly onResize = () => this.layout();
  connectedCallback() { window.addEventListener('resize', this.onResize); }
  disconnectedCallback() { this.textContent = ''; }
  onClose() { window.removeEventListener('resize', this.onResize); }
  layout() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 3 }],
    },
    {
      code: `export class KeyController {
  readonly onKey = (e: KeyboardEvent) => this.handle(e);
  hostConnected() { document.addEventListener('keydown', this.onKey); }
  hostDisconnected() {}
  handle(e: KeyboardEvent) { return e; }
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 3 }],
    },
    {
      code: `export class Cmp {
  ngOnInit() { document.addEventListener('scroll', () => this.check()); }
  ngOnDestroy() {}
  check() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 2 }],
    },
  ],
});

/** The findings of both rules on `code` as a file of a preset fixture (the CLI's door: a ts-morph Project). */
function findingsOn(fixture: string, presets: string[], code: string) {
  const project = new Project({ tsConfigFilePath: join(presetFixture(fixture), 'tsconfig.json') });
  const file = project.createSourceFile(join(presetFixture(fixture), 'probe.ts'), code, { overwrite: true });
  const context = createAnalysisContext(project, { presets });
  return [...findUnboundClosureSlots(file, context), ...findIgnoredConnections(file, context)];
}

test('messages name the emitter, its lifetime, the receiver and a fix that fits the place', () => {
  assert.match(unbound.meta.messages.unboundClosureSlot, /\{\{lifetime\}\}.*\{\{fix\}\}/);
  assert.match(ignored.meta.messages.ignoredConnection, /\{\{lifetime\}\}.*\{\{fix\}\}/);
  // a lifecycle class: the fix names the down method
  const [paired, ...more] = findingsOn(
    'dom',
    ['slotguard', 'dom'],
    `export class Panel extends HTMLElement {
  readonly onResize = () => this.layout();
  connectedCallback() { window.addEventListener('resize', this.onResize); }
  disconnectedCallback() {}
  onClose() { window.removeEventListener('resize', this.onResize); }
  layout() {}
}`,
  );
  assert.deepEqual(more, []);
  assert.equal(paired?.data.className, 'Panel');
  assert.equal(paired?.data.emitter, 'window');
  assert.equal(paired?.data.lifetime, 'it lives as long as the program');
  assert.match(paired?.data.fix ?? '', /up path `connectedCallback\(\)`.*ended elsewhere.*remove the same listener in `disconnectedCallback\(\)`/);
  // a free function: no `this` to track, the end goes back to the caller
  const [plain] = findingsOn('node-events', ['slotguard', 'node-events'], `import { EventEmitter } from 'node:events';\nexport function log(source: EventEmitter) { source.on('data', (d: unknown) => console.log(d)); }`);
  assert.equal(plain?.rule, 'no-ignored-connection');
  assert.match(plain?.data.lifetime ?? '', /its caller hands it in/);
  assert.match(plain?.data.fix ?? '', /plain function has nowhere to keep it: return a function that removes the listener to the caller/);
  assert.doesNotMatch(plain?.data.fix ?? '', /this|field/);
  assert.doesNotMatch(plain?.data.fix ?? '', /track/);
  // a class outside any pair: the preset's advice
  const [inClass] = findingsOn('node-events', ['slotguard', 'node-events'], `export class Hook { constructor() { process.on('SIGTERM', () => this.stop()); } stop() {} }`);
  assert.match(inClass?.data.fix ?? '', /off\(event, listener\)/);
});

// ---------------------------------------------------------------------------------------------
// Node: start/stop, open/close; built-in modules are process-wide; fresh objects from methods.
const nodeImports = `import { EventEmitter } from 'node:events';
import cluster from 'node:cluster';
import { spawn } from 'node:child_process';
declare class Redis extends EventEmitter { duplicate(): Redis; }
export const sharedBus = new EventEmitter();
`;
node.run('lifecycle pairs and fresh objects (node-events)', forTester(unbound), {
  valid: [
    nodeImports +
      `export class Service {
  readonly onTerm = () => this.stop();
  start() { process.on('SIGTERM', this.onTerm); }
  stop() { process.off('SIGTERM', this.onTerm); }
}`,
    nodeImports +
      `export class Tap {
  readonly onMessage = (m: unknown) => this.push(m);
  open() { sharedBus.on('message', this.onMessage); }
  close() { this.release(); }
  release() { sharedBus.removeListener('message', this.onMessage); }
  push(m: unknown) { return m; }
}`,
    // redis.duplicate() is a new connection, owned once kept in a field
    nodeImports +
      `export class Subscriber {
  readonly sub: Redis;
  constructor(redis: Redis) { this.sub = redis.duplicate(); this.sub.on('message', () => this.onMessage()); }
  onMessage() {}
}`,
    // a child process spawned by this object
    nodeImports +
      `export class Runner {
  readonly child = spawn('ls');
  constructor() { this.child.on('exit', () => this.done()); }
  done() {}
}`,
  ],
  invalid: [
    {
      code:
        nodeImports +
        `export class Service {
  readonly onTerm = () => this.stop();
  start() { process.on('SIGTERM', this.onTerm); }
  stop() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 8 }],
    },
    {
      code:
        nodeImports +
        `export class Tap {
  readonly onMessage = (m: unknown) => this.push(m);
  open() { sharedBus.on('message', this.onMessage); }
  close() {}
  push(m: unknown) { return m; }
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 8 }],
    },
    // the shared client itself, not a duplicate
    {
      code:
        nodeImports +
        `export class Subscriber {
  constructor(redis: Redis) { redis.on('message', () => this.onMessage()); }
  onMessage() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 7 }],
    },
    // a built-in module is process-wide: in a class, reported like `process`
    {
      code:
        nodeImports +
        `export class Worker {
  constructor() { cluster.on('message', () => this.handle()); }
  handle() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 7 }],
    },
  ],
});

node.run('built-in modules, casts, callers (node-events)', forTester(ignored), {
  valid: [
    // process-level setup in a plain function: a built-in module, like `process`
    nodeImports + `export function setupPrimary() { cluster.on('message', (worker, message) => console.log(worker, message)); }`,
    nodeImports + `import * as os from 'node:os';\nvoid os;\nexport function main() { cluster.on('exit', () => process.exit(1)); }`,
    // the event written with a cast at the add, without at the removal
    nodeImports +
      `export function waitFor(events: EventEmitter, id: string) {
  const name = 'done:' + id;
  const onDone = () => { events.removeListener(name, onDone); };
  events.on(name as any, onDone);
}`,
    // a free function wiring two objects its caller hands in: their relative lifetime is the caller's
    nodeImports +
      `export function forwardErrors(owner: EventEmitter, connection: EventEmitter): void {
  connection.on('error', (error: Error) => { if (owner.listenerCount('error') > 0) owner.emit('error', error); });
}`,
  ],
  invalid: [
    // an imported module singleton that is not a built-in
    {
      code: nodeImports + `export function setup() { sharedBus.on('message', (m: unknown) => console.log(m)); }`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
    // no removal at all: the cast changes nothing
    {
      code:
        nodeImports +
        `export function waitFor(events: EventEmitter, id: string) {
  const onDone = () => console.log(id);
  events.on(('done:' + id) as any, onDone);
}`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
    // the slot keeps nothing of the caller's other objects: one more listener per call
    {
      code: nodeImports + `export function logErrors(connection: EventEmitter): void { connection.on('error', (error: Error) => console.error(error)); }`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
    // a caller passes the module singleton: the wiring is judged by that caller
    {
      code:
        nodeImports +
        `function forwardErrors(owner: EventEmitter, connection: EventEmitter): void {
  connection.on('error', (error: Error) => owner.emit('error', error));
}
export function wire() { forwardErrors(new EventEmitter(), sharedBus); }`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// DOM: fresh animations, the component's own DOM in a decorated field, removal over a collection.
dom.run('fresh objects, own DOM, collections (dom)', forTester(unbound), {
  valid: [
    // el.animate(…) returns a new Animation
    `export class Fader {
  constructor(private readonly host: HTMLElement) {}
  fade() { this.host.animate([{ opacity: 0 }], 200).addEventListener('finish', () => this.done()); }
  done() {}
}`,
    // @query: an element of the component's own shadow DOM
    decorators +
      `export class Menu extends HTMLElement {
  @query('button') button!: HTMLButtonElement;
  connectedCallback() { this.button.addEventListener('click', () => this.toggle()); }
  toggle() {}
}`,
    decorators +
      `export class Menu extends HTMLElement {
  @queryAll('li') items!: NodeListOf<HTMLLIElement>;
  @query('input') input!: HTMLInputElement;
  start() { this.input.addEventListener('input', () => this.filter()); }
  filter() {}
}`,
    // the emitter is put into a list, and the removal runs over the list
    `export class Scroller {
  targets: EventTarget[] = [];
  listen() {
    this.targets.push(window);
    window.addEventListener('scroll', this);
  }
  unlisten() { this.targets.forEach((target) => target.removeEventListener('scroll', this)); this.targets = []; }
  handleEvent() { this.update(); }
  update() {}
}`,
    `export class Scroller {
  targets: EventTarget[] = [];
  readonly onScroll = () => this.update();
  listen() { this.targets.push(document); document.addEventListener('scroll', this.onScroll); }
  unlisten() { for (const target of this.targets) target.removeEventListener('scroll', this.onScroll); }
  update() {}
}`,
  ],
  invalid: [
    // the host element itself, not an animation of it
    {
      code: `export class Fader {
  constructor(private readonly host: HTMLElement) {}
  fade() { this.host.addEventListener('transitionend', () => this.done()); }
  done() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 3 }],
    },
    // a decorated field that is not the component's own DOM (an input property): handed in
    {
      code:
        decorators +
        `export class Menu extends HTMLElement {
  @property() anchor!: HTMLElement;
  connectedCallback() { this.anchor.addEventListener('click', () => this.toggle()); }
  toggle() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 6 }],
    },
    // the removal runs over another list
    {
      code: `export class Scroller {
  targets: EventTarget[] = [];
  others: EventTarget[] = [];
  readonly onScroll = () => this.update();
  listen() { this.targets.push(document); document.addEventListener('scroll', this.onScroll); }
  unlisten() { for (const target of this.others) target.removeEventListener('scroll', this.onScroll); }
  update() {}
}`,
      errors: [{ messageId: 'unboundClosureSlot', line: 5 }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// slotguard signals: constructor/dispose, attach/detach, mount/unmount.
signals.run('lifecycle pairs (slotguard)', forTester(ignored), {
  valid: [
    header +
      `export class Row {
  #conn?: Connection;
  constructor() { this.#conn = bus.changed.connect(render); }
  dispose() { this.#conn?.disconnect(); }
}`,
    header +
      `export class Row {
  #conn?: Connection;
  attach() { this.#conn = bus.changed.connect(render); }
  detach() { this.release(); }
  release() { this.#conn?.disconnect(); }
}`,
    header +
      `export class Row {
  mount() { bus.changed.connect(render); }
  unmount() { bus.changed.disconnect(render); }
}`,
    // a factory method of the program whose summary returns a fresh emitter: not reached through the factory
    header +
      `class Factory { open(): Store { return new Store(); } }
export class Client {
  readonly conn: Store;
  constructor(factory: Factory) { this.conn = factory.open(); this.conn.changed.connect(render); }
}`,
  ],
  invalid: [
    // kept, but ended only in another method that dispose() does not call
    {
      code:
        header +
        `export class Row {
  #conn?: Connection;
  constructor() { this.#conn = bus.changed.connect(render); }
  dispose() {}
  reset() { this.#conn?.disconnect(); }
}`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
    {
      code:
        header +
        `export class Row {
  mount() { bus.changed.connect(render); }
  unmount() {}
  later() { bus.changed.disconnect(render); }
}`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
    // the factory hands out its own shared store: reached through it
    {
      code:
        header +
        `class Factory { readonly shared = new Store(); open(): Store { return this.shared; } }
export class Client {
  readonly conn: Store;
  constructor(factory: Factory) { this.conn = factory.open(); this.conn.changed.connect(render); }
}`,
      errors: [{ messageId: 'ignoredConnection' }],
    },
  ],
});

// ---------------------------------------------------------------------------------------------
// GObject with a user pair (the option): show()/hide() of a class that is not an Extension.
const gi = `import * as Main from 'resource:///org/gnome/shell/ui/main.js';\n`;
gobject.run('lifecycle pairs from the option (gobject)', forTester(ignored), {
  valid: [
    {
      code:
        gi +
        `export class Overlay {
  id = 0;
  show() { this.id = Main.overview.connect('hidden', () => Main.panel.show()); }
  hide() { Main.overview.disconnect(this.id); }
}`,
      options: [{ lifecyclePairs: [{ up: 'show', down: 'hide' }] }],
    },
  ],
  invalid: [
    {
      code:
        gi +
        `export class Overlay {
  id = 0;
  show() { this.id = Main.overview.connect('hidden', () => Main.panel.show()); }
  hide() {}
  reset() { Main.overview.disconnect(this.id); }
}`,
      options: [{ lifecyclePairs: [{ up: 'show', down: 'hide' }] }],
      errors: [{ messageId: 'ignoredConnection', line: 4 }],
    },
  ],
});

test('lifecyclePairs option: pairs are read, bad entries get a clear error', () => {
  assert.deepEqual(lifecyclePairsOption('slotguard/x', undefined), []);
  assert.deepEqual(lifecyclePairsOption('slotguard/x', [{ up: 'show', down: 'hide' }, { up: '*', down: 'teardown', classExtends: 'Widget' }]), [
    { up: 'show', down: 'hide' },
    { up: '*', down: 'teardown', classExtends: 'Widget' },
  ]);
  assert.throws(() => lifecyclePairsOption('slotguard/x', 'start'), /slotguard\/x: the option lifecyclePairs must be an array, got "start".*lifecyclePairs: \[\{ up: 'start', down: 'stop' \}\]/);
  assert.throws(() => lifecyclePairsOption('slotguard/x', [['start', 'stop']]), /lifecyclePairs\[0\] = \["start","stop"\], which is not an object \{ up, down \}/);
  assert.throws(() => lifecyclePairsOption('slotguard/x', [{ up: 'start' }]), /lifecyclePairs\[0\]\.down = undefined: it must be a method name/);
  assert.throws(() => lifecyclePairsOption('slotguard/x', [{ up: 'a b', down: 'stop' }]), /lifecyclePairs\[0\]\.up = "a b"/);
  assert.throws(() => lifecyclePairsOption('slotguard/x', [{ up: 'stop', down: 'stop' }]), /up and down both 'stop'/);
  assert.throws(() => lifecyclePairsOption('slotguard/x', [{ up: 'start', down: 'stop', before: 'x' }]), /lifecyclePairs\[0\]\.before, which is not an option of a pair/);
});
