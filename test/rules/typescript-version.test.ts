// The rules read typescript-eslint's program with ts-morph's bundled compiler (TypeScript 6.0);
// a program built by another TypeScript would be misread silently. This test installs slotguard
// into a throwaway app whose `typescript` is 5.9 (a real 5.9 compiler, from the `typescript-5.9`
// devDependency) or 6.0, runs ESLint there as a user would, and requires a configuration error
// that names both versions on 5.9, and the findings on 6.0. No network: every package is a link
// into this package's node_modules, and `--preserve-symlinks` makes Node resolve each package's
// dependencies from the app, as a flat npm install would.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { supportedTypeScript, typeScriptVersionProblem } from '../../rules/typescript-version.js';

const packageRoot = join(import.meta.dirname, '..', '..', '..');
const modules = join(packageRoot, 'node_modules');
const require = createRequire(import.meta.url);

const leaky = `import { Signal, SignalObject } from 'slotguard';
class Row extends SignalObject { readonly clicked = new Signal<[]>(this, 'clicked'); }
export function show(): void {
  const row = new Row();
  row.clicked.connect(() => console.log('clicked'));
}
`;

const tsconfig = {
  compilerOptions: { target: 'ES2022', lib: ['ES2022', 'ESNext.Disposable'], module: 'NodeNext', moduleResolution: 'NodeNext', strict: true, noEmit: true, skipLibCheck: true, types: [] },
  include: ['*.ts'],
};

/** Links every installed package into `target` except typescript, which the caller provides. */
function linkPackages(target: string): void {
  for (const entry of readdirSync(modules)) {
    if (entry.startsWith('.') || entry === 'typescript') continue;
    if (entry.startsWith('@')) {
      mkdirSync(join(target, entry));
      for (const scoped of readdirSync(join(modules, entry))) symlinkSync(join(modules, entry, scoped), join(target, entry, scoped));
    } else {
      symlinkSync(join(modules, entry), join(target, entry));
    }
  }
}

/** slotguard as npm installs it: its manifest and build, not the repository (whose node_modules would win). */
function installSlotguard(target: string): void {
  const dir = join(target, 'slotguard');
  mkdirSync(dir);
  cpSync(join(packageRoot, 'package.json'), join(dir, 'package.json'));
  symlinkSync(join(packageRoot, 'dist'), join(dir, 'dist'));
}

/** `node_modules/typescript` that is TypeScript 5.9: the package's entry points re-exporting a 5.9 compiler. */
function installTypeScript59(target: string): string {
  const compiler = require.resolve('typescript-5.9/dist/typescript.js');
  const { version } = require(compiler) as { version: string };
  const lib = join(target, 'typescript', 'lib');
  mkdirSync(lib, { recursive: true });
  writeFileSync(join(lib, '..', 'package.json'), JSON.stringify({ name: 'typescript', version, main: './lib/typescript.js' }));
  // typescript-eslint's project service loads the compiler as typescript/lib/tsserverlibrary, which
  // in TypeScript 5.x is the same module.
  for (const entry of ['typescript.js', 'tsserverlibrary.js']) writeFileSync(join(lib, entry), `module.exports = require(${JSON.stringify(compiler)});\n`);
  return version;
}

function createApp(root: string, typescript: '5.9' | '6.0'): { dir: string; version: string } {
  const dir = join(root, `app-ts-${typescript}`);
  const target = join(dir, 'node_modules');
  mkdirSync(target, { recursive: true });
  linkPackages(target);
  installSlotguard(target);
  let version: string;
  if (typescript === '5.9') {
    version = installTypeScript59(target);
  } else {
    symlinkSync(join(modules, 'typescript'), join(target, 'typescript'));
    version = (require('typescript') as { version: string }).version;
  }
  writeFileSync(join(dir, 'tsconfig.json'), JSON.stringify(tsconfig));
  writeFileSync(join(dir, 'leaky.ts'), leaky);
  writeFileSync(join(dir, 'eslint.config.mjs'), `import slotguard from 'slotguard/eslint-plugin';\nexport default [slotguard.configs.recommended];\n`);
  return { dir, version };
}

function eslint(dir: string) {
  const bin = join(dir, 'node_modules', 'eslint', 'bin', 'eslint.js');
  return spawnSync(process.execPath, ['--preserve-symlinks', '--preserve-symlinks-main', bin, '--format', 'json', '.'], {
    cwd: dir,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
}

describe('the ESLint rules on the TypeScript a project has installed', () => {
  const root = mkdtempSync(join(tmpdir(), 'slotguard-ts-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  test('TypeScript 5.9: ESLint stops with a configuration error naming both versions and slotguard check', () => {
    const { dir, version } = createApp(root, '5.9');
    assert.match(version, /^5\.9\./);
    const result = eslint(dir);
    assert.equal(result.status, 2, `ESLint must fail, not pass silently:\n${result.stdout}${result.stderr}`);
    assert.ok(result.stderr.includes(`TypeScript ${supportedTypeScript}.x only`), result.stderr);
    assert.ok(result.stderr.includes(`uses TypeScript ${version}`), result.stderr);
    assert.ok(result.stderr.includes('npx slotguard check'), result.stderr);
    assert.ok(result.stderr.includes('leaky.ts'), `ESLint names the file it stopped at:\n${result.stderr}`);
  });

  test(`TypeScript ${supportedTypeScript}: the same app gets its finding`, () => {
    const { dir } = createApp(root, '6.0');
    const result = eslint(dir);
    assert.equal(result.status, 1, result.stderr);
    const files = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string }[] }[];
    const file = files.find((entry) => entry.filePath.endsWith('leaky.ts'));
    assert.deepEqual(file?.messages.map((message) => message.ruleId), ['slotguard/no-dropped-connected-emitter']);
  });

  test('only the major.minor the rules support passes', () => {
    assert.equal(typeScriptVersionProblem(`${supportedTypeScript}.0`), undefined);
    assert.equal(typeScriptVersionProblem(`${supportedTypeScript}.9-rc`), undefined);
    for (const other of ['5.9.3', '6.1.0-dev.20260101', '7.0.2']) {
      assert.match(typeScriptVersionProblem(other)?.message ?? '', new RegExp(`support TypeScript ${supportedTypeScript}\\.x only, and .* uses TypeScript ${other.replace(/\./g, '\\.')}`));
    }
  });
});
