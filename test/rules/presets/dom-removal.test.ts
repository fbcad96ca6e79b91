// Removal that matches: `removeEventListener(type, fn)` / `off(event, fn)` end only the very same
// function. A `.bind(…)`, an arrow or a function expression written at the removal removes nothing.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));
const node = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));

/** A window listener added with `add` and removed in dispose() with `remove`. */
const onWindow = (add: string, remove: string, field = '') => `export class Layout {
  ${field}
  constructor() {
    window.addEventListener('resize', ${add});
  }
  dispose() { window.removeEventListener('resize', ${remove}); }
  onResize() {}
}`;

dom.run('removeEventListener matches by reference (dom)', forTester(ignored), {
  valid: [
    // the bound function is kept and the same reference removed
    onWindow('this.bound', 'this.bound', 'readonly bound = this.onResize.bind(this);'),
    onWindow('this.handler', 'this.handler', 'readonly handler = () => this.onResize();'),
    onWindow('this.#handler', 'this.#handler', 'readonly #handler = () => this.onResize();'),
  ],
  invalid: [
    // an inline function at removal is a new function, never added
    { code: onWindow("function () { console.log('resize'); }", "function () { console.log('resize'); }"), errors: [{ messageId: 'ignoredConnection', line: 4 }] },
  ],
});

// Where the never-removed listener keeps `this`, no-unbound-closure-slot reports the call (one finding per connect call).
const keepsThisOnWindow = [
  // a different `.bind(this)` at removal never removes anything
  onWindow('this.onResize.bind(this)', 'this.onResize.bind(this)'),
  // an inline function at removal is a new function, never added
  onWindow('() => this.onResize()', '() => this.onResize()'),
  onWindow('(() => this.onResize())', '(() => this.onResize())'),
];
dom.run('removeEventListener matches by reference: listeners keeping this (dom)', forTester(unbound), {
  valid: [onWindow('this.bound', 'this.bound', 'readonly bound = this.onResize.bind(this);')],
  invalid: keepsThisOnWindow.map((code) => ({ code, errors: [{ messageId: 'unboundClosureSlot' as const, line: 4 }] })),
});
dom.run('one finding per connect call: no-ignored-connection leaves these to no-unbound-closure-slot (dom)', forTester(ignored), {
  valid: keepsThisOnWindow,
  invalid: [],
});

const onStream = (add: string, remove: string, field = '') => `import type { Readable } from 'node:stream';
export class Tail {
  ${field}
  constructor(private readonly stream: Readable) {
    stream.on('data', ${add});
  }
  close() { this.stream.off('data', ${remove}); }
  push(_chunk: unknown) {}
}`;

node.run('off matches by reference (node-events)', forTester(ignored), {
  valid: [
    onStream('this.bound', 'this.bound', 'readonly bound = this.push.bind(this);'),
    onStream('this.onData', 'this.onData', 'readonly onData = (chunk: unknown) => this.push(chunk);'),
  ],
  invalid: [
    { code: onStream('function (this: unknown) { console.log(this); }', 'function (this: unknown) { console.log(this); }'), errors: [{ messageId: 'ignoredConnection', line: 5 }] },
  ],
});

const keepsThisOnStream = [onStream('this.push.bind(this)', 'this.push.bind(this)'), onStream('(c: unknown) => this.push(c)', '(c: unknown) => this.push(c)')];
node.run('off matches by reference: listeners keeping this (node-events)', forTester(unbound), {
  valid: [onStream('this.bound', 'this.bound', 'readonly bound = this.push.bind(this);')],
  invalid: keepsThisOnStream.map((code) => ({ code, errors: [{ messageId: 'unboundClosureSlot' as const, line: 5 }] })),
});
node.run('one finding per connect call: no-ignored-connection leaves these to no-unbound-closure-slot (node-events)', forTester(ignored), {
  valid: keepsThisOnStream,
  invalid: [],
});
