// Issue 12's DOM mutation shapes: an observer this object owns that the page keeps observing (a
// PerformanceObserver on the timeline, an observer of `document`), started on an up path and not
// ended on the down path; and a function that returns its disposer, whose disposer must end the
// listener it added to a global. Leak and clean twins, several variants.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

/** A Lit-style controller: `hostConnected` observes, `hostDisconnected` ends (or not). */
const controller = (make: string, observe: string, down: string) => `export class Controller {
  private observer: ${make.slice(4, make.indexOf('('))};
  value: unknown;
  constructor(private readonly config: PerformanceObserverInit) {
    this.observer = ${make};
  }
  hostConnected() { this.observe(); }
  hostDisconnected() { ${down} }
  observe() { ${observe}; }
  disconnect() { this.observer.disconnect(); }
}`;
const performance = 'new PerformanceObserver((list) => { this.value = list.getEntries(); })';
const mutation = 'new MutationObserver((records) => { this.value = records; })';
const resize = 'new ResizeObserver((entries) => { this.value = entries; })';

/** A function handing back the remover of the window listener it adds. */
const subscribe = (remove: string) => `export function preventErrors() {
  const listener = (ev: ErrorEvent) => { if (ev.message.startsWith('ResizeObserver')) ev.preventDefault(); };
  const remove = () => ${remove};
  window.addEventListener('error', listener);
  return remove;
}`;

const observationError = (down: string, type = 'PerformanceObserver') => ({ messageId: 'observationNeverEnded' as const, data: { emitter: 'this.observer', type, signal: 'observe', where: ` on the down path \`${down}()\``, owner: '`Controller`', end: 'disconnect', fixWhere: `in \`${down}()\`` } });

tester.run('no-ignored-connection: an observer the page keeps', forTester(ignored), {
  valid: [
    controller(performance, 'this.observer.observe(this.config)', 'this.disconnect();'),
    controller(performance, 'this.observer.observe({ entryTypes: ["mark"] })', 'this.observer.disconnect();'),
    controller(mutation, 'this.observer.observe(document.body, { childList: true })', 'this.disconnect();'),
    // an observer of an element this object was handed lives and dies with that element: not the page's
    `export class Sizer {\n  private observer = new ResizeObserver(() => this.layout());\n  constructor(private readonly el: HTMLElement) {}\n  hostConnected() { this.observer.observe(this.el); }\n  hostDisconnected() {}\n  layout() {}\n}`,
    // a class without a lifecycle that disconnects it somewhere
    `export class Marks {\n  private observer = new PerformanceObserver(() => this.count++);\n  count = 0;\n  start() { this.observer.observe({ entryTypes: ['mark'] }); }\n  dispose() { this.observer.disconnect(); }\n}`,
  ],
  invalid: [
    { code: controller(performance, 'this.observer.observe(this.config)', ''), errors: [observationError('hostDisconnected')] },
    { code: controller(performance, 'this.observer.observe({ entryTypes: ["mark"] })', 'void 0;'), errors: [observationError('hostDisconnected')] },
    { code: controller(mutation, 'this.observer.observe(document.body, { childList: true })', ''), errors: [observationError('hostDisconnected', 'MutationObserver')] },
    { code: controller(resize, 'this.observer.observe(document.documentElement)', '').replace('hostConnected', 'connectedCallback').replace('hostDisconnected', 'disconnectedCallback'), errors: [observationError('disconnectedCallback', 'ResizeObserver')] },
    // nothing ends it anywhere
    {
      code: `export class Marks {\n  private observer = new PerformanceObserver(() => this.count++);\n  count = 0;\n  start() { this.observer.observe({ entryTypes: ['mark'] }); }\n}`,
      errors: [{ messageId: 'observationNeverEnded', data: { emitter: 'this.observer', type: 'PerformanceObserver', signal: 'observe', where: '', owner: '`Marks`', end: 'disconnect', fixWhere: 'when it is done (where this object is disposed)' } }],
    },
  ],
});

tester.run('no-ignored-connection: a function that returns its disposer', forTester(ignored), {
  valid: [
    subscribe("window.removeEventListener('error', listener)"),
    `export function onResize(cb: () => void) {\n  window.addEventListener('resize', cb);\n  return () => window.removeEventListener('resize', cb);\n}`,
    // process-level setup that hands nothing back stays unjudged (precision)
    `export function installErrorPage() { window.addEventListener('error', () => document.body.classList.add('error')); }`,
  ],
  invalid: [
    { code: subscribe('void 0'), errors: [{ messageId: 'ignoredConnection' }] },
    // the disposer removes another listener than the one added
    { code: `export function onResize(log: string[]) {\n  window.addEventListener('resize', () => log.push('r'));\n  return () => window.removeEventListener('resize', () => log.push('r'));\n}`, errors: [{ messageId: 'ignoredConnection' }] },
    // a disposer written as a function declaration that forgets the listener
    { code: `export function watchErrors() {\n  document.addEventListener('keydown', (e) => console.log(e.key));\n  return function stop() {};\n}`, errors: [{ messageId: 'ignoredConnection' }] },
  ],
});
