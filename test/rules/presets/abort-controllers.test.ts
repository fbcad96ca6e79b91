// `{ signal }` ends a listener only if its AbortController's abort() can run: a controller this code
// creates and never aborts (nor hands to anyone who could) ends nothing. Leak and clean twins, on
// the DOM's addEventListener, Node's on(…) options and slotguard's connect options.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { header } from '../ownership-cases.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

/** A panel listening on the window with its own controller's signal; `close()` may abort it. */
const panel = (close: string, signal = 'this.ctrl.signal') => `export class Panel {
  private readonly ctrl = new AbortController();
  constructor() {
    window.addEventListener('resize', () => this.layout(), { signal: ${signal} });
  }
  layout() {}
  close() { ${close} }
}`;

/** A free function with a local controller; what it does with it decides. */
const watch = (tail: string, signal = 'signal: ctrl.signal') => `export function watch(target: EventTarget) {
  const ctrl = new AbortController();
  target.addEventListener('x', () => console.log('x'), { ${signal} });
  ${tail}
}`;

dom.run('no-unbound-closure-slot: an AbortController never aborted', forTester(unbound), {
  valid: [
    panel('this.ctrl.abort();'),
    // handed on: whoever receives it may abort it
    panel('stop(this.ctrl);').replace('export class', 'declare function stop(c: AbortController): void;\nexport class'),
    // a signal the class did not make (a timeout's) is trusted
    panel('', 'AbortSignal.timeout(1000)'),
  ],
  invalid: [
    { code: panel(''), errors: [{ messageId: 'unboundClosureSlot' }] },
    { code: panel('this.layout();'), errors: [{ messageId: 'unboundClosureSlot' }] },
  ],
});

dom.run('no-ignored-connection: an AbortController never aborted', forTester(ignored), {
  valid: [
    watch('return () => ctrl.abort();'),
    watch('return ctrl;'),
    watch('setTimeout(() => ctrl.abort(), 1000);'),
    // a signal handed in by the caller
    `export function watch(target: EventTarget, signal: AbortSignal) { target.addEventListener('x', () => console.log('x'), { signal }); }`,
  ],
  invalid: [
    { code: watch(''), errors: [{ messageId: 'ignoredConnection' }] },
    { code: `export function watch(target: EventTarget) {\n  const ctrl = new AbortController();\n  const { signal } = ctrl;\n  target.addEventListener('x', () => console.log('x'), { signal });\n}`, errors: [{ messageId: 'ignoredConnection' }] },
    { code: watch('console.log(ctrl.signal.aborted);'), errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

typedRuleTester().run('no-ignored-connection (slotguard connect options): an AbortController never aborted', forTester(ignored), {
  valid: [
    `${header}export function attach(m: Store) { const ctrl = new AbortController(); m.changed.connect(render, { signal: ctrl.signal }); return ctrl; }`,
  ],
  invalid: [
    { code: `${header}export function attach(m: Store) { const ctrl = new AbortController(); m.changed.connect(render, { signal: ctrl.signal }); }`, errors: [{ messageId: 'ignoredConnection' }] },
  ],
});
