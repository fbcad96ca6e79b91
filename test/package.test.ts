// The package's promises about itself: the runtime entry pulls in nothing outside its own folder,
// so an application that uses only the runtime loads no ESLint, TypeScript or ts-morph code.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
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

test('the license package.json names is the LICENSE file shipped with it', () => {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { license: string };
  assert.equal(manifest.license, 'MIT');
  const text = readFileSync(join(root, 'LICENSE'), 'utf8');
  assert.match(text, /^MIT License\n\nCopyright \(c\) slotguard contributors\n/);
  assert.match(text, /THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND/);
});

test('the packed tarball ships LICENSE and no source map that points at an unshipped source', () => {
  // `npm pack --dry-run` lists what would be published without writing a tarball or using the network.
  const output = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  const [pack] = JSON.parse(output) as [{ files: { path: string }[] }];
  const paths = pack.files.map((file) => file.path);
  assert.ok(paths.includes('LICENSE'), 'LICENSE is in the package');
  assert.ok(paths.includes('dist/src/index.js'), 'the runtime entry is in the package');
  assert.deepEqual(paths.filter((path) => path.endsWith('.map')), []);
  const pointing = paths
    .filter((path) => path.endsWith('.js') || path.endsWith('.d.ts'))
    .filter((path) => readFileSync(join(root, path), 'utf8').includes('sourceMappingURL'));
  assert.deepEqual(pointing, []);
});
