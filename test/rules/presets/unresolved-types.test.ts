// Types that did not resolve are said, once per program and reason, on the first affected file:
// a Node project without @types/node in its `types`, a program without the DOM lib.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const untyped = presetFixture('node-untyped');
const nodeTester = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, untyped);
const domTester = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, untyped);
const slotguardOnly = typedRuleTester({ slotguard: { presets: ['slotguard'] } }, untyped);
const typedNode = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));

const nodeFile = `import { EventEmitter } from 'node:events';
export function watch(source: EventEmitter) { source.on('data', () => undefined); }`;
const onFirstFile = `// A Node file whose tsconfig does not load @types/node: \`EventEmitter\` is \`any\` here.
import { EventEmitter } from 'node:events';

export class Bus extends EventEmitter {}
`;
const nodeMessage = (count: string) =>
  `slotguard: Node's EventEmitter is \`any\` in ${count}: add "types": ["node"] to tsconfig.json (and install @types/node); until then the node-events preset cannot see any emitter there.`;
const error = (message: string) => ({ messageId: 'unresolvedTypes', line: 1, column: 1, data: { message: message.replace('slotguard: ', '') } });

nodeTester.run('unresolved Node types (node-events)', forTester(dropped), {
  valid: [
    // affected, but not the first affected file: the program's notice is said on a-server.ts
    nodeFile,
    `import * as fs from 'fs';\nexport const w = fs.watch('.');`,
    `import type { Readable } from 'node:stream';\nexport type R = Readable;`,
    // no Node module imported: nothing depends on @types/node
    `export class Plain { on(_e: string, _f: () => void) { return this; } }`,
  ],
  invalid: [
    // the first affected file of the program carries it, counting every affected file
    { code: onFirstFile, filename: 'a-server.ts', errors: [error(nodeMessage('1 file'))] },
    { code: onFirstFile + `import { spawn } from 'child_process';\n`, filename: 'a-server.ts', errors: [error(nodeMessage('1 file'))] },
  ],
});

slotguardOnly.run('unresolved Node types: silent without the node-events preset', forTester(dropped), {
  valid: [{ code: onFirstFile, filename: 'a-server.ts' }, nodeFile],
  invalid: [],
});

typedNode.run('resolved Node types: no notice', forTester(dropped), {
  valid: [nodeFile, `import { EventEmitter } from 'events';\nexport const bus = new EventEmitter();`],
  invalid: [],
});

const domMessage = 'The DOM types are missing in 1 file calling addEventListener: add "DOM" to "lib" in tsconfig.json; until then the dom preset cannot see any EventTarget there.';
domTester.run('unresolved DOM lib (dom)', forTester(dropped), {
  valid: [
    // nothing adds a listener: no DOM types needed
    `export const x = 1;`,
  ],
  invalid: [
    { code: `declare const target: any;\nexport function f() { target.addEventListener('click', () => undefined); }`, errors: [error(domMessage)] },
    { code: `export function f(el: { addEventListener(t: string, f: () => void): void }) { el.addEventListener('x', () => 1); }`, errors: [error(domMessage)] },
  ],
});
