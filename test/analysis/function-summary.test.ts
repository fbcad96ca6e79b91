// Function summaries in the heap's terms: effects per parameter and on `this`, fresh returns,
// lifetimes of scheduler captures, and the caller constraints the ownership rules check.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Node } from 'ts-morph';
import { createAnalysisContext, summarize } from '../../rules/analysis/index.js';
import { imports, projectWith } from './fixture-project.js';

const code = `${imports}
export function make(): Row { const row = new Row(); row.clicked.connect(() => {}); return row; }
export function wireAndKeep(row: Row, store: Row[]) { row.changed.connect(() => {}); store.push(row); }
export function end(row: Row) { row.dispose(); }
export class Pulse extends SignalObject {
  readonly tick = new Signal<[]>(this, 'tick');
  start(): void { setInterval(() => this.tick.emit(), 1000); }
  later(): void { queueMicrotask(() => this.tick.emit()); }
}
export class Panel extends SignalObject {
  listen(model: Model, other: Model) {
    model.changed.connect(() => this.refresh());
    other.changed.connect(this, () => this.refresh());
  }
  refresh() {}
}
`;

function summaryOf(name: string) {
  const { project, files } = projectWith({ 'summary-a.ts': code });
  const context = createAnalysisContext(project);
  const file = files[0]!;
  const declaration = file.getFunction(name) ?? file.getClasses().flatMap((cls) => cls.getMethods()).find((method) => method.getName() === name);
  assert.ok(declaration !== undefined && Node.isNode(declaration), name);
  return summarize(context, declaration);
}

describe('function summaries', () => {
  it('a factory returns a fresh emitter with its open connections', () => {
    assert.deepEqual(summaryOf('make')?.returnsFresh, ['clicked']);
    assert.equal(summaryOf('end')?.returnsFresh, undefined);
  });

  it('per parameter: connects and stores, disposes', () => {
    const wire = summaryOf('wireAndKeep');
    assert.deepEqual(wire?.parameters[0], { stores: true, disposes: false, connects: ['changed'], keptFor: 'unknown' });
    assert.deepEqual(summaryOf('end')?.parameters[0], { stores: false, disposes: true, connects: [], keptFor: 'call' });
  });

  it('on `this`: a scheduler keeps it one turn or for the program, and is no keeper', () => {
    assert.deepEqual(summaryOf('start')?.this, { stores: false, disposes: false, connects: [], keptFor: 'program' });
    assert.deepEqual(summaryOf('later')?.this, { stores: false, disposes: false, connects: [], keptFor: 'turn' });
  });

  it('caller constraints: a closure keeping `this` connected to a parameter, handle discarded (not the receiver-bound one)', () => {
    const constraints = summaryOf('listen')?.constraints ?? [];
    assert.deepEqual(constraints.map(({ kind, parameter, signal }) => ({ kind, parameter, signal })), [{ kind: 'closure-keeps-this-connected', parameter: 0, signal: 'changed' }]);
  });
});
