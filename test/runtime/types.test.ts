// Type tests: the build (tsc) checks every `@ts-expect-error` line below; a line that stopped
// being an error would fail the build. The runtime test runs the accepted forms.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Signal, SignalObject, type Connection, type MethodKeyOf, type ReadonlySignal } from '../../src/index.js';

class Editor extends SignalObject {
  readonly saved = new Signal<[path: string, bytes: number]>(this, 'saved');
  readonly closed = new Signal(this, 'closed');
}

class Log extends SignalObject {
  lines: string[] = [];
  label = 'log';
  onSaved(path: string, bytes: number): void {
    this.lines.push(`${path}:${bytes}`);
  }
  onPath(path: string): void {
    this.lines.push(path);
  }
  onAnything(...values: unknown[]): void {
    this.lines.push(values.join(','));
  }
  onOptional(path: string, bytes?: number, extra?: boolean): void {
    this.lines.push(`${path}?${bytes ?? ''}${extra ?? ''}`);
  }
  onNumber(n: number): void {
    this.lines.push(String(n));
  }
  onThree(path: string, bytes: number, when: Date): void {
    this.lines.push(`${path}${bytes}${when.getTime()}`);
  }
  onNarrow(path: 'a.txt'): void {
    this.lines.push(path);
  }
}

// MethodKeyOf keeps exactly the methods whose parameters accept the signal's arguments.
type SavedKeys = MethodKeyOf<Log, [string, number]>;
const acceptedKeys: SavedKeys[] = ['onSaved', 'onPath', 'onAnything', 'onOptional'];
// @ts-expect-error onNumber takes a number first, the signal sends a string
const numberKey: SavedKeys = 'onNumber';
// @ts-expect-error onThree needs a third argument the signal does not send
const threeKey: SavedKeys = 'onThree';
// @ts-expect-error onNarrow accepts only one literal, the signal sends any string
const narrowKey: SavedKeys = 'onNarrow';
// @ts-expect-error a field is not a method
const fieldKey: SavedKeys = 'label';

function rejectedForms(editor: Editor, log: Log, other: Signal<[number]>): void {
  // @ts-expect-error the method name must be a method whose parameters fit
  editor.saved.connect(log, 'onNumber');
  // @ts-expect-error a method that needs more arguments than the signal sends
  editor.saved.connect(log, 'onThree');
  // @ts-expect-error not a member at all
  editor.saved.connect(log, 'onMissing');
  // @ts-expect-error a function slot with the wrong parameter type
  editor.saved.connect((path: number) => path);
  // @ts-expect-error a receiver-bound function with the wrong parameter type
  editor.saved.connect(log, function (this: Log, path: boolean) {
    return path;
  });
  // @ts-expect-error forwarding needs a signal with the same arguments
  editor.saved.connect(other);
  // @ts-expect-error emit takes exactly the signal's arguments: one is missing
  editor.saved.emit('a.txt');
  // @ts-expect-error emit takes exactly the signal's arguments: one too many
  editor.saved.emit('a.txt', 1, true);
  // @ts-expect-error emit takes exactly the signal's arguments: wrong type
  editor.saved.emit('a.txt', '1');
  // @ts-expect-error a signal without arguments emits none
  editor.closed.emit(1);
  // @ts-expect-error once must be a boolean
  editor.closed.connect(() => {}, { once: 'yes' });
}

test('the accepted forms compile and run', () => {
  const editor = new Editor();
  const log = new Log();
  const relay = new Signal<[path: string, bytes: number]>();
  const connections: Connection[] = [
    editor.saved.connect(log, 'onSaved'),
    editor.saved.connect(log, 'onPath'),
    editor.saved.connect(log, 'onOptional'),
    editor.saved.connect(log, function (path) {
      this.lines.push(`bound ${path}`);
    }),
    editor.saved.connect((path, bytes) => log.lines.push(`${path}=${bytes}`)),
    editor.saved.connect(() => log.lines.push('no parameters')),
    editor.saved.connect(relay),
  ];
  relay.connect(log, 'onAnything');
  editor.saved.emit('a.txt', 3);
  editor.closed.emit();
  assert.equal(connections.length, 7);
  assert.deepEqual(log.lines, ['a.txt:3', 'a.txt', 'a.txt?3', 'bound a.txt', 'a.txt=3', 'no parameters', 'a.txt,3']);
  assert.deepEqual(acceptedKeys.length, 4);
  assert.equal(typeof rejectedForms, 'function');
  assert.deepEqual([numberKey, threeKey, narrowKey, fieldKey], ['onNumber', 'onThree', 'onNarrow', 'label']);
});

// Receiver forms inside a class, with `this` (a type TypeScript keeps generic there), in a
// subclass, and outside: every one compiles; a method that does not fit is still refused.
class Model extends SignalObject {
  readonly changed = new Signal<[n: number]>(this, 'changed');
}

class View extends SignalObject {
  readonly seen: string[] = [];
  label = 'view';
  constructor(model: Model) {
    super();
    model.changed.connect(this, 'render');
    model.changed.connect(this, 'render', { unique: true });
    // eslint-disable-next-line @typescript-eslint/unbound-method -- the receiver form calls it with this = the view
    model.changed.connect(this, this.render);
    model.changed.connect(this, function (n) {
      this.seen.push(`fn ${n}`);
    });
  }
  /** Never called: the compiler checks these lines. */
  rejectedForms(model: Model): void {
    // @ts-expect-error onPath takes a string, the signal sends a number
    model.changed.connect(this, 'onPath');
    // @ts-expect-error onPath takes a string, the signal sends a number (with options)
    model.changed.connect(this, 'onPath', { once: true });
    // @ts-expect-error a field is not a method
    model.changed.connect(this, 'label');
  }
  attach(model: Model): Connection {
    return model.changed.connect(this, 'render', { once: true });
  }
  render(n: number): void {
    this.seen.push(`render ${n}`);
  }
  onPath(path: string): void {
    this.seen.push(path);
  }
}

class DetailView extends View {
  constructor(model: Model) {
    super(model);
    model.changed.connect(this, 'detail');
    model.changed.connect(this, 'render', { unique: true });
  }
  override rejectedForms(model: Model): void {
    // @ts-expect-error onPath is inherited, and still does not fit
    model.changed.connect(this, 'onPath');
  }
  detail(n: number, extra?: string): void {
    this.seen.push(`detail ${n}${extra ?? ''}`);
  }
}

function outsideForms(model: Model, view: DetailView): void {
  model.changed.connect(view, 'render');
  model.changed.connect(view, 'detail', { unique: true });
}

function outsideRejected(model: Model, view: DetailView): void {
  // @ts-expect-error onPath takes a string, the signal sends a number
  model.changed.connect(view, 'onPath');
}

// ReadonlySignal: what a class exposes when only it may emit.
class Store extends SignalObject {
  readonly #changed = new Signal<[key: string]>(this, 'changed');
  readonly changed: ReadonlySignal<[key: string]> = this.#changed;
  set(key: string): void {
    this.#changed.emit(key);
  }
}

function readonlyForms(store: Store, model: Model, view: View): void {
  const readonly: ReadonlySignal<[n: number]> = model.changed;
  readonly.connect(view, 'render');
  readonly.connect((n) => n.toFixed());
  const next: Promise<[n: number]> = readonly.next({ signal: AbortSignal.timeout(1000) });
  void next;
  // @ts-expect-error a ReadonlySignal has no emit
  readonly.emit(1); // eslint-disable-line @typescript-eslint/no-unsafe-call -- the member does not exist: that is the point
  // @ts-expect-error the Store's signal can be connected to, not emitted from outside
  store.changed.emit('a'); // eslint-disable-line @typescript-eslint/no-unsafe-call -- the member does not exist: that is the point
  // @ts-expect-error a ReadonlySignal of other arguments
  const other: ReadonlySignal<[string]> = model.changed;
  void other;
}

test('receiver forms with this and subclasses run; ReadonlySignal connects and awaits; next() is typed', async () => {
  const model = new Model();
  const view = new DetailView(model);
  view.attach(model);
  outsideForms(model, view);
  model.changed.emit(1);
  // render twice (by name, then by function: unique only merges the second named call), fn, detail; attach's once and outsideForms' render; both unique calls reuse.
  assert.deepEqual(view.seen, ['render 1', 'render 1', 'fn 1', 'detail 1', 'render 1', 'render 1']);
  const store = new Store();
  const keys: string[] = [];
  store.changed.connect((key) => keys.push(key));
  const next: Promise<[key: string]> = store.changed.next();
  store.set('a');
  assert.deepEqual(await next, ['a']);
  assert.deepEqual(keys, ['a']);
  store.dispose();
  assert.equal(store.changed.connectionCount, 0, 'dispose finds the signal through its ReadonlySignal field');
  assert.deepEqual([typeof readonlyForms, typeof outsideRejected, typeof view.rejectedForms], ['function', 'function', 'function']);
  model.dispose();
});
