import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { captureSite, constructorChain, firstUserSite, parseStack, urlToPath } from '../../src/leaks/call-sites.js';
import { lineOf, withoutColumn } from './fixtures.js';

const distRoot = join(import.meta.dirname, '..', '..'); // …/dist
const projectRoot = join(distRoot, '..');
const thisFile = fileURLToPath(import.meta.url);

test('parseStack reads V8 and Firefox/Safari frames', () => {
  const v8 = 'Error\n    at new Row (file:///app/row.js:3:9)\n    at file:///app/main.js:7:1\n    at Array.forEach (<anonymous>)';
  assert.deepEqual(parseStack(v8), [
    { callee: 'new Row', location: 'file:///app/row.js:3:9' },
    { callee: '', location: 'file:///app/main.js:7:1' },
    { callee: 'Array.forEach', location: '<anonymous>' },
  ]);
  assert.deepEqual(parseStack('Row@http://x/app.js:3:9\n@http://x/app.js:7:1'), [
    { callee: 'Row', location: 'http://x/app.js:3:9' },
    { callee: '', location: 'http://x/app.js:7:1' },
  ]);
});

test('urlToPath turns file URLs into paths and leaves the rest alone', () => {
  assert.equal(urlToPath('file:///a/b%20c.js:1:2'), '/a/b c.js:1:2');
  assert.equal(urlToPath('file:///C:/x/y.js:1:2'), 'C:/x/y.js:1:2');
  assert.equal(urlToPath('http://x/app.js:3:9'), 'http://x/app.js:3:9');
});

test("firstUserSite skips slotguard's own frames (built and source-mapped), Node's and native ones", () => {
  const own = pathToFileURL(join(distRoot, 'src', 'signal.js')).href;
  const ownSource = join(projectRoot, 'src', 'object.ts');
  const user = pathToFileURL(join(distRoot, 'test', 'app.js')).href;
  const stack = [
    'Error',
    `    at Signal.connect (${own}:10:5)`,
    `    at new SignalObject (${ownSource}:4:4)`,
    '    at Array.map (<anonymous>)',
    '    at process.processTicksAndRejections (node:internal/process/task_queues:95:5)',
    `    at build (${user}:12:34)`,
  ].join('\n');
  assert.equal(firstUserSite(stack), `${join(distRoot, 'test', 'app.js')}:12:34`);
  assert.equal(firstUserSite('Error\n    at native'), undefined);
});

test('firstUserSite passes over the constructors of the created object, not other constructors', () => {
  const stack = 'Error\n    at new Row (/app/row.js:3:9)\n    at new Panel (/app/panel.js:8:16)\n    at main (/app/main.js:1:1)';
  assert.equal(firstUserSite(stack, new Set(['Row', 'Widget'])), '/app/panel.js:8:16');
  assert.equal(firstUserSite(stack), '/app/row.js:3:9');
});

test('captureSite points at the calling line of this file', () => {
  const [site, here] = [captureSite(), new Error()];
  assert.ok(site?.startsWith(`${thisFile}:`), site);
  assert.equal(withoutColumn(site), lineOf(here));
});

test('captureSite with the constructor chain points at the `new` expression, not at super()', () => {
  class Base {
    readonly site: string | undefined;
    constructor() {
      this.site = captureSite(constructorChain(this));
    }
  }
  class Derived extends Base {
    constructor() {
      super();
    }
  }
  const [derived, here] = [new Derived(), new Error()];
  assert.equal(withoutColumn(derived.site), lineOf(here));
});

test('constructorChain lists the classes of an object, most derived first', () => {
  class A {}
  class B extends A {}
  assert.deepEqual([...constructorChain(new B())], ['B', 'A', 'Object']);
  assert.deepEqual([...constructorChain(Object.create(null) as object)], []);
});

test("captureSite reads the text of the stack when a runner's prepareStackTrace maps positions", () => {
  let formatted = 0;
  // eslint-disable-next-line @typescript-eslint/unbound-method -- put back as it was, never called here
  const prepare = Error.prepareStackTrace;
  Error.prepareStackTrace = (error: Error, sites: NodeJS.CallSite[]) => {
    formatted += 1;
    const lines = sites.map((site) => `    at ${site.getFileName() ?? ''}:${site.getLineNumber() ?? 0}:${site.getColumnNumber() ?? 0}`);
    return [String(error), ...lines].join('\n');
  };
  try {
    const [site, here] = [captureSite(), new Error()];
    assert.equal(formatted, 1, 'captureSite had the runner format its stack');
    assert.equal(withoutColumn(site), lineOf(here));
  } finally {
    Error.prepareStackTrace = prepare;
  }
});
