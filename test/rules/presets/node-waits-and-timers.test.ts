// Issue 12's mutation shapes on Node code: a listener that settles a promise and is never removed
// (one more per wait), the EventEmitter contract declared by the program (`{ on; off }`), and a
// repeating timer whose id is kept where nothing clears it. Leak and clean twins, several variants.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));

const receiver = `export interface Receiver {
  on: (evt: 'message', cb: (msg: { id: string; value: unknown }) => void) => void;
  off: (evt: 'message', cb: (msg: { id: string; value: unknown }) => void) => void;
}
`;
const client = `export interface Client {
  status: string;
  on(event: string, listener: (...args: unknown[]) => void): this;
  once(event: string, listener: (...args: unknown[]) => void): this;
  removeListener(event: string, listener: (...args: unknown[]) => void): this;
}
`;

/** The child process's wait for a response (bullmq's shape), with or without its removals. */
const waitResponse = (removal: string) => `${receiver}
export const waitResponse = (id: string, receiver: Receiver, timeout: number) =>
  new Promise((resolve, reject) => {
    const listener = (msg: { id: string; value: unknown }) => {
      if (msg.id === id) {
        resolve(msg.value);
        ${removal}
      }
    };
    receiver.on('message', listener);
    setTimeout(() => {
      ${removal}
      reject(new Error('timed out'));
    }, timeout);
  });`;

/** A ready-wait whose listeners are assigned inside the executor and removed in `finally`. */
const waitUntilReady = (cleanup: string) => `${client}
export class Connection {
  static async waitUntilReady(client: Client): Promise<void> {
    let onReady: () => void = () => undefined;
    let onEnd: () => void = () => undefined;
    try {
      await new Promise<void>((resolve, reject) => {
        onReady = () => resolve();
        onEnd = () => reject(new Error('closed'));
        client.once('ready', onReady);
        client.on('end', onEnd);
      });
    } finally {
      ${cleanup}
    }
  }
}`;

/** A wait on a client this object hands out, settled through a local `finish()`. */
const waitForEvent = (removal: string) => `${client}
export class Backend {
  constructor(private readonly pool: { listenClient(): Promise<Client> }) {}
  private async listenClient(): Promise<Client> { return this.pool.listenClient(); }
  async waitForEvent(ms: number): Promise<void> {
    const client = await this.listenClient();
    return new Promise((resolve) => {
      const finish = () => {
        clearTimeout(timer);
        ${removal}
        resolve();
      };
      const onNotify = () => finish();
      const timer = setTimeout(finish, ms);
      client.on('notification', onNotify);
    });
  }
}`;

tester.run('no-ignored-connection: a listener that settles a promise', forTester(ignored), {
  valid: [
    waitResponse("receiver.off('message', listener);"),
    waitUntilReady("client.removeListener('ready', onReady);\n      client.removeListener('end', onEnd);"),
    waitForEvent("client.removeListener('notification', onNotify);"),
    // once() ends by itself
    `${client}\nexport function ready(client: Client) { return new Promise<void>((resolve) => { client.once('ready', () => resolve()); }); }`,
    // an emitter the wait creates itself dies with it
    `import { EventEmitter } from 'node:events';\nexport function local() { return new Promise<void>((resolve) => { const e = new EventEmitter(); e.on('x', () => resolve()); e.emit('x'); }); }`,
    // an item's emitter (a callback parameter's window) is met once per item: no growth
    `${client}\nexport function all(items: { client: Client }[]) { return Promise.all(items.map((item) => new Promise<void>((resolve) => { item.client.on('end', () => resolve()); }))); }`,
    // a listener that does not settle the promise is the general rule's business (here: a parameter wired by the caller)
    `${client}\nexport function count(client: Client, seen: { n: number }) { return new Promise<void>((resolve) => { client.on('data', () => { seen.n += 1; }); resolve(); }); }`,
  ],
  invalid: [
    { code: waitResponse('void 0;'), errors: [{ messageId: 'listenerOutlivesWait', data: { signal: 'message', emitter: 'receiver', type: 'Receiver', settles: 'resolve' } }] },
    { code: waitUntilReady("client.removeListener('ready', onReady);"), errors: [{ messageId: 'listenerOutlivesWait', data: { signal: 'end', emitter: 'client', type: 'Client', settles: 'reject' } }] },
    { code: waitForEvent('void 0;'), errors: [{ messageId: 'listenerOutlivesWait', data: { signal: 'notification', emitter: 'client', type: 'Client', settles: 'resolve' } }] },
    // another method's removal of its own local `onNotify` removes another function
    {
      code: waitForEvent('void 0;').replace(
        '  async waitForEvent(',
        `  async waitForJob(): Promise<void> {
    const client = await this.listenClient();
    return new Promise((resolve) => {
      const onNotify = () => { client.removeListener('notification', onNotify); resolve(); };
      client.on('notification', onNotify);
    });
  }
  async waitForEvent(`,
      ),
      errors: [{ messageId: 'listenerOutlivesWait', line: 28 }],
    },
    // a field of this, met again by every call
    {
      code: `${client}\nexport class Waiter {\n  constructor(private readonly client: Client) {}\n  next() { return new Promise<unknown>((resolve) => { this.client.on('data', (value) => resolve(value)); }); }\n}`,
      errors: [{ messageId: 'listenerOutlivesWait' }],
    },
  ],
});

tester.run('no-ignored-connection: the EventEmitter contract declared by the program', forTester(ignored), {
  valid: [
    // the listener is removed where it is done
    `${receiver}\nexport function listen(r: Receiver, log: string[]) { const l = (m: { id: string }) => log.push(m.id); r.on('message', l); return () => r.off('message', l); }`,
    // a wiring of the emitter to an object built around it (the caller decides how long both live)
    `${receiver}\nclass Processor { constructor(readonly r: Receiver) {} handle(m: unknown) { return m; } }\nexport default (r: Receiver) => { const p = new Processor(r); r.on('message', (m) => p.handle(m)); };`,
    // `on` without a removal method is not the contract
    `export interface Bus { on(evt: string, cb: () => void): void }\nexport function listen(bus: Bus) { bus.on('x', () => console.log('x')); }`,
  ],
  invalid: [
    { code: `${receiver}\nexport function listen(r: Receiver) { r.on('message', (m) => console.log(m.id)); }`, errors: [{ messageId: 'ignoredConnection' }] },
    { code: `${client}\nexport function watch(c: Client) { c.on('end', () => console.log('end')); }`, errors: [{ messageId: 'ignoredConnection' }] },
  ],
});

/** A class with a teardown, keeping an interval id in a field (socket.io's cluster adapter shape). */
const adapter = (close: string) => `export class Adapter {
  private readonly sweep: ReturnType<typeof setInterval> | undefined;
  private readonly sessions = new Map<string, number>();
  constructor() {
    this.sweep = setInterval(() => { this.sessions.clear(); }, 1000);
  }
  close() {
    ${close}
  }
}`;

/** An upgrade whose check interval is a `let` of the method, set and cleared in closures (engine.io's shape). */
const upgrade = (clear: string) => `export class Socket {
  upgrade(onPacket: (fn: () => void) => void) {
    let check: ReturnType<typeof setInterval> | undefined;
    onPacket(() => {
      ${clear}
      check = setInterval(() => this.ping(), 100);
    });
    const cleanup = () => { ${clear} };
    return cleanup;
  }
  ping() {}
}`;

tester.run('no-dropped-connected-emitter: a repeating timer kept where nothing clears it', forTester(dropped), {
  valid: [
    adapter('if (this.sweep) clearInterval(this.sweep);'),
    upgrade('clearInterval(check);'),
    // the id is handed on: whoever receives it may clear it
    `export class Poller {\n  private id: ReturnType<typeof setInterval> | undefined;\n  start(stop: (id: ReturnType<typeof setInterval>) => void) { this.id = setInterval(() => this.tick(), 10); stop(this.id); }\n  close() {}\n  tick() {}\n}`,
    // a class without any teardown runs its interval for the program by design (nothing ends it either)
    `export class Clock {\n  private id = setInterval(() => this.tick(), 1000);\n  tick() { return this.id; }\n}`,
    // cleared from outside the class, through another object's field
    `export class Job {\n  timer: ReturnType<typeof setInterval> | undefined;\n  start() { this.timer = setInterval(() => this.tick(), 10); }\n  stop() {}\n  tick() {}\n}\nexport function end(job: Job) { clearInterval(job.timer); }`,
  ],
  invalid: [
    { code: adapter('void 0;'), errors: [{ messageId: 'timerNeverCleared', data: { name: 'this.sweep', timer: 'setInterval', cancel: 'clearInterval', where: 'in `close()`' } }] },
    { code: adapter('this.sessions.clear();').replace('close()', 'dispose()'), errors: [{ messageId: 'timerNeverCleared', data: { name: 'this.sweep', timer: 'setInterval', cancel: 'clearInterval', where: 'in `dispose()`' } }] },
    { code: upgrade('void 0;'), errors: [{ messageId: 'timerNeverCleared', data: { name: 'check', timer: 'setInterval', cancel: 'clearInterval', where: 'when it is no longer needed' } }] },
    // `unref()` lets the process exit; it does not stop the timer
    { code: adapter('this.sweep?.unref();'), errors: [{ messageId: 'timerNeverCleared' }] },
  ],
});

/** A WebSocket server made in a helper, attached (or not) to the HTTP server it is given. */
const wsServer = (options: string) => `import { EventEmitter } from 'node:events';
import type { Server } from 'node:http';
declare class WebSocketServer extends EventEmitter { constructor(options: { server?: Server; port?: number }); close(): void }
export const attach = (server: Server, log: string[]) => {
  const wss = new WebSocketServer(${options});
  wss.on('connection', () => log.push('client'));
};`;

tester.run('no-dropped-connected-emitter: a resource attached to the server it is given', forTester(dropped), {
  valid: [wsServer('{ server }'), wsServer('{ server: server }')],
  invalid: [{ code: wsServer('{ port: 8080 }'), errors: [{ messageId: 'droppedAtScopeEnd' }] }],
});
