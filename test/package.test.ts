// The package's promises about itself: the runtime entry pulls in nothing outside its own folder,
// so an application that uses only the runtime loads no ESLint, TypeScript or ts-morph code.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.js'))
    .map((entry) => join(entry.parentPath, entry.name));
}

function importSpecifiers(source: string): string[] {
  const pattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s*['"]([^'"]+)['"]/g;
  return [...source.matchAll(pattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? '');
}

test('the runtime build imports only its own modules', () => {
  const runtimeFiles = filesUnder(join(root, 'dist', 'src'));
  const foreign = runtimeFiles.flatMap((file) =>
    importSpecifiers(readFileSync(file, 'utf8'))
      .filter((specifier) => !specifier.startsWith('./') && !specifier.startsWith('../'))
      .map((specifier) => `${relative(root, file)} imports ${specifier}`),
  );
  assert.deepEqual(foreign, []);
});

test('the import scanner sees every import form', () => {
  const source = `import a from 'x';\nimport { b } from "y";\nexport * from './z.js';\nimport 'w';\nconst c = import('v');`;
  assert.deepEqual(importSpecifiers(source), ['x', 'y', './z.js', 'w', 'v']);
});
