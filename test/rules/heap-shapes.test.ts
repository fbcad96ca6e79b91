// The leak shapes of the analysis core v2 (issue 9), each in several variants, same file and other
// file, each with a clean twin: persistent holders (fields, module variables) carried from one run
// of a function to the next, loops, labelled jumps, schedulers, local collections, throwing calls.
import assert from 'node:assert/strict';
import { rule } from '../../rules/no-dropped-connected-emitter.js';
import { forTester, typedRuleTester } from './rule-tester.js';

const header = `import { Signal, SignalObject } from 'slotguard';
import { Row, Job } from './widgets.js';
import { createConnectedRow, startJob, keepRow } from './factories.js';
import { Pulse, Deferred, validate } from './schedulers.js';
`;

function c(body: string): string {
  return header + body;
}

/** `code` with `text` inserted before (or after) the first `anchor`. */
function insert(code: string, anchor: string, text: string, after = false): string {
  const index = code.indexOf(anchor);
  assert.ok(index >= 0, `test setup: ${JSON.stringify(anchor)} not found`);
  const at = after ? index + anchor.length : index;
  return code.slice(0, at) + text + code.slice(at);
}

/** suggestDispose: `call` inserted before the statement `anchor`, on the statement's line indent. */
function disposeBefore(code: string, anchor: string, call: string, indent: string) {
  return [{ messageId: 'suggestDispose' as const, output: insert(code, anchor, `${call}\n${indent}`) }];
}

/** suggestDispose at the end of the block (after `last`), then suggestUsing for `const name`. */
function disposeAtEndOrUsing(code: string, name: string, last: string, indent: string, declaration = `const ${name} =`) {
  return [{ messageId: 'suggestDispose' as const, output: insert(code, last, `\n${indent}${name}.dispose();`, true) }, ...using(code, name, declaration)];
}

/** suggestUsing: the `const` of `declaration` (its first occurrence) becomes `using`. */
function using(code: string, name: string, declaration = `const ${name} =`) {
  const index = code.indexOf(declaration);
  assert.ok(index >= 0 && declaration.startsWith('const '), `test setup: ${JSON.stringify(declaration)} not found`);
  return [{ messageId: 'suggestUsing' as const, output: `${code.slice(0, index)}using${code.slice(index + 'const'.length)}` }];
}

const page = `export class Page extends SignalObject { readonly done = new Signal<[]>(this, 'done'); }
`;

const fieldByCreation = c(`export class P {
  private preview?: Row;
  refresh() { this.preview = new Row(); this.preview.clicked.connect(() => {}); }
}`);
const privateByFactory = c(`export class P {
  #preview?: Row;
  refresh() { this.#preview = createConnectedRow(() => {}); }
}`);
const protectedByFactory = c(`export class P {
  protected job?: Job;
  run() {
    this.job = startJob();
  }
}`);
const localIntoField = c(page + `export class Nav {
  private page?: Page;
  goTo() { const p = new Page(); p.done.connect(() => {}); this.page = p; }
}`);
const factoryLocalIntoField = c(`export class Nav {
  #row: Row | null = null;
  open(onClick: (id: number) => void) { const row = createConnectedRow(onClick); this.#row = row; }
}`);
const moduleByCreation = c(`let current: Row | undefined;
export function show() { current = new Row(); current.clicked.connect(() => {}); }`);
const moduleByFactory = c(`let job: Job | undefined;
export function run() {
  job = startJob();
}`);
const loopFactory = c(`export function f(more: () => boolean) {
  let job = startJob();
  while (more()) {
    job = startJob();
  }
  job.dispose();
}`);
const continued = c(`export function f(ids: number[]) {
  for (const id of ids) {
    const row = new Row();
    row.clicked.connect(() => id);
    if (id < 0) continue;
    row.dispose();
  }
}`);
const breakOuter = c(`export function f(as: number[], bs: number[]) {
  outer: for (const a of as) {
    const row = new Row();
    row.clicked.connect(() => a);
    for (const b of bs) { if (b > a) break outer; }
    row.dispose();
  }
}`);
const continueOuter = c(`export function f(as: number[]) {
  outer: for (const a of as) {
    for (let i = 0; i < a; i++) {
      const job = new Job();
      job.finished.connect(() => {});
      if (i > 2) continue outer;
      job.dispose();
    }
  }
}`);
const sameFileFactory = c(`const make = () => { const row = new Row(); row.changed.connect(() => {}); return row; };
export function f() { const row = make(); row.setText('x'); }`);
const otherFileFactory = c(`export function f() { const job = startJob(); job.start(); }`);
const forwarding = c(`export class P extends SignalObject {
  readonly all = new Signal<[ok: boolean]>(this, 'all');
  run() { const job = new Job(); job.finished.connect(this.all); job.start(); }
}`);
const receiverBound = c(`export class P extends SignalObject {
  run() { const job = new Job(); job.finished.connect(this, this.onDone); job.start(); }
  onDone() {}
}`);
const interval = c(`export function f() { const p = new Pulse(); p.tick.connect(() => {}); p.start(); }`);
const microtask = c(`export function f() { const d = new Deferred(); d.done.connect(() => {}); d.schedule(); }`);
const timeoutSameFile = c(`class Blink extends SignalObject {
  readonly on = new Signal<[]>(this, 'on');
  later(): void { setTimeout(() => this.on.emit(), 10); }
}
export function f() { const b = new Blink(); b.on.connect(() => {}); b.later(); }`);
const localArray = c(`export function f(n: number) {
  const rows: Row[] = [];
  for (let i = 0; i < n; i++) { const r = new Row(); r.clicked.connect(() => {}); rows.push(r); }
  console.log(rows.length);
}`);
const localMap = c(`export function f(keys: string[]) {
  const byKey = new Map<string, Row>();
  for (const key of keys) byKey.set(key, createConnectedRow(() => {}));
}`);
const throwsOtherFile = c(`export function f(v: number) { const job = new Job(); job.finished.connect(() => {}); validate(v); job.dispose(); }`);
const throwsSameFile = c(`function check(v: number) { if (!v) throw new Error('zero'); }
export function f(v: number) {
  const row = new Row();
  row.clicked.connect(() => {});
  check(v);
  row.dispose();
}`);

typedRuleTester().run('no-dropped-connected-emitter (heap shapes)', forTester(rule), {
  valid: [
    // field: the old value disposed, or read and disposed, before the overwrite; set in the constructor only
    c(`export class P { private preview?: Row; refresh() { this.preview?.dispose(); this.preview = new Row(); this.preview.clicked.connect(() => {}); } }`),
    c(`export class P { #preview?: Row; refresh() { const old = this.#preview; this.#preview = createConnectedRow(() => {}); old?.dispose(); } }`),
    c(`export class P { private preview: Row; constructor() { this.preview = new Row(); this.preview.clicked.connect(() => {}); } }`),
    c(`export class P { private preview?: Row; refresh() { if (this.preview === undefined) { this.preview = new Row(); this.preview.clicked.connect(() => {}); } } }`),
    c(`export class P { private preview?: Row; refresh() { this.preview ??= createConnectedRow(() => {}); } }`),
    // a connected local stored into a field after the old value is disposed
    c(page + `export class Nav { private page?: Page; goTo() { this.page?.dispose(); const p = new Page(); p.done.connect(() => {}); this.page = p; } }`),
    // module variable: disposed before the overwrite; exported (someone else may end it); handed out
    c(`let current: Row | undefined;
export function show() { current?.dispose(); current = new Row(); current.clicked.connect(() => {}); }`),
    c(`let current: Row | undefined;
export function show() { if (current) current.dispose(); current = createConnectedRow(() => {}); }`),
    c(`export let current: Row | undefined;
export function show() { current = createConnectedRow(() => {}); }`),
    // loops: disposed before the reassignment; a labelled continue after disposing
    c(`export function f(more: () => boolean) { let job = startJob(); while (more()) { job.dispose(); job = startJob(); } job.dispose(); }`),
    c(`export function f(as: number[], bs: number[]) {
  outer: for (const a of as) {
    const row = new Row();
    row.clicked.connect(() => a);
    for (const b of bs) { if (b > a) { row.dispose(); continue outer; } }
    row.dispose();
  }
}`),
    // factory results stored
    c(`export function f() { keepRow(createConnectedRow(() => {})); }`),
    c(`export function f() { const row = createConnectedRow(() => {}); return row; }`),
    // forwarding and receiver-bound connections of a disposed job
    c(`export class P extends SignalObject { readonly all = new Signal<[ok: boolean]>(this, 'all'); run() { const job = new Job(); job.finished.connect(this.all); job.start(); job.dispose(); } }`),
    // schedulers: disposed after start; the scheduled closure itself disposes it
    c(`export function f() { const p = new Pulse(); p.tick.connect(() => {}); p.start(); p.dispose(); }`),
    c(`export function f() { const d = new Deferred(); d.done.connect(() => {}); d.schedule(); queueMicrotask(() => d.dispose()); }`),
    c(`export class Clock extends SignalObject {
  readonly tick = new Signal<[]>(this, 'tick');
  #timer: ReturnType<typeof setInterval> | undefined;
  start(): void { this.#timer = setInterval(() => this.tick.emit(), 1000); }
  override dispose(): void { clearInterval(this.#timer); super.dispose(); }
}
export function f() { const clock = new Clock(); clock.tick.connect(() => {}); clock.start(); clock.dispose(); }`),
    // local collections: returned, disposed by iterating, stored
    c(`export function f(n: number) { const rows: Row[] = []; for (let i = 0; i < n; i++) { const r = new Row(); r.clicked.connect(() => {}); rows.push(r); } return rows; }`),
    c(`export function f(n: number) { const rows = new Set<Row>(); for (let i = 0; i < n; i++) { const r = new Row(); r.clicked.connect(() => {}); rows.add(r); } for (const r of rows) r.dispose(); }`),
    // a field collection: the removed element named and ended after the removal, moved (removed and put back), an insertion
    c(`export class Board {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  remove(row: Row) { const i = this.rows.indexOf(row); this.rows.splice(i, 1); row.dispose(); }
  move(row: Row, to: number) { const from = this.rows.indexOf(row); this.rows.splice(from, 1); this.rows.splice(to, 0, row); }
  insertAt(at: number) { this.rows.splice(at, 0, createConnectedRow(() => {})); }
}`),
    // `this.xs = this.xs.filter(…)` after disposing what the filter leaves out
    c(`export class P {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  prune(keep: (row: Row) => boolean) { for (const r of this.rows) if (!keep(r)) r.dispose(); this.rows = this.rows.filter(keep); }
}`),
    // a throwing call between connect and dispose, not strict; strict with finally or using
    c(`export function f(v: number) { const job = new Job(); job.finished.connect(() => {}); validate(v); job.dispose(); }`),
    { code: c(`export function f(v: number) { const job = new Job(); job.finished.connect(() => {}); try { validate(v); } finally { job.dispose(); } }`), options: [{ strict: true }] },
    { code: c(`export function f(v: number) { using job = new Job(); job.finished.connect(() => {}); validate(v); }`), options: [{ strict: true }] },
    // a call that cannot throw (no throw in its body), strict
    { code: c(`function log(v: number) { console.log(v); }
export function f(v: number) { const job = new Job(); job.finished.connect(() => {}); log(v); job.dispose(); }`), options: [{ strict: true }] },
  ],
  invalid: [
    // a field overwritten by the statement that creates the new emitter, in a method that can run again
    { code: fieldByCreation, errors: [{ messageId: 'droppedByFieldOverwrite', line: 7, data: { name: 'this.preview', type: 'Row', signals: "'clicked'", operation: 'this.preview = new Row()', release: 'dispose' }, suggestions: disposeBefore(fieldByCreation, 'this.preview = new Row();', 'this.preview?.dispose();', '  ') }] },
    { code: privateByFactory, errors: [{ messageId: 'droppedByFieldOverwrite', line: 7, suggestions: disposeBefore(privateByFactory, 'this.#preview = createConnectedRow', 'this.#preview?.dispose();', '  ') }] },
    { code: protectedByFactory, errors: [{ messageId: 'droppedByFieldOverwrite', line: 8, suggestions: disposeBefore(protectedByFactory, 'this.job = startJob();', 'this.job?.dispose();', '    ') }] },
    // a connected local stored into a field at the end of such a method
    { code: localIntoField, errors: [{ messageId: 'droppedByFieldOverwrite', line: 8, data: { name: 'this.page', type: 'Page', signals: "'done'", operation: 'this.page = p', release: 'dispose' }, suggestions: disposeBefore(localIntoField, 'this.page = p;', 'this.page?.dispose();', '  ') }] },
    { code: factoryLocalIntoField, errors: [{ messageId: 'droppedByFieldOverwrite', line: 7, suggestions: disposeBefore(factoryLocalIntoField, 'this.#row = row;', 'this.#row?.dispose();', '  ') }] },
    // a module variable overwritten the same way from an exported function
    { code: moduleByCreation, errors: [{ messageId: 'droppedByReassignment', line: 6, data: { name: 'current', type: 'Row', signals: "'clicked'", release: 'dispose' }, suggestions: disposeBefore(moduleByCreation, 'current = new Row();', 'current?.dispose();', '') }] },
    { code: moduleByFactory, errors: [{ messageId: 'droppedByReassignment', line: 7, suggestions: disposeBefore(moduleByFactory, 'job = startJob();', 'job?.dispose();', '  ') }] },
    // a variable reassigned in a loop while its previous value is connected
    { code: loopFactory, errors: [{ messageId: 'droppedByReassignment', line: 8, suggestions: disposeBefore(loopFactory, 'job = startJob();\n  }', 'job.dispose();', '    ') }] },
    // loop-local emitters left behind by continue and by a labelled break (to the outer loop)
    { code: continued, errors: [{ messageId: 'droppedAtScopeEnd', line: 7, suggestions: using(continued, 'row') }] },
    { code: breakOuter, errors: [{ messageId: 'droppedAtScopeEnd', line: 7, suggestions: using(breakOuter, 'row') }] },
    { code: continueOuter, errors: [{ messageId: 'droppedAtScopeEnd', line: 8, suggestions: using(continueOuter, 'job') }] },
    // factories in the same file and in another file
    { code: sameFileFactory, errors: [{ messageId: 'droppedAtScopeEnd', line: 6, suggestions: disposeAtEndOrUsing(sameFileFactory, 'row', "row.setText('x');", '', 'const row = make()') }] },
    { code: otherFileFactory, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'job', type: 'Job', signals: "'finished'", release: 'dispose' }, suggestions: disposeAtEndOrUsing(otherFileFactory, 'job', 'job.start();', '') }] },
    // receiver-bound and forwarding connections
    { code: forwarding, errors: [{ messageId: 'droppedAtScopeEnd', line: 7, data: { name: 'job', type: 'Job', signals: "'finished'", release: 'dispose' }, suggestions: disposeAtEndOrUsing(forwarding, 'job', 'job.start();', '  ') }] },
    { code: receiverBound, errors: [{ messageId: 'droppedAtScopeEnd', line: 6, suggestions: disposeAtEndOrUsing(receiverBound, 'job', 'job.start();', '  ') }] },
    // an emitter whose own method keeps `this` in a one-turn scheduler, or in setInterval (never stopped)
    { code: interval, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'p', type: 'Pulse', signals: "'tick'", release: 'dispose' }, suggestions: disposeAtEndOrUsing(interval, 'p', 'p.start();', '') }] },
    { code: microtask, errors: [{ messageId: 'droppedAtScopeEnd', data: { name: 'd', type: 'Deferred', signals: "'done'", release: 'dispose' }, suggestions: disposeAtEndOrUsing(microtask, 'd', 'd.schedule();', '') }] },
    { code: timeoutSameFile, errors: [{ messageId: 'droppedAtScopeEnd', line: 9, suggestions: disposeAtEndOrUsing(timeoutSameFile, 'b', 'b.later();', '') }] },
    // a local collection of connected emitters dropped (no suggestion: the elements, not the collection, need disposing)
    { code: localArray, errors: [{ messageId: 'droppedAtScopeEnd', line: 7, data: { name: 'rows', type: 'Row', signals: "'clicked'", release: 'dispose' } }] },
    { code: localMap, errors: [{ messageId: 'droppedAtScopeEnd', line: 7 }] },
    // a field collection: the removed element named but neither ended nor put back
    { code: c(`export class Board {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  remove(row: Row) { const i = this.rows.indexOf(row); this.rows.splice(i, 1); }
}`), errors: [{ messageId: 'droppedFromCollection', line: 8, data: { name: 'this.rows', type: 'Row[]', signals: "'clicked'", operation: 'this.rows.splice(i, 1)', release: 'dispose', removal: 'replace it with `for (const item of this.rows.splice(i, 1)) item.dispose()`' } }] },
    // `this.xs = this.xs.filter(…)`: the elements left out are dropped while connected
    { code: c(`export class P {
  private rows: Row[] = [];
  add() { this.rows.push(createConnectedRow(() => {})); }
  prune(keep: (row: Row) => boolean) { this.rows = this.rows.filter(keep); }
}`), errors: [{ messageId: 'droppedFromCollection', line: 8, data: { name: 'this.rows', type: 'Row[]', signals: "'clicked'", operation: 'this.rows = this.rows.filter(keep)', release: 'dispose', removal: 'dispose those the new value leaves out, before the assignment' } }] },
    // a call that may throw between connect and dispose: strict only (other file, same file)
    { code: throwsOtherFile, options: [{ strict: true }], errors: [{ messageId: 'droppedOnThrow', data: { name: 'job', type: 'Job', signals: "'finished'", line: '5' }, suggestions: using(throwsOtherFile, 'job') }] },
    { code: throwsSameFile, options: [{ strict: true }], errors: [{ messageId: 'droppedOnThrow', line: 7, data: { name: 'row', type: 'Row', signals: "'clicked'", line: '9' }, suggestions: using(throwsSameFile, 'row') }] },
  ],
});
