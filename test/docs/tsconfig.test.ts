// The tsconfig docs/editor-and-ci.md gives for the supported Node versions downlevels `using`:
// a snippet compiled with it has no `using` declaration left, and runs on this Node with the
// resource disposed. The same snippet with "target": "esnext" keeps `using` (what Node 20 cannot
// parse), so the check can fail.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import vm from 'node:vm';
import { ts } from 'ts-morph';

const root = join(import.meta.dirname, '..', '..', '..');
const marker = '<!-- tsconfig-for-node-20';

/** The JSON block right after the marker in docs/editor-and-ci.md. */
function documentedTsconfig(): { compilerOptions: Record<string, unknown> } {
  const doc = readFileSync(join(root, 'docs', 'editor-and-ci.md'), 'utf8');
  const at = doc.indexOf(marker);
  assert.ok(at >= 0, 'the documented tsconfig is marked');
  const block = /```json\n([\s\S]*?)\n```/.exec(doc.slice(at));
  assert.ok(block?.[1] !== undefined, 'a json block follows the marker');
  return JSON.parse(block[1]) as { compilerOptions: Record<string, unknown> };
}

const snippet = `
const log: string[] = [];
function open(name: string) {
  return { name, [Symbol.dispose]() { log.push('disposed ' + name); } };
}
function run() {
  using row = open('row');
  log.push('using ' + row.name);
}
run();
log;
`;

function compile(compilerOptions: Record<string, unknown>): string {
  // Emit a script (no module syntax) so the output can run in a vm context as it is.
  const { options, errors } = ts.convertCompilerOptionsFromJson({ ...compilerOptions, module: 'none', moduleResolution: undefined, types: [] }, root);
  assert.deepEqual(errors.map((error) => ts.flattenDiagnosticMessageText(error.messageText, '\n')), []);
  return ts.transpileModule(snippet, { compilerOptions: options, reportDiagnostics: false }).outputText;
}

/** Does `code` still contain a `using` (or `await using`) declaration? */
function hasUsingDeclaration(code: string): boolean {
  const file = ts.createSourceFile('out.js', code, ts.ScriptTarget.Latest, false, ts.ScriptKind.JS);
  let found = false;
  const visit = (node: ts.Node): void => {
    if (ts.isVariableDeclarationList(node) && (node.flags & ts.NodeFlags.Using) !== 0) found = true;
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

test('the documented tsconfig downlevels `using`, and the output runs on this Node', () => {
  const output = compile(documentedTsconfig().compilerOptions);
  assert.equal(hasUsingDeclaration(output), false, output);
  const log = vm.runInNewContext(output, { Symbol }) as string[];
  assert.deepEqual([...log], ['using row', 'disposed row']);
});

test('"target": "esnext" leaves `using` in the output (what Node 20 cannot parse)', () => {
  const output = compile({ ...documentedTsconfig().compilerOptions, target: 'esnext', lib: ['esnext'] });
  assert.equal(hasUsingDeclaration(output), true, output);
});
