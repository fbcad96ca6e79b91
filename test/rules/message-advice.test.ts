// What the messages advise, on the analysis core (the text both ESLint and `slotguard check` print):
// a collection's removal disposes what it removed, not every element; a free function, which has
// no `this`, is never told to use `this.track(…)`; types read as the code writes them.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Project } from 'ts-morph';
import { createAnalysisContext, findDroppedEmitters, findIgnoredConnections, findUnboundClosureSlots, type Finding } from '../../rules/analysis/index.js';
import { messages } from '../../rules/no-dropped-connected-emitter.js';

const fixtures = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures');
const projects = new Map<string, Project>();

function probe(fixture: string, code: string) {
  let project = projects.get(fixture);
  if (project === undefined) {
    project = new Project({ tsConfigFilePath: join(fixtures, fixture, 'tsconfig.json') });
    projects.set(fixture, project);
  }
  return { project, file: project.createSourceFile(join(fixtures, fixture, 'advice-probe.ts'), code, { overwrite: true }) };
}

/** The message as the rule prints it. */
function text(finding: Finding | undefined): string {
  assert.ok(finding, 'a finding');
  const template = (messages as Record<string, string>)[finding.messageId] ?? '';
  return template.replace(/\{\{(\w+)\}\}/g, (_, key: string) => finding.data[key] ?? `{{${key}}}`);
}

const rows = `import { Signal, SignalObject } from 'slotguard';
class Row extends SignalObject { readonly clicked = new Signal<[]>(this, 'clicked'); }
`;

describe('removal advice of no-dropped-connected-emitter', () => {
  const { project, file } = probe(
    'project',
    `${rows}export class List {
  private rows: Row[] = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  removeAt(i: number) { this.rows.splice(i, 1); }
  removeLast() { this.rows.pop(); }
  removeFirst() { this.rows.shift(); }
  reset() { this.rows = []; }
}
export class Index {
  private byKey = new Map<string, Row>();
  add(key: string) { const row = new Row(); row.clicked.connect(() => {}); this.byKey.set(key, row); }
  forget(key: string) { this.byKey.delete(key); }
  reset() { this.byKey.clear(); }
}`,
  );
  const findings = findDroppedEmitters(file, createAnalysisContext(project));
  const at = (operation: string) => findings.find((finding) => finding.data.operation === operation);

  it('splice(i, 1): disposes the removed element, never every row', () => {
    const message = text(at('this.rows.splice(i, 1)'));
    assert.match(message, /replace it with `for \(const item of this\.rows\.splice\(i, 1\)\) item\.dispose\(\)`/);
    assert.doesNotMatch(message, /for \(const item of this\.rows\)/);
  });

  it('pop() and shift(): dispose the element they return', () => {
    assert.match(text(at('this.rows.pop()')), /replace it with `this\.rows\.pop\(\)\?\.dispose\(\)`/);
    assert.match(text(at('this.rows.shift()')), /replace it with `this\.rows\.shift\(\)\?\.dispose\(\)`/);
  });

  it('a Map: delete(key) disposes that entry, clear() every value', () => {
    assert.match(text(at('this.byKey.delete(key)')), /run `this\.byKey\.get\(key\)\?\.dispose\(\)` first/);
    assert.match(text(at('this.byKey.clear()')), /run `for \(const item of this\.byKey\.values\(\)\) item\.dispose\(\)` first/);
  });

  it('emptying the list disposes every row first', () => {
    assert.match(text(at('this.rows = []')), /run `for \(const item of this\.rows\) item\.dispose\(\)` first/);
  });
});

describe('connection advice where there is no this', () => {
  const { project, file } = probe(
    'project',
    `${rows}class Store extends SignalObject { readonly changed = new Signal<[number]>(this, 'changed'); }
export function attach(store: Store) { store.changed.connect((n) => console.log(n)); }
export class Plain { constructor(store: Store) { store.changed.connect(() => this.render()); } render() {} }
export class View extends SignalObject { constructor(store: Store) { super(); store.changed.connect(() => this.render()); } render() {} }`,
  );
  const context = createAnalysisContext(project);

  it('a free function keeps the Connection (or an AbortSignal), with no this.track', () => {
    const [finding] = findIgnoredConnections(file, context);
    assert.equal(finding?.data.emitter, 'store');
    assert.doesNotMatch(finding?.data.fix ?? '', /this/);
    assert.match(finding?.data.fix ?? '', /Keep the returned Connection and disconnect\(\) it/);
    assert.match(finding?.data.fix ?? '', /\{ signal \}/);
  });

  it('a class that cannot track is not told to track; a SignalObject is', () => {
    const byClass = new Map(findUnboundClosureSlots(file, context).map((finding) => [finding.data.className, finding.data.fix]));
    assert.doesNotMatch(byClass.get('Plain') ?? 'missing', /track/);
    assert.match(byClass.get('View') ?? '', /this\.track/);
  });
});

describe('types as the code writes them', () => {
  it('an EventEmitter parameter reads EventEmitter, not EventEmitter<[never]>', () => {
    const { project, file } = probe(
      'presets/node-events',
      `import { EventEmitter } from 'node:events';
export function listen(bus: EventEmitter) { bus.on('tick', () => console.log('tick')); }
export class View { constructor(bus: EventEmitter) { bus.on('tick', () => this.render()); } render() {} }`,
    );
    const context = createAnalysisContext(project, { presets: ['node-events'] });
    const types = [...findIgnoredConnections(file, context), ...findUnboundClosureSlots(file, context)].map((finding) => finding.data.type);
    assert.deepEqual(types, ['EventEmitter', 'EventEmitter']);
  });

  it('a field keeps its annotation, a variable the class its new names', () => {
    const { project, file } = probe(
      'project',
      `${rows}type Rows = Row[];
export class List {
  private rows: Rows = [];
  add() { const row = new Row(); row.clicked.connect(() => {}); this.rows.push(row); }
  reset() { this.rows = []; }
}
export function show() { const row = new Row(); row.clicked.connect(() => {}); }`,
    );
    const findings = findDroppedEmitters(file, createAnalysisContext(project));
    assert.deepEqual(findings.map((finding) => finding.data.type).sort(), ['Row', 'Rows']);
  });
});
