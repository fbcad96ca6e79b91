// Node's live resources from factories (fs.watch, child_process.spawn, http.createServer,
// net.connect…): fresh like `new X()`, whatever the import style, so a dropped connected one is
// no-dropped-connected-emitter's finding, and the ownership rules leave it alone (the caller owns it).
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));

/** How each resource is made, with its imports: namespace, named, renamed, default and `node:`-less imports. */
const makers: { imports: string; make: string }[] = [
  { imports: `import * as fs from 'node:fs';`, make: `fs.watch(path)` },
  { imports: `import { watch } from 'node:fs';`, make: `watch(path)` },
  { imports: `import { watch as watchPath } from 'fs';`, make: `watchPath(path)` },
  { imports: `import fs from 'node:fs';`, make: `fs.watch(path)` },
  { imports: `import { spawn } from 'node:child_process';`, make: `spawn(path, [])` },
  { imports: `import * as cp from 'child_process';`, make: `cp.fork(path)` },
  { imports: `import http from 'node:http';`, make: `http.createServer()` },
  { imports: `import * as net from 'node:net';`, make: `net.connect(8080, path)` },
  { imports: `import { createConnection } from 'node:net';`, make: `createConnection(8080, path)` },
  { imports: `import * as readline from 'node:readline';`, make: `readline.createInterface({ input: process.stdin })` },
];
const eventOf = (make: string) => (make.includes('createServer') ? 'request' : make.includes('createInterface') ? 'line' : make.includes('connect') || make.includes('Connection') ? 'data' : make.includes('spawn') || make.includes('fork') ? 'exit' : 'change');
const releaseOf = (make: string) => (make.includes('spawn') || make.includes('fork') ? 'kill' : make.includes('connect') || make.includes('Connection') ? 'destroy' : 'close');

const droppedAtEnd = ({ imports, make }: (typeof makers)[number]) => `${imports}
export function start(path: string, log: (x: unknown) => void) {
  const resource = ${make};
  resource.on('${eventOf(make)}', (x: unknown) => log(x));
}`;
const neverStored = ({ imports, make }: (typeof makers)[number]) => `${imports}
export function start(path: string, log: (x: unknown) => void) {
  ${make}.on('${eventOf(make)}', (x: unknown) => log(x));
}`;
/** Clean twins: ended, returned, kept in a field that is ended, a module-level resource for the program. */
const cleanTwins = ({ imports, make }: (typeof makers)[number]) => [
  `${imports}
export function start(path: string, log: (x: unknown) => void) {
  const resource = ${make};
  resource.on('${eventOf(make)}', (x: unknown) => log(x));
  resource.${releaseOf(make)}();
}`,
  `${imports}
export function start(path: string, log: (x: unknown) => void) {
  const resource = ${make};
  resource.on('${eventOf(make)}', (x: unknown) => log(x));
  return resource;
}`,
  `${imports}
export class Service {
  private resource?: ReturnType<typeof start>;
  constructor(path: string) { this.resource = start(path); this.resource.on('${eventOf(make)}', (x: unknown) => this.log(x)); }
  shut() { this.resource?.${releaseOf(make)}(); this.resource = undefined; }
  log(x: unknown) { return x; }
}
function start(path: string) { return ${make}; }`,
  `${imports}
const path = 'x';
const resource = ${make};
resource.on('${eventOf(make)}', (x: unknown) => console.log(x));`,
  // no listener: nothing connected (a one-off)
  `${imports}
export function start(path: string) { const resource = ${make}; return typeof resource; }`,
];

tester.run('live resources from Node factories are fresh (no-dropped-connected-emitter)', forTester(dropped), {
  valid: [
    ...makers.flatMap(cleanTwins),
    // a plain EventEmitter, a stream.Readable from a factory not in the table: inert or ending by itself
    `import { EventEmitter } from 'node:events';\nexport function run() { const e = new EventEmitter(); e.on('x', () => {}); }`,
    `import * as fs from 'node:fs';\nexport function read(p: string) { const s = fs.createReadStream(p); s.on('data', (c) => console.log(c)); }`,
    // a project's own declared function of the same name is not Node's (no body to read: assumed kept)
    `declare function watch(p: string): import('node:fs').FSWatcher;\nexport function run() { const w = watch('x'); w.on('change', () => {}); }`,
  ],
  invalid: [
    ...makers.map((maker) => ({ code: droppedAtEnd(maker), errors: [{ messageId: 'droppedAtScopeEnd' as const, line: 3 }] })),
    ...makers.map((maker) => ({ code: neverStored(maker), errors: [{ messageId: 'neverStored' as const, line: 3 }] })),
    // a method that runs again drops the resource the last call left in the field
    ...makers.slice(0, 3).map(({ imports, make }) => ({
      code: `${imports}
export class Service {
  private resource?: ReturnType<typeof start>;
  open(path: string) { this.resource = start(path); this.resource.on('change', (x: unknown) => this.log(x)); }
  log(x: unknown) { return x; }
}
function start(path: string) { return ${make}; }`,
      errors: [{ messageId: 'droppedByFieldOverwrite' as const, line: 4 }],
    })),
  ],
});

tester.run('live resources from Node factories: the ownership rules leave them to no-dropped-connected-emitter', forTester(ignored), {
  valid: [...makers.map(droppedAtEnd), ...makers.map(neverStored)],
  invalid: [],
});
