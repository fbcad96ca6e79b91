import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { rule } from '../../rules/no-ignored-connection.js';
import type { OnceRuleOptions } from '../../rules/ownership-rule.js';
import { header, withTrack } from './ownership-cases.js';
import { forTester, typedRuleTester } from './rule-tester.js';

type MessageId = keyof typeof rule.meta.messages;

/** Reported connect calls, each given by its exact text in `body`; `track` when `this.track(…)` is suggested. */
function invalid(body: string, connectCalls: string[], options: { track?: boolean; once?: OnceRuleOptions } = {}): InvalidTestCase<MessageId, [OnceRuleOptions]> {
  const code = header + body;
  return {
    code,
    ...(options.once === undefined ? {} : { options: [options.once] }),
    errors: connectCalls.map((connectCall) => ({
      messageId: 'ignoredConnection' as const,
      line: code.slice(0, code.indexOf(connectCall)).split('\n').length,
      suggestions: options.track === true ? [{ messageId: 'trackConnection' as const, output: withTrack(code, connectCall) }] : [],
    })),
  };
}

const valid = (body: string, once?: OnceRuleOptions) => ({ code: header + body, ...(once === undefined ? {} : { options: [once] as [OnceRuleOptions] }) });

typedRuleTester().run('no-ignored-connection', forTester(rule), {
  valid: [
    // the handle is kept and used again
    valid(`export function attach(m: Store) { const c = m.changed.connect(render); return () => c.disconnect(); }`),
    valid(`export function attach(m: Store) { const c = m.changed.connect(render); keep(c); }`),
    valid(`export function attach(m: Store) { return m.changed.connect(render); }`),
    valid(`export const attach = (m: Store) => m.changed.connect(render);`),
    valid(`export function attach(m: Store) { keep(m.changed.connect(render)); }`),
    valid(`export function attach(m: Store, list: Connection[]) { list.push(m.changed.connect(render)); }`),
    valid(`export function attach(m: Store) { return { connection: m.changed.connect(render) }; }`),
    valid(`export function attach(m: Store) { using c = m.changed.connect(render); m.changed.emit(1); }`),
    valid(`let last: Connection | undefined; export function attach(m: Store) { last = m.changed.connect(render); } export function detach() { last?.disconnect(); }`),
    valid(`class V extends SignalObject { #c?: Connection; attach(m: Store) { this.#c = m.changed.connect(render); } detach() { this.#c?.disconnect(); } }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); this.track(m.changed.connect(render)); } }`),
    // receiver-bound, AbortSignal, a matching disconnect
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this, this.render); } render() {} }`),
    valid(`export function attach(m: Store, signal: AbortSignal) { m.changed.connect(render, { signal }); }`),
    valid(`export function attach(m: Store) { m.changed.connect(render); return () => m.changed.disconnect(render); }`),
    valid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); m.changed.connect(render); } override dispose() { this.m.changed.disconnect(render); super.dispose(); } }`),
    // emitters that are owned or local
    valid(`class V extends SignalObject { readonly own = new Store(); constructor() { super(); this.own.changed.connect(render); } }`),
    valid(`class V extends SignalObject { constructor() { super(); new Store(this).changed.connect(render); } }`),
    valid(`class V extends SignalObject { readonly changed = new Signal<[number]>(this, 'changed'); constructor() { super(); this.changed.connect(render); } }`),
    valid(`export function run() { const m = new Store(); m.changed.connect(render); m.changed.emit(1); }`),
    // wired once for the program's life: module top level
    valid(`bus.changed.connect(render);`),
    valid(`export const unsubscribe = bus.changed.connect(render);`),
    // unknown ownership stays silent
    valid(`export function attach() { getStore().changed.connect(render); }`),
    valid(`class V extends SignalObject { rows: Store[] = []; add() { for (const r of this.rows) { r.changed.connect(render); } } }`),
    valid(`class V extends SignalObject { own = new Store(); start() { this.own.child.changed.connect(render); } }`),
    // a line its author marks as not compiling (a type test) is not code that runs
    valid(`export function rejected(m: Store) {\n  // @ts-expect-error a slot with the wrong parameter type\n  m.changed.connect((v: string) => v);\n}`),
    // one finding per connect call: a closure keeping `this` is no-unbound-closure-slot's (it names this rule)
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this.render.bind(this)); } render() {} }`),
    valid(`class V extends SignalObject { onChange = () => this.render(); start(m: Store) { m.changed.connect(this.onChange); } render() {} }`),
    // once: accepted by default (it ends when it fires), and by the option
    valid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.done.connect(render, { once: true }); } }`),
    valid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`, { once: 'allow' }),
    valid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`, { once: true }),
    valid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`, { once: ['done'] }),
  ],
  invalid: [
    // parameters of plain functions
    invalid(`export function attach(m: Store) { m.changed.connect(render); }`, ['m.changed.connect(render)']),
    invalid(`export const attach = (m: Store) => { m.changed.connect(render); };`, ['m.changed.connect(render)']),
    invalid(`export function attach({ m }: { m: Store }) { m.done.connect(() => render()); }`, ['m.done.connect(() => render())']),
    invalid(`export function attach(m: Store) { m.child.changed.connect(render); }`, ['m.child.changed.connect(render)']),
    invalid(`export function attach(ms: Store[]) { for (const m of ms) m.changed.connect(render); }`, ['m.changed.connect(render)']),
    invalid(`export function attach(m: Store) { function inner() { m.changed.connect(render); } inner(); }`, ['m.changed.connect(render)']),
    invalid(`export function attach(m: Store, on: boolean) { if (on) { m.changed.connect(render); } else { m.done.connect(() => render()); } }`, [
      'm.changed.connect(render)',
      'm.done.connect(() => render())',
    ]),
    invalid(`export function attach(m: Store) { try { m.changed.connect(render); } finally { render(); } }`, ['m.changed.connect(render)']),
    invalid(`export function attach(m: Store) { void m.changed.connect(render); }`, ['m.changed.connect(render)']),
    invalid(`export function attach(m: Store) { const c = m.changed.connect(render); }`, ['m.changed.connect(render)']),
    invalid(`export function attach(m: Store) { m['changed'].connect(render); }`, ["m['changed'].connect(render)"]),
    invalid(`class V { static wire(m: Store) { m.changed.connect(render); } }`, ['m.changed.connect(render)']),
    // a module singleton, connected each time a function runs
    invalid(`export function mount() { bus.changed.connect(() => render()); }`, ['bus.changed.connect(() => render())']),
    // classes: parameters, injected services, singletons
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(render); } }`, ['m.changed.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); this.m.changed.connect(render); } }`, ['this.m.changed.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { m?: Store; setStore(m: Store) { this.m = m; this.m.done.connect(render); } }`, ['this.m.done.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { readonly store = inject(Store); start() { this.store.changed.connect(render); } }`, ['this.store.changed.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { start() { bus.changed.connect(render); } }`, ['bus.changed.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { start() { this.parent!.destroyed.connect(render); } }`, ['this.parent!.destroyed.connect(render)'], { track: true }),
    invalid(`class V extends SignalObject { start() { this.parent?.destroyed.connect(render); } }`, ['this.parent?.destroyed.connect(render)'], { track: true }),
    invalid(`class Presenter { constructor(private readonly m: Store) { m.changed.connect(render); } }`, ['m.changed.connect(render)']),
    invalid(`class V extends SignalObject { #c?: Connection; constructor(m: Store) { super(); this.#c = m.changed.connect(render); } }`, ['m.changed.connect(render)']),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(render); m.done.connect(render); } }`, ['m.changed.connect(render)', 'm.done.connect(render)'], { track: true }),
    // once: reported when the option says 'report' (or false), and on signals not listed
    invalid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`, ['m.done.connect(render, { once: true })'], { once: { once: 'report' } }),
    invalid(`export function attach(m: Store) { m.done.connect(render, { once: true }); }`, ['m.done.connect(render, { once: true })'], { once: { once: false } }),
    // a closure that does not keep `this` stays this rule's finding
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(() => render()); } }`, ['m.changed.connect(() => render())'], { track: true }),
    invalid(`export function attach(m: Store) { m.changed.connect(render, { once: true }); }`, ['m.changed.connect(render, { once: true })'], { once: { once: ['done'] } }),
    // a disconnect of another emitter does not end this one
    invalid(`export function attach(m: Store, other: Store) { m.changed.connect(render); other.changed.disconnect(); }`, ['m.changed.connect(render)']),
  ],
});

test('the message is a sentence: its subject, the dropped handle, has a verb', () => {
  assert.match(rule.meta.messages.ignoredConnection, /^\{\{what\}\} .*, \{\{origin\}\}, is dropped, and nothing ends the connection: /);
});
