// Repeating timers as live resources: `setInterval(fn, ms)` runs until `clearInterval(id)`, so an id
// that is dropped (a discarded call, a local never cleared, a field overwritten) leaves it running
// for the program; `no-dropped-connected-emitter` reports it, the ownership rules leave it alone.
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const dom = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));
const node = typedRuleTester({ slotguard: { presets: ['slotguard', 'node-events'] } }, presetFixture('node-events'));

const leaks = {
  discardedInConstructor: `export class Clock {
  constructor() {
    setInterval(() => this.tick(), 1000);
  }
  tick() {}
}`,
  discardedWindow: `export function poll(f: () => void) {
  window.setInterval(f, 1000);
}`,
  localNeverCleared: `export function poll(f: () => void) {
  const id = setInterval(f, 1000);
  console.log('polling');
}`,
  reassigned: `export function poll(f: () => void) {
  let id = setInterval(f, 10);
  id = setInterval(f, 20);
  clearInterval(id);
}`,
  fieldOverwrittenOnRestart: `export class Poller {
  private timer?: ReturnType<typeof setInterval>;
  start(f: () => void) {
    this.timer = setInterval(f, 1000);
  }
}`,
  clearedOnOnePathOnly: `export function poll(f: () => void, once: boolean) {
  const id = setInterval(f, 1000);
  if (once) clearInterval(id);
}`,
};

const clean = [
  `export function poll(f: () => void) { const id = setInterval(f, 1000); clearInterval(id); }`,
  // the callback clears its own timer
  `export function poll(done: () => boolean) { const id = setInterval(() => { if (done()) clearInterval(id); }, 100); }`,
  // kept in a field, cleared in dispose()
  `export class Clock {
  private readonly timer = setInterval(() => this.tick(), 1000);
  tick() {}
  dispose() { clearInterval(this.timer); }
}`,
  `export class Clock {
  private timer: ReturnType<typeof setInterval>;
  constructor() { this.timer = setInterval(() => this.tick(), 1000); }
  tick() {}
  dispose() { clearInterval(this.timer); }
}`,
  // restart clears the previous timer first, or only starts once
  `export class Poller {
  private timer?: ReturnType<typeof setInterval>;
  start(f: () => void) { clearInterval(this.timer); this.timer = setInterval(f, 1000); }
}`,
  `export class Poller {
  private timer?: ReturnType<typeof setInterval>;
  start(f: () => void) { if (this.timer === undefined) this.timer = setInterval(f, 1000); }
  stop() { clearInterval(this.timer); this.timer = undefined; }
}`,
  // returned: the caller clears it
  `export function every(f: () => void, ms: number) { return setInterval(f, ms); }`,
  `export function every(f: () => void, ms: number) { const id = setInterval(f, ms); return () => clearInterval(id); }`,
  // a program-long timer at module level is meant to run for the program
  `setInterval(() => console.log('alive'), 60000);`,
  // one-shot timers end by themselves
  `export function later(f: () => void) { setTimeout(f, 1000); }`,
  `export function later(f: () => void) { const id = setTimeout(f, 1000); console.log(typeof id); }`,
];

for (const [name, tester] of [
  ['dom', dom],
  ['node-events', node],
] as const) {
  const nodeOnly = [
    // Node's unref() only lets the process exit: the timer still runs, and keeps `this` (socket.io's SessionAwareAdapter)
    `export class Sessions {
  readonly sessions = new Map<string, number>();
  constructor() {
    const timer = setInterval(() => this.sessions.clear(), 60000);
    timer.unref();
  }
}`,
  ];
  const cases =
    name === 'dom' ? Object.values(leaks) : [...Object.entries(leaks).filter(([key]) => key !== 'discardedWindow').map(([, code]) => code), ...nodeOnly];
  tester.run(`repeating timers are live resources (${name}, no-dropped-connected-emitter)`, forTester(dropped), {
    valid: [...clean, `function setInterval(f: () => void, _ms: number) { f(); return 0; }\nexport function poll(f: () => void) { setInterval(f, 1000); }`],
    invalid: cases.map((code) => ({ code, errors: [{ messageId: code.includes('window.setInterval') || code.includes('    setInterval(() => this.tick()') ? ('idNeverStored' as const) : ('idDropped' as const) }] })),
  });
  for (const [ruleName, rule] of [
    ['no-ignored-connection', ignored],
    ['no-unbound-closure-slot', unbound],
  ] as const) {
    tester.run(`repeating timers (${name}): ${ruleName} leaves them to no-dropped-connected-emitter`, forTester(rule), { valid: [...cases, ...clean], invalid: [] });
  }
}

// A one-shot timer re-armed by the method it runs: a loop that runs until cancelled.
const loops = {
  rafField: `export class Spinner {
  angle = 0;
  tick = () => {
    this.angle += 1;
    requestAnimationFrame(this.tick);
  };
  start() { requestAnimationFrame(this.tick); }
}`,
  timeoutMethod: `export class Poller {
  constructor(private readonly fetch: () => void) {}
  poll() {
    this.fetch();
    setTimeout(() => this.poll(), 1000);
  }
}`,
  timeoutKeptButNeverCleared: `export class Poller {
  private timer?: ReturnType<typeof setTimeout>;
  poll() {
    this.timer = setTimeout(this.poll.bind(this), 1000);
  }
}`,
};
const stoppedLoops = [
  // cancelled somewhere in the file
  loops.rafField.replace('start() {', 'raf = 0;\n  stop() { cancelAnimationFrame(this.raf); }\n  start() {'),
  loops.timeoutKeptButNeverCleared.replace('  poll() {', '  stop() { clearTimeout(this.timer); }\n  poll() {'),
  // stopped by a flag: the re-arm is conditional, or an early return comes first
  `export class Spinner {
  running = true;
  tick = () => {
    if (this.running) requestAnimationFrame(this.tick);
  };
}`,
  `export class Poller {
  stopped = false;
  poll() {
    if (this.stopped) return;
    setTimeout(() => this.poll(), 1000);
  }
}`,
  // schedules something else, not itself
  `export class Once { run() { setTimeout(() => this.other(), 10); } other() {} }`,
];
dom.run('one-shot timers re-arming themselves (dom, no-dropped-connected-emitter)', forTester(dropped), {
  valid: stoppedLoops,
  invalid: Object.values(loops).map((code) => ({ code, errors: [{ messageId: 'loopNeverCancelled' as const }] })),
});
node.run('one-shot timers re-arming themselves (node-events, no-dropped-connected-emitter)', forTester(dropped), {
  valid: stoppedLoops.filter((code) => !code.includes('AnimationFrame')),
  invalid: [loops.timeoutMethod, loops.timeoutKeptButNeverCleared].map((code) => ({ code, errors: [{ messageId: 'loopNeverCancelled' as const }] })),
});
