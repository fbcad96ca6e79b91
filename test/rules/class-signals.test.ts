// The three rules on the class-level declaration form (`declare readonly clicked: Signal<…>` +
// `static { declareSignals(this, …) }`): such a class is an emitter like one with Signal fields,
// its signals' connect calls are connect sites, and dispose()/disconnect end them.
import assert from 'node:assert/strict';
import { rule as dropped } from '../../rules/no-dropped-connected-emitter.js';
import { rule as ignored } from '../../rules/no-ignored-connection.js';
import { rule as unbound } from '../../rules/no-unbound-closure-slot.js';
import { withReceiver, withTrack } from './ownership-cases.js';
import { forTester, typedRuleTester } from './rule-tester.js';

const header = `import { declareSignals, Signal, SignalObject, type Connection } from 'slotguard';
class Row extends SignalObject {
  declare readonly clicked: Signal<[id: number]>;
  declare readonly changed: Signal;
  static {
    declareSignals(this, 'clicked', 'changed');
  }
}
class Store extends SignalObject {
  declare readonly updated: Signal<[value: number]>;
  static {
    declareSignals(this, 'updated');
  }
}
const bus = new Store();
declare function render(value?: number): void;
declare function keep(connection: Connection): void;
`;

function c(body: string): string {
  return header + body;
}

function edit(code: string, from: string, to: string): string {
  const index = code.indexOf(from);
  assert.ok(index >= 0, `test setup: ${JSON.stringify(from)} not found`);
  return code.slice(0, index) + to + code.slice(index + from.length);
}

function lineOf(code: string, text: string): number {
  return code.slice(0, code.indexOf(text)).split('\n').length;
}

// ---- no-dropped-connected-emitter ----

const droppedAtEnd = c(`export function addRow(onClick: (id: number) => void) {
  const row = new Row();
  row.clicked.connect(onClick);
}`);

const droppedOnReassign = c(`export function swap() {
  let row = new Row();
  row.changed.connect(() => {});
  row = new Row();
  row.dispose();
}`);

typedRuleTester().run('no-dropped-connected-emitter (class-level signals)', forTester(dropped), {
  valid: [
    c(`export function ok() { const row = new Row(); row.clicked.connect(() => {}); row.dispose(); }`),
    c(`export function ok() { using row = new Row(); row.clicked.connect(() => {}); }`),
    c(`export function ok() { const row = new Row(); row.clicked.connect(() => {}); return row; }`),
    c(`export function ok() { const row = new Row(); row.clicked.connect(() => {}); row.clicked.disconnect(); }`),
    c(`export function ok(parent: Row) { const row = new Row(parent); row.clicked.connect(() => {}); }`),
    c(`export class List extends SignalObject { rows: Row[] = []; add() { const row = new Row(); row.changed.connect(() => {}); this.rows.push(row); } }`),
    // unconnected: nothing to drop
    c(`export function ok() { const row = new Row(); void row.clicked; }`),
  ],
  invalid: [
    {
      code: droppedAtEnd,
      errors: [
        {
          messageId: 'droppedAtScopeEnd',
          data: { name: 'row', type: 'Row', signals: "'clicked'", release: 'dispose' },
          suggestions: [
            { messageId: 'suggestDispose', output: edit(droppedAtEnd, 'row.clicked.connect(onClick);', 'row.clicked.connect(onClick);\n  row.dispose();') },
            { messageId: 'suggestUsing', output: edit(droppedAtEnd, 'const row =', 'using row =') },
          ],
        },
      ],
    },
    {
      code: droppedOnReassign,
      errors: [
        {
          messageId: 'droppedByReassignment',
          line: lineOf(droppedOnReassign, 'row = new Row();\n  row.dispose'),
          suggestions: [{ messageId: 'suggestDispose', output: edit(droppedOnReassign, '  row = new Row();', '  row.dispose();\n  row = new Row();') }],
        },
      ],
    },
  ],
});

// ---- no-unbound-closure-slot ----

const unboundClosure = c(`export class View extends SignalObject {
  count = 0;
  constructor() {
    super();
    bus.updated.connect((value) => { this.count += value; });
  }
}`);
const unboundCall = 'bus.updated.connect((value) => { this.count += value; })';

typedRuleTester().run('no-unbound-closure-slot (class-level signals)', forTester(unbound), {
  valid: [
    // receiver-bound, kept, tracked, or on a signal the object owns
    c(`export class View extends SignalObject { count = 0; constructor() { super(); bus.updated.connect(this, (value) => { this.count += value; }); } }`),
    c(`export class View extends SignalObject { count = 0; constructor() { super(); this.track(bus.updated.connect((value) => { this.count += value; })); } }`),
    c(`export class View extends SignalObject { row = new Row(); n = 0; constructor() { super(); this.row.clicked.connect((id) => { this.n = id; }); } }`),
    c(`export class View extends Row { n = 0; constructor() { super(); this.clicked.connect((id) => { this.n = id; }); } }`),
  ],
  invalid: [
    {
      code: unboundClosure,
      errors: [
        {
          messageId: 'unboundClosureSlot',
          line: lineOf(unboundClosure, unboundCall),
          suggestions: [
            { messageId: 'useReceiver', output: withReceiver(unboundClosure, unboundCall) },
            { messageId: 'trackConnection', output: withTrack(unboundClosure, unboundCall) },
          ],
        },
      ],
    },
  ],
});

// ---- no-ignored-connection ----

const ignoredParam = c(`export class Chart extends SignalObject {
  attach(store: Store) {
    store.updated.connect(render);
  }
}`);

typedRuleTester().run('no-ignored-connection (class-level signals)', forTester(ignored), {
  valid: [
    c(`export function attach(store: Store) { const c = store.updated.connect(render); return () => c.disconnect(); }`),
    c(`export function attach(store: Store) { keep(store.updated.connect(render)); }`),
    c(`export class Chart extends SignalObject { store = new Store(); constructor() { super(); this.store.updated.connect(render); } }`),
    c(`export function own() { const row = new Row(); row.clicked.connect(render); row.dispose(); }`),
  ],
  invalid: [
    {
      code: ignoredParam,
      errors: [
        {
          messageId: 'ignoredConnection',
          line: lineOf(ignoredParam, 'store.updated.connect(render)'),
          suggestions: [{ messageId: 'trackConnection', output: withTrack(ignoredParam, 'store.updated.connect(render)') }],
        },
      ],
    },
  ],
});
