import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import { rule } from '../../rules/no-unbound-closure-slot.js';
import type { OnceRuleOptions } from '../../rules/ownership-rule.js';
import { header, withReceiver, withTrack } from './ownership-cases.js';
import { forTester, typedRuleTester } from './rule-tester.js';

type Suggestion = 'receiver' | 'track';
type MessageId = keyof typeof rule.meta.messages;

/** One reported connect call: `connectCall` is its exact text in `body`. */
function invalid(body: string, connectCall: string, suggestions: Suggestion[], options?: OnceRuleOptions): InvalidTestCase<MessageId, [OnceRuleOptions]> {
  const code = header + body;
  return {
    code,
    ...(options === undefined ? {} : { options: [options] }),
    errors: [
      {
        messageId: 'unboundClosureSlot',
        line: code.slice(0, code.indexOf(connectCall)).split('\n').length,
        suggestions: suggestions.map((kind) =>
          kind === 'receiver'
            ? { messageId: 'useReceiver' as const, output: withReceiver(code, connectCall) }
            : { messageId: 'trackConnection' as const, output: withTrack(code, connectCall) },
        ),
      },
    ],
  };
}

const both: Suggestion[] = ['receiver', 'track'];
const valid = (body: string, options?: OnceRuleOptions) => ({ code: header + body, ...(options === undefined ? {} : { options: [options] as [OnceRuleOptions] }) });

typedRuleTester().run('no-unbound-closure-slot', forTester(rule), {
  valid: [
    // receiver-bound: ends when this object is disposed
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this, this.render); } render() {} }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this, () => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this, 'render'); } render() {} }`),
    // tracked
    valid(`class V extends SignalObject { constructor(m: Store) { super(); this.track(m.changed.connect(() => this.render())); } render() {} }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); const c = m.changed.connect(() => this.render()); this.track(c); } render() {} }`),
    // kept and disconnected
    valid(`class V extends SignalObject { #c: Connection; constructor(m: Store) { super(); this.#c = m.changed.connect(() => this.render()); } render() {}
      override dispose() { this.#c.disconnect(); super.dispose(); } }`),
    valid(`class V extends SignalObject { c?: Connection; attach(m: Store) { this.c = m.changed.connect(() => this.render()); } detach() { this.c?.disconnect(); } render() {} }`),
    valid(`class V extends SignalObject { conns: Connection[] = []; attach(m: Store) { this.conns.push(m.changed.connect(() => this.render())); } render() {} }`),
    valid(`class V extends SignalObject { attach(m: Store) { keep(m.changed.connect(() => this.render())); } render() {} }`),
    valid(`class V extends SignalObject { attach(m: Store) { return m.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { attach(m: Store) { using c = m.changed.connect(() => this.render()); m.changed.emit(1); } render() {} }`),
    // AbortSignal tied to this object's lifetime
    valid(`class V extends SignalObject { #abort = new AbortController(); constructor(m: Store) { super(); m.changed.connect(() => this.render(), { signal: this.#abort.signal }); }
      render() {} override dispose() { this.#abort.abort(); super.dispose(); } }`),
    // a matching disconnect of the same signal elsewhere in the class
    valid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); m.changed.connect(() => this.render()); } render() {}
      override dispose() { this.m.changed.disconnect(); super.dispose(); } }`),
    valid(`class V extends SignalObject { m: Store; constructor(m: Store) { super(); this.m = m; m.changed.connect(() => this.render()); } render() {}
      override dispose() { this.m.changed.disconnect(); super.dispose(); } }`),
    // owned emitters: created and kept, a child, setParent, tracked, its own signals
    valid(`class V extends SignalObject { readonly local = new Store(); constructor() { super(); this.local.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor() { super(); const row = new Store(this); row.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor() { super(); const row = new Store(); row.setParent(this); row.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { readonly changed = new Signal<[number]>(this, 'changed'); constructor() { super(); this.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor() { super(); this.destroyed.connect(() => this.render()); } render() {} }`),
    // the closure does not keep this alive
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(() => render()); } }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(function (this: unknown) { render(); }); } }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(render); } }`),
    // signal-to-signal forwarding: the slot is a signal, not a closure
    valid(`class V extends SignalObject { readonly changed = new Signal<[value: number]>(this, 'changed'); constructor(m: Store) { super(); this.track(m.changed.connect(this.changed)); } }`),
    // no `this` at all: plain functions, statics, module top level
    valid(`export function attach(m: Store) { m.changed.connect(() => render()); }`),
    valid(`class V { static wire(m: Store) { m.changed.connect(() => render()); } }`),
    valid(`bus.changed.connect((v) => render(v));`),
    // unknown ownership stays silent: callback parameters, free-function results, members of owned objects
    valid(`class V extends SignalObject { rows = [new Store()]; constructor() { super(); this.rows.forEach((r) => r.changed.connect(() => this.render())); } render() {} }`),
    valid(`class V extends SignalObject { constructor() { super(); getStore().changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { own = new Store(); constructor() { super(); this.own.child.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { m: Store; constructor(m?: Store) { super(); this.m = m ?? new Store(); this.m.changed.connect(() => this.render()); } render() {} }`),
    valid(`class V extends SignalObject { constructor() { super(); const m = new Store(); m.changed.connect(() => this.render()); m.dispose(); } render() {} }`),
    // `once` accepted by default and by option
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.done.connect(() => this.render(), { once: true }); } render() {} }`),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.done.connect(() => this.render(), { once: true }); } render() {} }`, { once: 'allow' }),
    valid(`class V extends SignalObject { constructor(m: Store) { super(); m.done.connect(() => this.render(), { once: true }); } render() {} }`, { once: ['done'] }),
  ],
  invalid: [
    // a parameter
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { attach(m: Store) { m.changed.connect((v) => { if (v > 0) this.render(); }); } render() {} }`, 'm.changed.connect((v) => { if (v > 0) this.render(); })', both),
    invalid(`class V extends SignalObject { constructor({ m }: { m: Store }) { super(); m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { constructor(parent: Store) { super(parent); parent.changed.connect(() => this.render()); } render() {} }`, 'parent.changed.connect(() => this.render())', both),
    // an injected service
    invalid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); this.m.changed.connect(() => this.render()); } render() {} }`, 'this.m.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { m: Store; constructor(m: Store) { super(); this.m = m; } start() { this.m.done.connect(() => this.render()); } render() {} }`, 'this.m.done.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { m?: Store; setStore(m: Store) { this.m = m; this.m.changed.connect(() => this.render()); } render() {} }`, 'this.m.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { readonly store = inject(Store); constructor() { super(); this.store.changed.connect(() => this.render()); } render() {} }`, 'this.store.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); } get model() { return this.m; } start() { this.model.changed.connect(() => this.render()); } render() {} }`, 'this.model.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); const model = this.m; model.changed.connect(() => this.render()); } render() {} }`, 'model.changed.connect(() => this.render())', both),
    // a module singleton
    invalid(`class V extends SignalObject { constructor() { super(); bus.changed.connect(() => this.render()); } render() {} }`, 'bus.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { readonly b = bus; constructor() { super(); this.b.done.connect(() => this.render()); } render() {} }`, 'this.b.done.connect(() => this.render())', both),
    // reached through another object
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.child.changed.connect(() => this.render()); } render() {} }`, 'm.child.changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.getChild().changed.connect(() => this.render()); } render() {} }`, 'm.getChild().changed.connect(() => this.render())', both),
    invalid(`class V extends SignalObject { constructor(ms: Store[]) { super(); for (const m of ms) m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', both),
    // the ways a slot keeps this alive
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(this.render.bind(this)); } render() {} }`, 'm.changed.connect(this.render.bind(this))', both),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); const self = this; m.changed.connect(function () { self.render(); }); } render() {} }`, 'm.changed.connect(function () { self.render(); })', both),
    invalid(`class V extends SignalObject { onChange = () => this.render(); constructor(m: Store) { super(); m.changed.connect(this.onChange); } render() {} }`, 'm.changed.connect(this.onChange)', both),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); const onChange = () => this.render(); m.changed.connect(onChange); } render() {} }`, 'm.changed.connect(onChange)', both),
    invalid(`class V extends SignalObject { count = 0; constructor(m: Store) { super(); m.changed.connect(() => { this.count++; }); } }`, 'm.changed.connect(() => { this.count++; })', both),
    // kept but never ended
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); const c = m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', ['receiver']),
    invalid(`class V extends SignalObject { #c?: Connection; constructor(m: Store) { super(); this.#c = m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', ['receiver']),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); void m.changed.connect(() => this.render()); } render() {} }`, 'm.changed.connect(() => this.render())', ['receiver']),
    // once: reported when the option says 'report', and on signals not listed
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.done.connect(() => this.render(), { once: true }); } render() {} }`, 'm.done.connect(() => this.render(), { once: true })', both, { once: 'report' }),
    invalid(`class V extends SignalObject { constructor(m: Store) { super(); m.changed.connect(() => this.render(), { once: true }); } render() {} }`, 'm.changed.connect(() => this.render(), { once: true })', both, { once: ['done'] }),
    // not a SignalObject: no receiver or track to suggest
    invalid(`class Presenter { constructor(m: Store) { m.changed.connect(() => this.update()); } update() {} }`, 'm.changed.connect(() => this.update())', []),
    invalid(`const V = class extends SignalObject { constructor(m: Store) { super(); m['changed'].connect(() => this.render()); } render() {} };`, "m['changed'].connect(() => this.render())", both),
    // a disconnect of another signal does not end this one
    invalid(`class V extends SignalObject { constructor(private readonly m: Store) { super(); m.changed.connect(() => this.render()); } render() {}
      override dispose() { this.m.done.disconnect(); super.dispose(); } }`, 'm.changed.connect(() => this.render())', both),
  ],
});
