// Removal that matches the capture flag: the platform tells listeners apart by function and by
// `capture` (a boolean third argument or `{ capture }`); `passive`/`once` do not take part.
// `removeEventListener(type, fn)` does not remove `addEventListener(type, fn, true)`.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

/** A document listener kept in a field (not keeping `this`). */
const onDocument = (addOptions: string, removeOptions: string, prelude = '') => `${prelude}
export class Shortcuts {
  readonly onKey = (event: KeyboardEvent) => event.key;
  attach() {
    document.addEventListener('keydown', this.onKey${addOptions});
  }
  detach() { document.removeEventListener('keydown', this.onKey${removeOptions}); }
}`;

/** The same, with a listener that keeps `this` (a bound method kept in a field). */
const onWindow = (addOptions: string, removeOptions: string) => `export class Layout {
  readonly onResize = () => this.relayout();
  constructor() {
    window.addEventListener('resize', this.onResize${addOptions});
  }
  dispose() { window.removeEventListener('resize', this.onResize${removeOptions}); }
  relayout() {}
}`;

const matching: [string, string][] = [
  ['', ''],
  [', true', ', true'],
  [', false', ''],
  ['', ', false'],
  [', { capture: true }', ', true'],
  [', true', ', { capture: true }'],
  [', { capture: true, passive: true }', ', { capture: true }'],
  [', { passive: true }', ''],
  [', { capture: false }', ', false'],
  [', useCapture', ', true'],
];
const differing: [string, string][] = [
  [', true', ''],
  ['', ', true'],
  [', { capture: true }', ''],
  [', true', ', false'],
  [', { capture: true }', ', { capture: false }'],
  [', false', ', { capture: true }'],
  [', useCapture', ''],
];
const prelude = 'const useCapture = true;';

dom.run('removeEventListener matches the capture flag (dom, no-ignored-connection)', forTester(ignored), {
  valid: matching.map(([add, remove]) => onDocument(add, remove, prelude)),
  invalid: differing.map(([add, remove]) => ({ code: onDocument(add, remove, prelude), errors: [{ messageId: 'ignoredConnection' as const, line: 5 }] })),
});

dom.run('removeEventListener matches the capture flag (dom, no-unbound-closure-slot)', forTester(unbound), {
  valid: matching.filter(([add]) => !add.includes('useCapture')).map(([add, remove]) => onWindow(add, remove)),
  invalid: differing
    .filter(([add]) => !add.includes('useCapture'))
    .map(([add, remove]) => ({ code: onWindow(add, remove), errors: [{ messageId: 'unboundClosureSlot' as const, line: 4 }] })),
});
