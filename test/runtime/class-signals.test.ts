// The class-level declaration form (declareSignals): typed like the field form, nothing per
// instance until a signal is used, and seen by dispose(), the registry, the dumps and the leak
// reports like the field form. The shared conformance suites also run in this form
// (class-form.test.ts); this file covers what is particular to it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  configureLeakDetection,
  declareSignals,
  dumpObjectInfo,
  dumpObjectTree,
  registry,
  Signal,
  SignalObject,
  type LeakReport,
  type SignalKeysOf,
} from '../../src/index.js';
import { assertNoLeaks, LeakError } from '../../src/testing.js';

class Row extends SignalObject {
  declare readonly clicked: Signal<[id: number]>;
  declare readonly selected: Signal<[on: boolean, index: number]>;
  declare readonly closed: Signal;
  label = 'row';
  static {
    declareSignals(this, 'clicked', 'selected', 'closed');
  }
  onClicked(id: number): void {
    this.label = `clicked ${id}`;
  }
  onLabel(text: string): void {
    this.label = text;
  }
}

class SelectableRow extends Row {
  declare readonly activated: Signal<[row: SelectableRow]>;
  static {
    declareSignals(this, 'activated');
  }
}

// --- types: the same checks as the field form -----------------------------------------------
const typed = new Row();
typed.clicked.connect((id: number) => id);
typed.clicked.connect(typed, 'onClicked');
typed.selected.emit(true, 2);
/** Compiled, never run: each line must stay a type error. */
function rejected(row: Row): void {
  // @ts-expect-error -- the slot takes a string, the signal passes a number
  row.clicked.connect((text: string) => text);
  // @ts-expect-error -- onLabel takes a string
  row.clicked.connect(row, 'onLabel');
  // @ts-expect-error -- emit takes exactly [id: number]
  row.clicked.emit('1');
  // @ts-expect-error -- emit needs both arguments
  row.selected.emit(true);
  // @ts-expect-error -- class-level signals are read-only, like readonly fields
  row.closed = new Signal();
}
void rejected;
// A name that is no Signal of the class, or a misspelled one, does not compile.
const keys: SignalKeysOf<SelectableRow>[] = ['clicked', 'selected', 'closed', 'activated'];
// @ts-expect-error -- label is a string field, not a signal
const notASignal: SignalKeysOf<Row> = 'label';
// @ts-expect-error -- destroyed is SignalObject's own signal, not declared by the class
const notDeclared: SignalKeysOf<Row> = 'destroyed';
void notASignal;
void notDeclared;
typed.dispose();
/** Compiled, never run: a name that is not a declared Signal of the class. */
function misspelled(): void {
  // @ts-expect-error -- 'clikced' is not a signal of Row
  declareSignals(Row, 'clikced');
  // @ts-expect-error -- 'label' is a string field
  declareSignals(Row, 'label');
}
void misspelled;

test('the signal-key type lists every declared signal, inherited ones too', () => {
  assert.deepEqual(keys, ['clicked', 'selected', 'closed', 'activated']);
});

// --- run time ----------------------------------------------------------------------------------
/** The values the runtime keeps on the object itself (under symbols): all primitive while nothing was used. */
function internalValues(object: object): unknown[] {
  return Object.getOwnPropertySymbols(object).map((key) => (object as Record<symbol, unknown>)[key]);
}

test('a class-level signal cannot be replaced at run time either', () => {
  assert.throws(() => {
    (new Row() as { closed: unknown }).closed = new Signal();
  }, TypeError);
});

test('an unused object has no signal and no own property for one (production mode)', () => {
  configureLeakDetection({ enabled: false }); // development mode adds its own record
  try {
    const row = new Row();
    assert.deepEqual(Object.keys(row), ['label']);
    assert.equal(Object.hasOwn(row, 'clicked'), false);
    assert.ok(internalValues(row).every((value) => typeof value !== 'object' || value === null), 'nothing allocated for the signals');
    void row.clicked;
    assert.ok(internalValues(row).some((value) => typeof value === 'object'), 'the first use made it');
  } finally {
    configureLeakDetection({});
  }
});

test('a signal is made on first use, once, owned and named like a field-form signal', () => {
  const row = new Row();
  const clicked = row.clicked;
  assert.ok(clicked instanceof Signal);
  assert.equal(row.clicked, clicked);
  assert.equal(clicked.owner, row);
  assert.equal(clicked.name, 'clicked');
  assert.equal(row.selected.name, 'selected');
  assert.notEqual(row.selected, clicked);
  assert.notEqual(new Row().clicked, clicked, 'each instance has its own');
});

test('connect, emit, receivers, once and disconnect behave as with fields', () => {
  const row = new Row();
  const seen: unknown[] = [];
  row.selected.connect((on, index) => seen.push([on, index]));
  row.clicked.connect(row, 'onClicked');
  row.closed.connect(() => seen.push('closed'), { once: true });
  row.selected.emit(true, 3);
  row.clicked.emit(7);
  row.closed.emit();
  row.closed.emit();
  assert.deepEqual(seen, [[true, 3], 'closed']);
  assert.equal(row.label, 'clicked 7');
  assert.equal(row.clicked.disconnect(), 1);
  assert.equal(row.closed.connectionCount, 0);
});

test('subclasses add their own class-level signals; inherited ones keep working', () => {
  const row = new SelectableRow();
  const seen: unknown[] = [];
  row.activated.connect((target) => seen.push(target === row));
  row.clicked.connect((id) => seen.push(id));
  row.activated.emit(row);
  row.clicked.emit(1);
  assert.deepEqual(seen, [true, 1]);
  assert.equal(row.activated.name, 'activated');
  assert.equal(row.clicked.name, 'clicked');
  assert.equal(new Row().clicked.name, 'clicked');
  assert.equal('activated' in new Row(), false);
});

test('dispose() ends the class-level connections, and connect afterwards is refused by name', () => {
  const row = new Row();
  const receiver = new Row();
  const a = row.clicked.connect(() => {});
  const b = row.selected.connect(receiver, () => {});
  row.dispose();
  assert.equal(a.connected, false);
  assert.equal(b.connected, false);
  assert.throws(() => row.clicked.connect(() => {}), /signal 'clicked' of Row.*disposed/);
  assert.throws(() => row.closed.connect(() => {}), /signal 'closed' of Row.*disposed/, 'also a signal never used before');
});

test('disposing a receiver ends connections to it from class-level signals', () => {
  const row = new Row();
  const receiver = new Row();
  const connection = row.clicked.connect(receiver, 'onClicked');
  receiver.dispose();
  assert.equal(connection.connected, false);
  assert.equal(row.clicked.connectionCount, 0);
});

test('blockSignals blocks class-level signals, connected before or after', () => {
  const row = new Row();
  const seen: string[] = [];
  row.clicked.connect(() => seen.push('clicked'));
  row.blockSignals(true);
  row.selected.connect(() => seen.push('selected'));
  row.clicked.emit(1);
  row.selected.emit(true, 1);
  row.blockSignals(false);
  row.clicked.emit(1);
  row.selected.emit(true, 1);
  assert.deepEqual(seen, ['clicked', 'selected']);
});

test('dumpObjectInfo, dumpObjectTree and the registry list class-level signals like fields', () => {
  const row = new Row();
  row.objectName = 'r1';
  const slot = function onClick(): void {};
  row.clicked.connect(slot);
  const info = dumpObjectInfo(row);
  assert.match(info, /clicked \(1 connection\)\n\s+--> onClick/);
  assert.match(info, /selected \(0 connections\)/);
  assert.match(info, /closed \(0 connections\)/);
  assert.equal(dumpObjectTree(row), 'Row::r1  [clicked: 1, selected: 0, closed: 0]');
  assert.deepEqual(registry.connectionsOf(row), [{ signal: 'clicked', slot: 'onClick' }]);
});

test('declareSignals explains what is wrong', () => {
  class Plain {}
  assert.throws(() => declareSignals(Plain as never, 'x' as never), /must be a class that extends SignalObject/);
  class Twice extends SignalObject {
    declare readonly a: Signal;
  }
  declareSignals(Twice, 'a');
  assert.throws(() => declareSignals(Twice, 'a'), /'a' is already a member of Twice/);
  class Clash extends SignalObject {
    declare readonly dispose2: Signal;
    render(): void {}
  }
  assert.throws(() => declareSignals(Clash, 'render' as never), /'render' is already a member/);
  assert.throws(() => declareSignals(Clash, 'parent' as never), /'parent' is already a member/);
  assert.throws(() => declareSignals(Clash), /name at least one signal/);
  assert.throws(() => declareSignals(Clash, '' as never), /non-empty strings/);
});

test('leak reports name class-level signals', async () => {
  const reports: LeakReport[] = [];
  configureLeakDetection({ enabled: true, onLeak: (report) => reports.push(report) });
  try {
    const row = new Row();
    row.dispose();
    assert.throws(() => row.selected.connect(() => {}));
    assert.equal(reports.length, 1);
    assert.equal(reports[0]?.kind, 'use-after-dispose');
    assert.equal(reports[0]?.connections[0]?.signal, 'selected');
    const error = await assertNoLeaks(() => {
      const kept = new Row();
      kept.clicked.connect(function onKept() {});
    }).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    assert.ok(error instanceof LeakError);
    assert.deepEqual(error.reports[0]?.connections.map((c) => [c.signal, c.slot]), [['clicked', 'onKept']]);
  } finally {
    configureLeakDetection({});
  }
});
