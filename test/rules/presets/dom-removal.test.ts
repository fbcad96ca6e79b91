// Removal that matches: `removeEventListener(type, fn)` / `off(event, fn)` end only the very same
// function. A `.bind(…)`, an arrow or a function expression written at the removal removes nothing.
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
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
    // a different `.bind(this)` at removal never removes anything
    { code: onWindow('this.onResize.bind(this)', 'this.onResize.bind(this)'), errors: [{ messageId: 'ignoredConnection', line: 4 }] },
    // an inline function at removal is a new function, never added
    { code: onWindow('() => this.onResize()', '() => this.onResize()'), errors: [{ messageId: 'ignoredConnection', line: 4 }] },
    { code: onWindow('function () {}', 'function () {}'), errors: [{ messageId: 'ignoredConnection', line: 4 }] },
    { code: onWindow('(() => this.onResize())', '(() => this.onResize())'), errors: [{ messageId: 'ignoredConnection', line: 4 }] },
  ],
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
    { code: onStream('this.push.bind(this)', 'this.push.bind(this)'), errors: [{ messageId: 'ignoredConnection', line: 5 }] },
    { code: onStream('(c: unknown) => this.push(c)', '(c: unknown) => this.push(c)'), errors: [{ messageId: 'ignoredConnection', line: 5 }] },
    { code: onStream('function (this: unknown) {}', 'function (this: unknown) {}'), errors: [{ messageId: 'ignoredConnection', line: 5 }] },
  ],
});
