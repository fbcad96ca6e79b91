// The `dom` preset's live resources: sockets, channels, workers, media queries and observers keep
// running (and keep their listeners' captures) until ended, so dropping one connected is a leak; a
// detached element or a plain EventTarget with listeners is garbage (no finding).
import { rule as dropped } from '../../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../../rules/no-unbound-closure-slot.js';
import { forTester, presetFixture, typedRuleTester } from '../rule-tester.js';

const tester = typedRuleTester({ slotguard: { presets: ['slotguard', 'dom'] } }, presetFixture('dom'));

/** Each live resource: how it is made, how it is connected, how it is ended. */
const resources: { make: string; connect: (name: string) => string; end: (name: string) => string }[] = [
  { make: `new WebSocket(url)`, connect: (r) => `${r}.addEventListener('message', (e) => log(e.data))`, end: (r) => `${r}.close()` },
  { make: `new EventSource(url)`, connect: (r) => `${r}.addEventListener('message', (e) => log(e.data))`, end: (r) => `${r}.close()` },
  { make: `new BroadcastChannel(url)`, connect: (r) => `${r}.addEventListener('message', (e) => log(e.data))`, end: (r) => `${r}.close()` },
  { make: `new Worker(url)`, connect: (r) => `${r}.addEventListener('message', (e) => log(e.data))`, end: (r) => `${r}.terminate()` },
  { make: `new ResizeObserver((entries) => log(entries))`, connect: (r) => `${r}.observe(document.body)`, end: (r) => `${r}.disconnect()` },
  { make: `new ResizeObserver((entries) => log(entries))`, connect: (r) => `${r}.observe(document.body)`, end: (r) => `${r}.unobserve(document.body)` },
  { make: `new MutationObserver((records) => log(records))`, connect: (r) => `${r}.observe(document.body, { childList: true })`, end: (r) => `${r}.disconnect()` },
  { make: `new IntersectionObserver((entries) => log(entries))`, connect: (r) => `${r}.observe(document.body)`, end: (r) => `${r}.disconnect()` },
  { make: `new PerformanceObserver((list) => log(list))`, connect: (r) => `${r}.observe({ entryTypes: ['mark'] })`, end: (r) => `${r}.disconnect()` },
  { make: `window.matchMedia(url)`, connect: (r) => `${r}.addEventListener('change', (e) => log(e.matches))`, end: (r) => `${r}.removeEventListener('change', onChange)` },
  { make: `matchMedia(url)`, connect: (r) => `${r}.addEventListener('change', onChange)`, end: (r) => `${r}.removeEventListener('change', onChange)` },
];
const unique = (codes: string[]) => [...new Set(codes)];
const prelude = `const log = (x: unknown) => console.log(x);\nconst onChange = (e: MediaQueryListEvent) => log(e.matches);\n`;

const atScopeEnd = (r: (typeof resources)[number]) => `${prelude}export function watch(url: string) {
  const resource = ${r.make};
  ${r.connect('resource')};
}`;
const temporary = (r: (typeof resources)[number]) => `${prelude}export function watch(url: string) {
  ${r.connect(r.make)};
}`;
const ended = (r: (typeof resources)[number]) => `${prelude}export function watch(url: string) {
  const resource = ${r.make};
  ${r.connect('resource')};
  ${r.end('resource')};
}`;
const returned = (r: (typeof resources)[number]) => `${prelude}export function watch(url: string) {
  const resource = ${r.make};
  ${r.connect('resource')};
  return resource;
}`;
const keptInField = (r: (typeof resources)[number]) => `${prelude}export class View {
  private readonly resource;
  constructor(url: string) {
    this.resource = ${r.make};
    ${r.connect('this.resource')};
  }
  dispose() { ${r.end('this.resource')}; }
}`;
const reassigned = (r: (typeof resources)[number]) => `${prelude}export class View {
  private resource?: ReturnType<typeof make>;
  show(url: string) {
    this.resource = make(url);
    ${r.connect('this.resource')};
  }
}
function make(url: string) { return ${r.make}; }`;

tester.run('dom live resources (no-dropped-connected-emitter)', forTester(dropped), {
  valid: [
    ...unique(resources.flatMap((r) => [ended(r), returned(r), keptInField(r)])),
    // inert targets: a detached element, a plain EventTarget, a created element with a listener
    `export function make() { const el = document.createElement('div'); el.addEventListener('click', () => console.log('x')); }`,
    `export function make() { const t = new EventTarget(); t.addEventListener('x', () => console.log('x')); }`,
    `export function make() { document.createElement('button').addEventListener('click', () => console.log('x')); }`,
    // an observer lives as long as what it observes: its own element, or a parameter's (not judged)
    `export function make(cb: () => void) { const el = document.createElement('div'); const o = new ResizeObserver(cb); o.observe(el); }`,
    `export function make(el: Element, cb: () => void) { new MutationObserver(cb).observe(el, { childList: true }); }`,
    `const container = document.createElement('div');\nexport function make(cb: () => void) { const o = new IntersectionObserver(cb); o.observe(container.firstElementChild!); }`,
    // an observer never started observes nothing
    `export function make() { const o = new ResizeObserver(() => console.log('x')); return typeof o; }`,
    // a project function named matchMedia is not the window's
    `function matchMedia(q: string) { return { q, addEventListener(_t: string, _f: () => void) {}, removeEventListener() {} }; }\nexport function f() { matchMedia('x').addEventListener('change', () => {}); }`,
  ],
  invalid: [
    ...unique(resources.map(atScopeEnd)).map((code) => ({ code, errors: [{ messageId: 'droppedAtScopeEnd' as const, line: 4 }] })),
    ...unique(resources.map(temporary)).map((code) => ({ code, errors: [{ messageId: 'neverStored' as const, line: 4 }] })),
    ...unique(resources.slice(0, 7).map(reassigned)).map((code) => ({ code, errors: [{ messageId: 'droppedByFieldOverwrite' as const, line: 6 }] })),
  ],
});

// The ownership rules leave a resource the code made itself to no-dropped-connected-emitter.
for (const [name, rule] of [
  ['no-ignored-connection', ignored],
  ['no-unbound-closure-slot', unbound],
] as const) {
  tester.run(`dom live resources: ${name} stays silent on fresh resources`, forTester(rule), {
    valid: unique([...resources.map(atScopeEnd), ...resources.map(temporary), ...resources.map(keptInField)]),
    invalid: [],
  });
}
