// Ownership on in-memory ts-morph projects: every `probe(expr)` call in a snippet asks the analysis
// about `expr`, and the test compares the verdicts in source order.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Node, Project } from 'ts-morph';
import { OwnershipAnalysis, thisClassOf, type Ownership } from '../../rules/analysis/ownership.js';

const prelude = `
declare function probe(value: unknown): void;
declare function inject<T>(token: new (...args: never[]) => T): T;
declare function Input(): PropertyDecorator;
declare class Model { readonly changed: { connect(fn: () => void): unknown }; child: Model; items: Model[]; getChild(): Model }
declare class Base { readonly parent: Base | null; track<T>(value: T): T; setParent(parent: Base | null): void }
declare const global: any;
`;

// One in-memory project for the whole suite (loading the lib files is the slow part); each snippet
// gets a file of its own.
const project = new Project({ useInMemoryFileSystem: true, compilerOptions: { strict: true, target: 99, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], experimentalDecorators: true } });
project.createSourceFile('/prelude.d.ts', prelude);
let snippets = 0;

function verdicts(code: string, extraFiles: Record<string, string> = {}): string[] {
  for (const [path, text] of Object.entries(extraFiles)) project.createSourceFile(path, text, { overwrite: true });
  const file = project.createSourceFile(`/snippet-${++snippets}.ts`, code);
  const analysis = new OwnershipAnalysis();
  const probes = file.getDescendants().filter((node) => Node.isCallExpression(node) && node.getExpression().getText() === 'probe');
  assert.ok(probes.length > 0, 'the snippet has probes');
  return probes.map((probe) => {
    const [argument] = Node.isCallExpression(probe) ? probe.getArguments() : [];
    assert.ok(argument !== undefined);
    return describeVerdict(analysis.ownershipOf(argument));
  });
}

function describeVerdict(verdict: Ownership): string {
  if (verdict.kind === 'owned' || verdict.kind === 'foreign') return `${verdict.kind}:${verdict.reason}`;
  return verdict.kind;
}

describe('ownership: owned', () => {
  it('this itself, super and a `const self = this` alias', () => {
    assert.deepEqual(
      verdicts(`class A extends Base { m() { const self = this; probe(this); probe(super.parent); probe(self); } }`),
      ['owned:self', 'foreign:parent', 'owned:self'],
    );
  });

  it('a field created by this object (initializer or constructor assignment)', () => {
    assert.deepEqual(
      verdicts(`class A { readonly model = new Model(); other: Model; constructor() { this.other = new Model(); }
        m() { probe(this.model); probe(this.other); probe(this['model']); } }`),
      ['owned:created', 'owned:created', 'owned:created'],
    );
  });

  it('a field assigned from a fresh local, and reassigned to a fresh one or null later', () => {
    assert.deepEqual(
      verdicts(`class A { row: Model | null = null; m() { const row = new Model(); this.row = row; probe(this.row); }
        reset() { this.row = new Model(); } dispose() { this.row = null; } }`),
      ['owned:created'],
    );
  });

  it('a child: this passed as parent, in an options bag, or setParent(this)', () => {
    assert.deepEqual(
      verdicts(`declare class Row { constructor(parent?: object | { parent: object }) }
        class A extends Base { m() {
          const a = new Row(this); probe(a);
          const b = new Row({ parent: this }); probe(b);
          const c = new Row(); c.setParent(this); probe(c);
          probe(new Row(this));
        } }`),
      ['owned:child', 'owned:child', 'owned:child', 'owned:child'],
    );
  });

  it('tracked by this object, as a field or as a value', () => {
    assert.deepEqual(
      verdicts(`class A extends Base { dep: Model; constructor(dep: Model) { super(); this.dep = dep; this.track(this.dep); }
        m(x: Model) { probe(this.dep); probe(this.track(x)); const t = new Model(); this.track(t); probe(t); } }`),
      ['owned:tracked', 'owned:tracked', 'owned:tracked'],
    );
  });

  it('a getter returning an owned field, and destructuring from this', () => {
    assert.deepEqual(
      verdicts(`class A { #m = new Model(); get model() { return this.#m; } m() { probe(this.model); const { model } = this; probe(model); } }`),
      ['owned:created', 'owned:created'],
    );
  });

  it('a class expression (GJS registerClass style)', () => {
    assert.deepEqual(
      verdicts(`declare function registerClass<T>(c: T): T;
        const W = registerClass(class W { _m = new Model(); m() { probe(this._m); } });`),
      ['owned:created'],
    );
  });
});

describe('ownership: foreign', () => {
  it('parameters, including destructured ones and parameters of plain functions', () => {
    assert.deepEqual(
      verdicts(`class A { constructor(model: Model, { child }: { child: Model }) { probe(model); probe(child); } }
        function f(model: Model) { probe(model); }
        const g = (m: Model) => probe(m);`),
      ['foreign:parameter', 'foreign:parameter', 'foreign:parameter', 'foreign:parameter'],
    );
  });

  it('injected services: parameter properties, fields set from arguments, inject(), decorated fields', () => {
    assert.deepEqual(
      verdicts(`class A {
          private readonly store = inject(Model);
          @Input() input!: Model;
          other!: Model;
          constructor(private readonly model: Model, other: Model) { this.other = other; }
          setLater(m: Model) { this.later = m; }
          later?: Model;
          m() { probe(this.model); probe(this.other); probe(this.store); probe(this.input); probe(this.later); }
        }`),
      ['foreign:injected', 'foreign:injected', 'foreign:injected', 'foreign:injected', 'foreign:injected'],
    );
  });

  it('module singletons: module-level variables, imports, namespace members, fields holding them', () => {
    assert.deepEqual(
      verdicts(
        `import { bus } from './bus';
         import * as Main from './shell';
         const store = new Model();
         class A { s = store; m() { probe(store); probe(bus); probe(Main.panel); probe(this.s); } }`,
        { '/bus.ts': 'export const bus = new Model();', '/shell.ts': 'export const panel = new Model();' },
      ),
      ['foreign:module', 'foreign:module', 'foreign:module', 'foreign:module'],
    );
  });

  it('globals: window, document, globalThis, GJS global and their members', () => {
    assert.deepEqual(
      verdicts(`class A { m() { probe(window); probe(document); probe(globalThis); probe(global.display); probe(document.body); probe(document.querySelector('x')); } }`),
      ['foreign:global', 'foreign:global', 'foreign:global', 'foreign:global', 'foreign:global', 'foreign:global'],
    );
  });

  it('anything reached through another object', () => {
    assert.deepEqual(
      verdicts(`class A { constructor(private model: Model) {} m(x: Model) { probe(this.model.child); probe(x.child); probe(x.getChild()); probe(x.items[0]); } }`),
      ['foreign:through-other', 'foreign:through-other', 'foreign:through-other', 'foreign:through-other'],
    );
  });

  it("this object's inherited parent", () => {
    assert.deepEqual(verdicts(`class A extends Base { m() { probe(this.parent); } }`), ['foreign:parent']);
  });

  it('loop variables over a foreign collection', () => {
    assert.deepEqual(verdicts(`function f(models: Model[]) { for (const m of models) probe(m); }`), ['foreign:through-other']);
  });
});

describe('ownership: local and unknown (the rules stay silent)', () => {
  it('a fresh local that is not kept is local', () => {
    assert.deepEqual(verdicts(`function f() { const m = new Model(); probe(m); probe(document.createElement('div')); }`), ['local', 'local']);
  });

  it('callback parameters, calls to free functions and members of owned objects are unknown', () => {
    assert.deepEqual(
      verdicts(`declare function getStore(): Model;
        class A { rows = [new Model()]; own = new Model();
          m() { this.rows.forEach((row) => probe(row)); probe(getStore()); probe(this.own.child); probe(this.helper()); }
          helper() { return new Model(); } }`),
      ['unknown', 'unknown', 'unknown', 'unknown'],
    );
  });

  it('a field that holds either a fresh or an injected value is unknown', () => {
    assert.deepEqual(
      verdicts(`class A { model: Model; constructor(m?: Model) { this.model = m ?? new Model(); } x() { probe(this.model); } }`),
      ['unknown'],
    );
  });

  it('a field never assigned in the class is unknown, and `this` in a function or static is unknown', () => {
    assert.deepEqual(
      verdicts(`class A { declare m: Model; static s = new Model(); x() { probe(this.m); } static y() { probe(this); }
        z() { return function (this: A) { probe(this); }; } }`),
      ['unknown', 'unknown', 'unknown'],
    );
  });

  it('self-referencing fields do not loop', () => {
    assert.deepEqual(verdicts(`class A { a: Model; b: Model; constructor() { this.a = this.b; this.b = this.a; } x() { probe(this.a); } }`), ['unknown']);
  });

  it('thisClassOf sees through arrow functions but not through function expressions', () => {
    const file = project.createSourceFile('/this-class.ts', `class A { m() { const f = () => this; const g = function () { return 1; }; } }`);
    const arrowBody = file.getDescendants().find((node) => Node.isThisExpression(node));
    const literal = file.getDescendants().find((node) => Node.isNumericLiteral(node));
    assert.equal(arrowBody !== undefined ? thisClassOf(arrowBody)?.getName() : 'missing', 'A');
    assert.equal(literal !== undefined ? thisClassOf(literal) : 'missing', undefined);
  });
});
