// A merge left half-done must not ship: no conflict markers in the sources, tests or docs.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..', '..');
const folders = ['src', 'rules', 'cli', 'bench', 'test', 'docs', 'examples'];
const textFile = /\.(?:ts|mts|cts|mjs|js|json|md)$/;

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && textFile.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => join(entry.parentPath, entry.name));
}

test('no merge conflict markers in the repository', () => {
  const files = [join(root, 'README.md'), ...folders.flatMap((folder) => filesUnder(join(root, folder)))];
  assert.ok(files.length > 100, `expected the repository's files, found ${files.length}`);
  const marked = files.filter((file) => /^(?:<{7}|>{7}) /m.test(readFileSync(file, 'utf8'))).map((file) => relative(root, file));
  assert.deepEqual(marked, []);
});
