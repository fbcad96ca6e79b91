// Typed RuleTester cases for slotguard/no-dropped-connected-emitter, linted inside the fixture
// project (test/fixtures/project) against the `slotguard` type stub and the fixture modules
// widgets.ts (emitter classes) and factories.ts (cross-file factories and helpers).
import assert from 'node:assert/strict';
import { rule } from '../../rules/no-dropped-connected-emitter.js';
import { forTester, typedRuleTester } from './rule-tester.js';

const header = `import { Signal, SignalObject } from 'slotguard';
import { Row, Job, Timer, Box, Controller, Model, type Ticker, type TickerAlias } from './widgets.js';
import { createConnectedRow, createRow, createRegisteredRow, keepRow, disposeRow, wire, describeRow, startJob, RowPool, adopt } from './factories.js';
`;

/** A test case's code: the shared imports, then the body. */
function c(body: string): string {
  return header + body;
}

/** The expected output of a suggestion: `code` with its first `from` replaced by `to`. */
function edit(code: string, from: string, to: string): string {
  const index = code.indexOf(from);
  assert.ok(index >= 0, `test setup: ${JSON.stringify(from)} not found`);
  return code.slice(0, index) + to + code.slice(index + from.length);
}

/** Suggestions for a `const row` dropped at the normal end of its block, after `lastStatement`. */
function endOfBlockSuggestions(code: string, name: string, lastStatement: string, indent = '  ', withUsing = true) {
  const suggestions: { messageId: 'suggestDispose' | 'suggestUsing'; output: string }[] = [{ messageId: 'suggestDispose', output: edit(code, lastStatement, `${lastStatement}\n${indent}${name}.dispose();`) }];
  if (withUsing) suggestions.push({ messageId: 'suggestUsing', output: edit(code, `const ${name} =`, `using ${name} =`) });
  return suggestions;
}

function usingSuggestion(code: string, name: string) {
  return [{ messageId: 'suggestUsing' as const, output: edit(code, `const ${name} =`, `using ${name} =`) }];
}

// ---- invalid cases that need their code twice (suggestion outputs) ----

const scopeEnd = c(`export function addRow(onClick: (id: number) => void) {
  const row = new Row();
  row.clicked.connect(onClick);
  row.setText('new');
}`);

const earlyReturn = c(`export function maybe(enabled: boolean) {
  const row = new Row();
  row.clicked.connect(() => {});
  if (!enabled) return;
  row.dispose();
}`);

const elseBranch = c(`export function branch(flag: boolean) {
  const row = new Row();
  row.changed.connect(() => {});
  if (flag) {
    row.dispose();
  } else {
    console.log('kept');
  }
}`);

const loopBody = c(`export function many(count: number) {
  for (let i = 0; i < count; i++) {
    const row = new Row();
    row.clicked.connect(() => {});
  }
}`);

const reassigned = c(`export function swap() {
  let row = new Row();
  row.clicked.connect(() => {});
  row = new Row();
  row.dispose();
}`);

const timerMember = c(`export function timer() {
  const timer = new Timer();
  timer.timeout.connect(() => {});
}`);

const factoryOtherFile = c(`export function fromFactory() {
  const row = createConnectedRow(() => {});
  describeRow(row);
}`);

const wiredElsewhere = c(`export function wired() {
  const row = new Row();
  wire(row, () => {});
}`);

const receiverBound = c(`export function receiver(model: Model) {
  const row = new Row();
  model.changed.connect(row, () => {});
}`);

const fieldOverwrite = c(`export class Panel extends SignalObject {
  private current: Row | undefined;
  show() {
    this.current?.dispose();
    this.current = new Row();
    this.current.clicked.connect(() => {});
  }
  replace() {
    this.current = new Row();
  }
}`);

const fieldFromLocal = c(`export class Panel extends SignalObject {
  private active: Row | null = null;
  open() {
    const row = new Row();
    row.clicked.connect(() => {});
    if (this.active) this.active.dispose();
    this.active = row;
  }
  close() {
    this.active = null;
  }
}`);

const handleKept = c(`export function handle() {
  const row = new Row();
  const connection = row.clicked.connect(() => {});
  console.log(connection.connected);
}`);

const throwStrict = c(`export function work(bad: boolean) {
  const row = new Row();
  row.clicked.connect(() => {});
  if (bad) throw new Error('bad');
  row.dispose();
}`);

const varInSwitch = c(`export function pick(kind: number) {
  const row = new Row();
  row.clicked.connect(() => {});
  switch (kind) {
    case 1:
      row.dispose();
      break;
    case 2:
      break;
    default:
      row.dispose();
  }
}`);


const tickerFactory = `class Tick implements Ticker {
  readonly ticked = new Signal<[number]>(this, 'ticked');
  dispose(): void {}
}
function makeTicker(): TickerAlias {
  return new Tick();
}
`;

const aliasFactory = c(tickerFactory + `export function f() {
  const ticker = makeTicker();
  ticker.ticked.connect(() => {});
}`);

const interfaceTyped = c(tickerFactory + `export function f() {
  const ticker: Ticker = new Tick();
  ticker.ticked.connect(() => {});
}`);

const genericBox = c(`export function f() {
  const box = new Box<string>('a');
  box.changed.connect((value) => console.log(value));
}`);

const getterSignal = c(`export function f() {
  const timer = new Timer();
  timer.tick.connect((n) => console.log(n));
}`);

const shortCircuit = c(`export function f(flag: boolean) {
  const row = new Row();
  row.clicked.connect(() => {});
  flag && row.dispose();
}`);

const optionalChain = c(`export function f(flag: boolean) {
  const row = flag ? new Row() : undefined;
  row?.clicked.connect(() => {});
}`);

const otherSignalLeft = c(`export function f() {
  const row = new Row();
  row.clicked.connect(() => {});
  row.changed.connect(() => {});
  row.clicked.disconnect();
}`);

const oneHandleLeft = c(`export function f() {
  const row = new Row();
  const first = row.clicked.connect(() => {});
  const second = row.clicked.connect(() => {});
  first.disconnect();
  void second;
}`);

const loopReassign = c(`export function f(count: number) {
  let row: Row | undefined;
  for (let i = 0; i < count; i++) {
    row = new Row();
    row.clicked.connect(() => {});
  }
  row?.dispose();
}`);

const whileLoop = c(`export function f(queue: number[]) {
  while (queue.length > 0) {
    const job = new Job();
    job.finished.connect(() => queue.pop());
    job.start();
  }
}`);

const arrowUnit = c(`export const attach = () => {
  const row = new Row();
  row.clicked.connect(() => {});
};`);

const methodUnit = c(`export class List extends SignalObject {
  open() {
    const row = new Row();
    row.clicked.connect(this, () => {});
  }
}`);

const receiverController = c(`export function f(row: Row) {
  const controller = new Controller();
  row.clicked.connect(controller, 'onClicked');
}`);

const nullParent = c(`export function f() {
  const row = new Row(null);
  row.clicked.connect(() => {});
}`);

const conditionalStore = c(`export function f(keep: boolean) {
  const row = new Row();
  row.clicked.connect(() => {});
  if (keep) keepRow(row);
}`);

const sameFileFactory = c(`function build(): Row {
  const row = new Row();
  row.changed.connect(() => {});
  return row;
}
export function f() {
  const row = build();
  row.setText('x');
}`);

const insideTry = c(`export function f() {
  try {
    const row = new Row();
    row.clicked.connect(() => {});
  } catch (error) {
    console.error(error);
  }
}`);

const catchStrict = c(`export function f(work: () => void) {
  const row = new Row();
  row.clicked.connect(() => {});
  try {
    work();
    row.dispose();
  } catch (error) {
    console.error(error);
  }
}`);

const doWhile = c(`export function f(more: () => boolean) {
  do {
    const job = new Job();
    job.finished.connect(() => {});
  } while (more());
}`);

const genericCtor = c(`export function make<T extends Row>(ctor: new () => T) {
  const row = new ctor();
  row.clicked.connect(() => {});
}`);

const primitiveMember = c(`export function f() {
  const row = new Row();
  row.clicked.connect(() => {});
  console.log(row.text);
}`);

const forOf = c(`export function f(ids: number[]) {
  for (const id of ids) {
    const row = new Row();
    row.clicked.connect(() => console.log(id));
    if (id > 10) break;
    row.dispose();
  }
}`);

typedRuleTester().run('no-dropped-connected-emitter', forTester(rule), {
  valid: [

    // the catch path is an exception path: only strict follows it
    catchStrict,
    // every connected signal disconnected
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); row.changed.connect(() => {}); row.clicked.disconnect(); row.changed.disconnect(); }`),
    c(`export function f() { const row = new Row(); const a = row.clicked.connect(() => {}); const b = row.changed.connect(() => {}); a.disconnect(); b[Symbol.dispose](); }`),
    // a receiver-bound connection ended by disconnecting the receiver
    c(`export function f(model: Model) { const row = new Row(); model.changed.connect(row, () => {}); model.changed.disconnect(row); }`),
    // a connected ticker of an alias type, disposed
    c(tickerFactory + `export function f() { const ticker = makeTicker(); ticker.ticked.connect(() => {}); ticker.dispose(); }`),
    // disposed on the break path and the normal path
    c(`export function f(ids: number[]) { for (const id of ids) { const row = new Row(); row.clicked.connect(() => id); if (id > 10) { row.dispose(); break; } row.dispose(); } }`),
    // a loop that reassigns after disposing
    c(`export function f(count: number) { let row: Row | undefined; for (let i = 0; i < count; i++) { row?.dispose(); row = new Row(); row.clicked.connect(() => {}); } row?.dispose(); }`),
    // handed to a closure that a long-lived signal keeps
    c(`export function f(model: Model) { const row = new Row(); row.clicked.connect(() => {}); model.changed.connect(() => row.setText('x')); }`),
    // unknown callee (no body to read): assumed to keep it
    c(`declare function register(row: Row): void;
export function f() { const row = new Row(); row.clicked.connect(() => {}); register(row); }`),
    // async: awaited work, then disposed
    c(`export async function f(load: () => Promise<void>) { const row = new Row(); row.clicked.connect(() => {}); await load(); row.dispose(); }`),
    // a generator that yields it
    c(`export function* rows() { const row = new Row(); row.clicked.connect(() => {}); yield row; }`),
    // disposed on every path
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); row.dispose(); }`),
    c(`export function f(x: boolean) { const row = new Row(); row.clicked.connect(() => {}); if (x) { row.dispose(); return; } row.dispose(); }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); row[Symbol.dispose](); }`),
    c(`export function f() { using row = new Row(); row.clicked.connect(() => {}); }`),
    c(`export function f() { const row = new Row(); try { row.clicked.connect(() => {}); work(); } finally { row.dispose(); } }
function work() {}`),
    c(`export function f(): number { const row = new Row(); try { row.clicked.connect(() => {}); return 1; } finally { row.dispose(); } }`),
    c(`export function f(kind: number) { const row = new Row(); row.clicked.connect(() => {}); switch (kind) { case 1: row.dispose(); break; default: row.dispose(); } }`),
    c(`export function f(items: number[]) { for (const item of items) { const row = new Row(); row.clicked.connect(() => item); row.dispose(); } }`),
    c(`export function f(items: number[]) { for (const item of items) { const row = new Row(); row.clicked.connect(() => {}); if (item > 2) { row.dispose(); continue; } row.dispose(); } }`),
    c(`export function f(flag: boolean) { const row = new Row(); row.clicked.connect(() => {}); flag ? row.dispose() : row.dispose(); }`),
    c(`export function f(row?: Row) { const r = new Row(); r.clicked.connect(() => {}); r?.dispose(); void row; }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); disposeRow(row); }`),
    // fully disconnected
    c(`export function f() { const row = new Row(); const connection = row.clicked.connect(() => {}); connection.disconnect(); }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); row.clicked.disconnect(); }`),
    c(`export function f() { const row = new Row(); using connection = row.clicked.connect(() => {}); void connection; }`),
    // escaped: returned, stored in a field, an outer variable, a collection, a closure that escapes, a storing function
    c(`export function f(): Row { const row = new Row(); row.clicked.connect(() => {}); return row; }`),
    c(`export const make = () => { const row = new Row(); row.clicked.connect(() => {}); return row; };`),
    c(`export class P { row?: Row; open() { const row = new Row(); row.clicked.connect(() => {}); this.row = row; } }`),
    c(`let last: Row | undefined;
export function f() { const row = new Row(); row.clicked.connect(() => {}); last = row; }
export function g() { return last; }`),
    c(`const rows: Row[] = [];
export function f() { const row = new Row(); row.clicked.connect(() => {}); rows.push(row); }`),
    c(`const rows = new Map<string, Row>();
export function f(key: string) { const row = new Row(); row.clicked.connect(() => {}); rows.set(key, row); }`),
    c(`const rows = new Set<Row>();
export function f() { const row = new Row(); row.clicked.connect(() => {}); rows.add(row); }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); setTimeout(() => row.dispose(), 10); }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); keepRow(row); }`),
    c(`export function f(pool: RowPool) { const row = new Row(); row.clicked.connect(() => {}); pool.add(row); }`),
    c(`export function f() { const row = new Row(); row.clicked.connect(() => {}); return { row }; }`),
    // owned: parent passed to the constructor, setParent, track, a helper that sets the parent
    c(`export class P extends SignalObject { open() { const row = new Row(this); row.clicked.connect(() => {}); } }`),
    c(`export class P extends SignalObject { open() { const row = new Row(); row.clicked.connect(() => {}); row.setParent(this); } }`),
    c(`export class P extends SignalObject { open() { const row = this.track(new Row()); row.clicked.connect(() => {}); } }`),
    c(`export class P extends SignalObject { open() { const row = new Row(); row.clicked.connect(() => {}); this.track(row); } }`),
    c(`export class P extends SignalObject { open() { const row = new Row(); row.clicked.connect(() => {}); adopt(this, row); } }`),
    c(`export class P extends SignalObject { open() { new Row(this).clicked.connect(() => {}); } }`),
    // the slot ends the object itself
    c(`export function f() { const job = new Job(); job.finished.connect(() => job.dispose()); job.start(); }`),
    // not connected, or not fresh, or not an emitter
    c(`export function f() { const row = new Row(); row.setText('x'); }`),
    c(`export function f(row: Row) { row.clicked.connect(() => {}); }`),
    c(`export function f(model: Model) { model.changed.connect(() => {}); }`),
    c(`export function f() { const row = createRegisteredRow(); row.clicked.connect(() => {}); }`),
    c(`export function f() { const map = new Map<string, number>(); map.set('a', 1); }`),
    c(`export function f() { const signal = new Signal<[number]>(); signal.connect(() => {}); }`),
    // module-level variables live as long as the program
    c(`export const row = new Row();
row.clicked.connect(() => {});`),
    // exception paths are reported only by the strict option
    throwStrict,
    // a kept connection of a receiver-bound slot does not make the receiver "connected and dropped"
    c(`export function f(model: Model) { const row = new Row(); const connection = model.changed.connect(row, () => {}); return connection; }`),
    // the connection handle is handed on: whoever keeps it ends it
    c(`export class P { connection?: { disconnect(): boolean }; open() { const row = new Row(); this.connection = row.clicked.connect(() => {}); } }`),
    // field overwrite after dispose, guarded assignment, collection cleared after disposing its items
    c(`export class P { private current?: Row; show() { this.current?.dispose(); this.current = new Row(); this.current.clicked.connect(() => {}); } }`),
    c(`export class P { private current?: Row; show() { if (!this.current) { this.current = new Row(); this.current.clicked.connect(() => {}); } } }`),
    c(`export class P {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  reset() { for (const row of this.rows) row.dispose(); this.rows = []; }
  removeAt(i: number) { const [row] = this.rows.splice(i, 1); row?.dispose(); }
  removeLast() { this.rows.pop()?.dispose(); }
}`),
    c(`export class P {
  private rows = new Map<string, Row>();
  add(key: string) { const row = new Row(); row.clicked.connect(() => {}); this.rows.set(key, row); }
  remove(key: string) { this.rows.get(key)?.dispose(); this.rows.delete(key); }
  clear() { this.rows.forEach((row) => row.dispose()); this.rows.clear(); }
}`),
    // cleared after calling a method of the class that handles the old values
    c(`export class P {
  private rows: Row[] = [];
  private current?: Row;
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); this.current = row; }
  private disposeAll() { for (const row of this.rows) row.dispose(); }
  reset() { this.disposeAll(); this.rows = []; this.current = undefined; }
}`),
    // an object member handed on may keep the object (its signal forwarded, kept by the callee)
    c(`declare function forward(signal: Signal<[string]>): void;
export function f() { const row = new Row(); row.clicked.connect(() => {}); forward(row.changed); }`),
    c(`export function f(keep: object[]) { const row = new Row(); row.clicked.connect(() => {}); const changed = row.changed; keep.push(changed); }`),
    // a collection of rows that were never connected
    c(`export class P { private rows: Row[] = []; add() { this.rows.push(new Row()); } reset() { this.rows = []; } }`),
    // a temporary whose connection is kept
    c(`export function f() { const connection = new Row().clicked.connect(() => {}); return connection; }`),
    // an emitter stored in a field and connected there, but the field is never overwritten
    c(`export class P { private readonly row = new Row(); constructor() { this.row.clicked.connect(() => {}); } }`),
  ],
  invalid: [

    { code: aliasFactory, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'ticker', type: 'Ticker', signals: "'ticked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(aliasFactory, 'ticker', 'ticker.ticked.connect(() => {});', '  ', false) }] },
    { code: interfaceTyped, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'ticker', type: 'Tick', signals: "'ticked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(interfaceTyped, 'ticker', 'ticker.ticked.connect(() => {});', '  ', false) }] },
    { code: genericBox, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'box', type: 'Box<string>', signals: "'changed'", release: 'dispose' }, suggestions: endOfBlockSuggestions(genericBox, 'box', 'box.changed.connect((value) => console.log(value));', '  ', false) }] },
    { code: getterSignal, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'timer', type: 'Timer', signals: "'tick'", release: 'dispose' }, suggestions: endOfBlockSuggestions(getterSignal, 'timer', 'timer.tick.connect((n) => console.log(n));', '  ', false) }] },
    { code: shortCircuit, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(shortCircuit, 'row', 'flag && row.dispose();') }] },
    { code: optionalChain, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: [{ messageId: 'suggestDispose', output: edit(optionalChain, 'row?.clicked.connect(() => {});', 'row?.clicked.connect(() => {});\n  row?.dispose();') }, ...usingSuggestion(optionalChain, 'row')] }] },
    { code: otherSignalLeft, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'changed'", release: 'dispose' }, suggestions: endOfBlockSuggestions(otherSignalLeft, 'row', 'row.clicked.disconnect();') }] },
    { code: oneHandleLeft, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(oneHandleLeft, 'row', 'void second;') }] },
    {
      code: loopReassign,
      errors: [{ messageId: 'droppedByReassignment', line: 7, suggestions: [{ messageId: 'suggestDispose', output: edit(loopReassign, '    row = new Row();', '    row?.dispose();\n    row = new Row();') }] }],
    },
    { code: whileLoop, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'job', type: 'Job', signals: "'finished'", release: 'dispose' }, suggestions: endOfBlockSuggestions(whileLoop, 'job', 'job.start();', '    ') }] },
    { code: arrowUnit, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(arrowUnit, 'row', 'row.clicked.connect(() => {});') }] },
    { code: methodUnit, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(methodUnit, 'row', 'row.clicked.connect(this, () => {});', '    ') }] },
    { code: receiverController, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'controller', type: 'Controller', signals: "'row.clicked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(receiverController, 'controller', "row.clicked.connect(controller, 'onClicked');") }] },
    { code: nullParent, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(nullParent, 'row', 'row.clicked.connect(() => {});') }] },
    { code: conditionalStore, errors: [{ messageId: 'droppedAtScopeEnd' , suggestions: [] }] },
    {
      code: sameFileFactory,
      errors: [
        {
          messageId: 'droppedAtScopeEnd',
          line: 10,
          data: { name: 'row', type: 'Row', signals: "'changed'", release: 'dispose' },
          suggestions: [
            { messageId: 'suggestDispose', output: edit(sameFileFactory, "row.setText('x');", "row.setText('x');\n  row.dispose();") },
            { messageId: 'suggestUsing', output: edit(sameFileFactory, 'const row = build()', 'using row = build()') },
          ],
        },
      ],
    },
    { code: insideTry, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(insideTry, 'row', 'row.clicked.connect(() => {});', '    ') }] },
    { code: catchStrict, options: [{ strict: true }], errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(catchStrict, 'row', '    console.error(error);\n  }') }] },
    { code: doWhile, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(doWhile, 'job', 'job.finished.connect(() => {});', '    ') }] },
    { code: genericCtor, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'T', signals: "'clicked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(genericCtor, 'row', 'row.clicked.connect(() => {});') }] },
    // a primitive member handed on does not keep the object
    { code: primitiveMember, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(primitiveMember, 'row', 'console.log(row.text);') }] },
    // the presets setting is read (the default model, named explicitly)
    { code: timerMember, settings: { slotguard: { presets: ['slotguard'] } }, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(timerMember, 'timer', 'timer.timeout.connect(() => {});', '  ', false) }] },
    { code: forOf, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: usingSuggestion(forOf, 'row') }] },
    {
      code: c(`export class P {
  make(): Row { const row = new Row(); row.clicked.connect(() => {}); return row; }
  run() { this.make(); }
}`),
      errors: [{ messageId: 'neverStored', data: { name: 'this.make()', type: 'Row', signals: "'clicked'", release: 'dispose' } }],
    },
    {
      code: c(`export class P {
  private current?: Row;
  show() { this.current = createConnectedRow(() => {}); }
  dispose() { this.current = undefined; }
}`),
      // show() called twice overwrites the connected row it made the first time (the class invariant)
      errors: [
        { messageId: 'droppedByFieldOverwrite', line: 6, suggestions: [{ messageId: 'suggestDispose', output: c(`export class P {
  private current?: Row;
  show() { this.current?.dispose();
  this.current = createConnectedRow(() => {}); }
  dispose() { this.current = undefined; }
}`) }] },
        { messageId: 'droppedByFieldOverwrite', line: 7, suggestions: [{ messageId: 'suggestDispose', output: c(`export class P {
  private current?: Row;
  show() { this.current = createConnectedRow(() => {}); }
  dispose() { this.current?.dispose();
  this.current = undefined; }
}`) }] },
      ],
    },
    {
      code: c(`export class P {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  reset() { this.rows.splice(0); }
}`),
      errors: [{ messageId: 'droppedFromCollection', line: 7, data: { name: 'this.rows', type: 'Row[]', signals: "'clicked'", operation: 'this.rows.splice(0)', release: 'dispose', removal: 'replace it with `for (const item of this.rows.splice(0)) item.dispose()`' } }],
    },
    {
      code: scopeEnd,
      errors: [{ messageId: 'droppedAtScopeEnd', line: 5, column: 15, data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(scopeEnd, 'row', "row.setText('new');") }],
    },
    { code: earlyReturn, errors: [{ messageId: 'droppedAtScopeEnd', line: 5, suggestions: usingSuggestion(earlyReturn, 'row') }] },
    { code: elseBranch, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'changed'", release: 'dispose' }, suggestions: endOfBlockSuggestions(elseBranch, 'row', "    console.log('kept');\n  }") }] },
    { code: loopBody, errors: [{ messageId: 'droppedAtScopeEnd', line: 6, suggestions: endOfBlockSuggestions(loopBody, 'row', 'row.clicked.connect(() => {});', '    ') }] },
    {
      code: reassigned,
      errors: [{ messageId: 'droppedByReassignment', line: 7, data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: [{ messageId: 'suggestDispose', output: edit(reassigned, '  row = new Row();', '  row.dispose();\n  row = new Row();') }] }],
    },
    { code: timerMember, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'timer', type: 'Timer', signals: "'timeout'", release: 'dispose' }, suggestions: endOfBlockSuggestions(timerMember, 'timer', 'timer.timeout.connect(() => {});', '  ', false) }] },
    { code: factoryOtherFile, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: endOfBlockSuggestions(factoryOtherFile, 'row', 'describeRow(row);') }] },
    { code: wiredElsewhere, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(wiredElsewhere, 'row', 'wire(row, () => {});') }] },
    { code: receiverBound, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'row', type: 'Row', signals: "'model.changed'", release: 'dispose' }, suggestions: endOfBlockSuggestions(receiverBound, 'row', 'model.changed.connect(row, () => {});') }] },
    {
      code: fieldOverwrite,
      errors: [{ messageId: 'droppedByFieldOverwrite', line: 12, data: { name: 'this.current', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: [{ messageId: 'suggestDispose', output: edit(fieldOverwrite, '  replace() {\n    this.current', '  replace() {\n    this.current?.dispose();\n    this.current') }] }],
    },
    {
      code: fieldFromLocal,
      errors: [{ messageId: 'droppedByFieldOverwrite', line: 13, suggestions: [{ messageId: 'suggestDispose', output: edit(fieldFromLocal, '    this.active = null;', '    this.active?.dispose();\n    this.active = null;') }] }],
    },
    { code: handleKept, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(handleKept, 'row', 'console.log(connection.connected);') }] },
    { code: varInSwitch, errors: [{ messageId: 'droppedAtScopeEnd', suggestions: endOfBlockSuggestions(varInSwitch, 'row', '      row.dispose();\n  }') }] },
    // strict: the throw between connect and dispose
    { code: throwStrict, options: [{ strict: true }], errors: [{ messageId: 'droppedOnThrow', data: { name: 'row', type: 'Row', signals: "'clicked'", line: '7' }, suggestions: usingSuggestion(throwStrict, 'row') }] },
    // never stored
    { code: c(`export function f() { new Row().clicked.connect(() => {}); }`), errors: [{ messageId: 'neverStored', data: { name: 'new Row()', type: 'Row', signals: "'clicked'", release: 'dispose' } }] },
    { code: c(`export function f() { new Timer().timeout.connect(() => {}); }`), errors: [{ messageId: 'neverStored' }] },
    { code: c(`export function f() { createRow().changed.connect(() => {}); }`), errors: [{ messageId: 'neverStored', data: { name: 'createRow()', type: 'Row', signals: "'changed'", release: 'dispose' } }] },
    { code: c(`export function f() { createConnectedRow(() => {}); }`), errors: [{ messageId: 'neverStored', data: { name: 'createConnectedRow(() => {})', type: 'Row', signals: "'clicked'" } }] },
    { code: c(`export function f() { startJob(); }`), errors: [{ messageId: 'neverStored', data: { name: 'startJob()', type: 'Job', signals: "'finished'", release: 'dispose' } }] },
    { code: c(`new Row().clicked.connect(() => {});`), errors: [{ messageId: 'neverStored' }] },
    { code: c(`export function f() { void new Row().clicked.connect(() => {}); }`), errors: [{ messageId: 'neverStored' }] },
    // collections
    {
      code: c(`export class P {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  reset() { this.rows = []; }
  truncate() { this.rows.length = 0; }
  removeAt(i: number) { this.rows.splice(i, 1); }
  removeLast() { this.rows.pop(); }
  removeFirst() { this.rows.shift(); }
}`),
      errors: [
        { messageId: 'droppedFromCollection', line: 7, data: { name: 'this.rows', type: 'Row[]', signals: "'clicked'", operation: 'this.rows = []', release: 'dispose', removal: 'run `for (const item of this.rows) item.dispose()` first' } },
        { messageId: 'droppedFromCollection', line: 8, data: { name: 'this.rows', type: 'Row[]', signals: "'clicked'", operation: 'this.rows.length = 0', release: 'dispose', removal: 'run `for (const item of this.rows) item.dispose()` first' } },
        { messageId: 'droppedFromCollection', line: 9 },
        { messageId: 'droppedFromCollection', line: 10 },
        { messageId: 'droppedFromCollection', line: 11 },
      ],
    },
    {
      code: c(`export class P {
  private rows = new Map<string, Row>();
  add(key: string) { const row = new Row(); row.clicked.connect(() => {}); this.rows.set(key, row); }
  remove(key: string) { this.rows.delete(key); }
  clear() { this.rows.clear(); }
}`),
      errors: [
        { messageId: 'droppedFromCollection', line: 7, data: { name: 'this.rows', type: 'Map<string, Row>', signals: "'clicked'", operation: 'this.rows.delete(key)', release: 'dispose', removal: 'run `this.rows.get(key)?.dispose()` first' } },
        { messageId: 'droppedFromCollection', line: 8 },
      ],
    },
    {
      code: c(`export class P {
  private jobs = new Set<Job>();
  run() { const job = new Job(); job.finished.connect(() => {}); job.start(); this.jobs.add(job); }
  stop() { if (this.jobs.size > 0) this.jobs.clear(); }
}`),
      errors: [{ messageId: 'droppedFromCollection', line: 7 }],
    },
    {
      code: c(`export class P {
  private rows: Row[] = [];
  add() { this.rows.push(createConnectedRow(() => {})); }
  reset() { this.rows = []; }
}`),
      errors: [{ messageId: 'droppedFromCollection', line: 7 }],
    },
  ],
});
