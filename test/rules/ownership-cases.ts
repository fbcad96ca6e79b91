// Shared pieces of the two ownership rules' RuleTester suites: the fixture header every case
// starts with, and the two suggestions' expected outputs, written as plain text edits.
export const header = `import { Signal, SignalObject, type Connection } from 'slotguard';
class Store extends SignalObject {
  readonly changed = new Signal<[value: number]>(this, 'changed');
  readonly done = new Signal<[]>(this, 'done');
  child!: Store;
  getChild(): Store { return this.child; }
}
const bus = new Store();
declare function render(value?: number): void;
declare function keep(connection: Connection): void;
declare function inject<T>(token: abstract new (...args: never[]) => T): T;
declare function getStore(): Store;
`;

/** `code` with `this, ` inserted right after `connect(` in `connectCall` (the receiver-bound form). */
export function withReceiver(code: string, connectCall: string): string {
  return replaceOnce(code, connectCall, connectCall.replace('.connect(', '.connect(this, '));
}

/** `code` with `connectCall` wrapped in `this.track(…)`. */
export function withTrack(code: string, connectCall: string): string {
  return replaceOnce(code, connectCall, `this.track(${connectCall})`);
}

function replaceOnce(code: string, search: string, replacement: string): string {
  const at = code.indexOf(search);
  if (at < 0 || code.indexOf(search, at + 1) >= 0) throw new Error(`test setup: ${JSON.stringify(search)} must occur exactly once`);
  return code.slice(0, at) + replacement + code.slice(at + search.length);
}
