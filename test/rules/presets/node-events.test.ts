// The `node-events` preset on Node code (@types/node): all three rules, one fixture project.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));
const imports = `import { EventEmitter } from 'node:events';\nimport { Worker } from 'node:worker_threads';\nimport type { Readable } from 'node:stream';\n`;
const code = (body: string) => imports + body;

/** A stream reader that never lets go of its stream's 'data' event. */
const leakyTail = code(`export class Tail {
  lines: string[] = [];
  constructor(stream: Readable) {
    stream.on('data', (chunk: Buffer) => this.lines.push(chunk.toString()));
  }
}`);
const shutdownHook = code(`export class Service {
  constructor() {
    process.on('SIGTERM', () => this.stop());
  }
  stop() {}
}`);
const onceEnd = code(`export class Reader {
  constructor(stream: Readable) {
    stream.once('end', () => this.finish());
  }
  finish() {}
}`);

const onceEndPlain = code(`export function onEnd(stream: Readable) { stream.once('end', () => console.log('end')); }`);

const validForBoth = [
  // Node's once(): ends when it fires (accepted by default)
  onceEnd,
  onceEndPlain,
  // the listener is kept in a field and removed with off()
  code(`export class Tail {
  readonly #onData = (chunk: Buffer) => this.push(chunk);
  constructor(private readonly stream: Readable) {
    stream.on('data', this.#onData);
  }
  close() { this.stream.off('data', this.#onData); }
  push(chunk: Buffer) { return chunk; }
}`),
  // removeAllListeners for the event
  code(`export class Tail {
  constructor(private readonly stream: Readable) {
    stream.on('data', () => this.tick());
  }
  close() { this.stream.removeAllListeners('data'); }
  tick() {}
}`),
  // an emitter the class creates and keeps
  code(`export class Job {
  readonly events = new EventEmitter();
  constructor() { this.events.on('progress', (n: number) => this.report(n)); }
  report(n: number) { return n; }
}`),
  // wired once for the program's life
  code(`process.on('exit', () => console.log('bye'));`),
  code(`export function main() { process.on('SIGINT', () => process.exit(0)); }`),
];

tester.run('no-ignored-connection (node-events)', forTester(ignored), {
  valid: [
    ...validForBoth,
    { code: onceEnd, options: [{ once: ['end'] }] },
    // one finding per connect call: a closure keeping `this` is no-unbound-closure-slot's finding (it names this rule)
    leakyTail,
    shutdownHook,
    { code: onceEnd, options: [{ once: 'report' }] },
  ],
  invalid: [
    // Node's once() is reported when the option says so
    { code: onceEndPlain, options: [{ once: 'report' }], errors: [{ messageId: 'ignoredConnection' }] },
    { code: code(`export function tail(stream: Readable) { stream.on('data', (chunk: Buffer) => console.log(chunk.length)); }`), errors: [{ messageId: 'ignoredConnection' }] },
    { code: code(`export function logErrors(server: import('node:net').Server) { server.on('error', (e) => console.error(e)); }`), errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

tester.run('no-unbound-closure-slot (node-events)', forTester(unbound), {
  valid: [...validForBoth, code(`export class Logger { constructor(s: Readable) { s.on('error', (e) => console.error(e)); } }`)],
  invalid: [
    { code: leakyTail, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: shutdownHook, errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
    { code: onceEnd, options: [{ once: 'report' }], errors: [{ messageId: 'unboundClosureSlot', suggestions: [] }] },
  ],
});

tester.run('no-dropped-connected-emitter (node-events)', forTester(dropped), {
  valid: [
    // a plain emitter dropped with listeners is garbage, not a leak
    code(`export function run() { const e = new EventEmitter(); e.on('x', () => {}); e.emit('x'); }`),
    code(`export function run() { const w = new Worker('./task.js'); w.on('message', (m) => console.log(m)); w.terminate(); }`),
    code(`export function run() { const w = new Worker('./task.js'); w.on('message', (m) => console.log(m)); return w; }`),
  ],
  invalid: [
    {
      // a running worker dropped while its listener is connected keeps running
      code: code(`export function run() {\n  const w = new Worker('./task.js');\n  w.on('message', (m) => console.log(m));\n}`),
      errors: [{ messageId: 'droppedAtScopeEnd', suggestions: [] }],
    },
  ],
});
