// docs/migrating.md: linked from the README, a mapping for each API it promises, and its "After:"
// code type-checks against slotguard's own declarations (dist/src/index.d.ts), so a renamed or
// mistyped name in the page fails here.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { Project, ts } from 'ts-morph';
import { markdownLinks } from './markdown.js';

const root = join(import.meta.dirname, '..', '..', '..');
const page = readFileSync(join(root, 'docs', 'migrating.md'), 'utf8');

/** The ```ts blocks that follow an "After:" line. */
function afterBlocks(markdown: string): string[] {
  return [...markdown.matchAll(/^After:\n\n```ts\n([\s\S]*?)\n```/gm)].map((match) => match[1] ?? '');
}

/** Type errors of `code` as a module importing the built `slotguard`, with `prelude` declared first. */
function typeErrors(code: string, prelude: string): string[] {
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts'],
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      paths: { slotguard: [join(root, 'dist', 'src', 'index.d.ts')] },
      strict: true,
      noEmit: true,
      types: [],
      skipLibCheck: true,
    },
  });
  // In memory only: the file is never written.
  project.createSourceFile(join(root, 'migrating-after.ts'), `${prelude}\n${code}\nexport {};\n`);
  return project.getPreEmitDiagnostics().map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.compilerObject.messageText, '\n'));
}

test('the README links the migration page', () => {
  assert.ok(markdownLinks(readFileSync(join(root, 'README.md'), 'utf8')).includes('docs/migrating.md'));
});

test('the page maps the names a migration needs, for both APIs', () => {
  for (const name of ['`job.on(', '`job.off(', '`job.once(', 'await once(', '`job.emit(', 'removeAllListeners', 'listenerCount', 'setMaxListeners']) {
    assert.ok(page.includes(name), `Node: ${name}`);
  }
  for (const name of ['new Emitter<', '.event`', '.fire(', 'Event.once(', 'Event.toPromise(', 'extends Disposable', 'this._register(', 'DisposableStore', 'toDisposable(']) {
    assert.ok(page.includes(name), `VS Code: ${name}`);
  }
  assert.match(page, /## Lifetimes/);
});

test('the "After:" code of both migrations type-checks against slotguard', () => {
  const blocks = afterBlocks(page);
  assert.equal(blocks.length, 2);
  const imports = `import { Signal, SignalObject, type ReadonlySignal } from 'slotguard';`;
  assert.deepEqual(typeErrors(blocks[0] ?? '', ''), []);
  assert.deepEqual(typeErrors(blocks[1] ?? '', `${imports}\ndeclare class FileModel extends SignalObject { readonly onDidChange: ReadonlySignal<[]>; }`), []);
});

test('the type check finds a wrong name', () => {
  assert.notDeepEqual(typeErrors(`import { Signal } from 'slotguard';\nnew Signal<[number]>().fire(1);`, ''), []);
});
