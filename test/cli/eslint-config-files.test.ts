// TypeScript files outside the tsconfig: slotguard.configs.recommended lints the project root's
// config files (vitest.config.ts, build.config.mts…) in the project service's default project, with
// type information, instead of failing with "was not found by the project service"; a config file
// that a tsconfig does include (Vite's vite.config.ts) keeps working; other files outside every
// tsconfig (scripts/) are reported as before, and the fix docs/editor-and-ci.md gives for them works.
// ESLint runs as a child in the fixture app's folder, as `npx eslint .` would: the globs are
// relative to the folder ESLint starts in.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import type { ESLint } from 'eslint';
import plugin, { defaultProjectFiles } from '../../rules/index.js';
import { packageRoot } from './capture.js';

const fixtures = join(packageRoot, 'test', 'fixtures', 'eslint-default-project');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');

/** `eslint --format json .` in `cwd`, as `file: ruleId` (null for a fatal parsing error) lines. */
async function lint(cwd: string, args: readonly string[] = []): Promise<{ lines: string[]; fatal: string[] }> {
  let stdout: string;
  try {
    ({ stdout } = await promisify(execFile)(process.execPath, [eslintBin, '--format', 'json', ...args, '.'], { cwd }));
  } catch (error) {
    const failed = error as { code?: number; stdout?: string };
    if (failed.code !== 1 || failed.stdout === undefined) throw error;
    stdout = failed.stdout;
  }
  const results = JSON.parse(stdout) as ESLint.LintResult[];
  const messages = results.flatMap((result) => result.messages.map((message) => ({ file: relative(cwd, result.filePath), message })));
  return {
    lines: messages.map(({ file, message }) => `${file}: ${message.ruleId ?? 'fatal'}`).sort(),
    fatal: messages.filter(({ message }) => message.fatal === true).map(({ file, message }) => `${file}: ${message.message}`),
  };
}

test('root config files outside the tsconfig are linted with types; scripts/ still needs a tsconfig or the setting', async () => {
  const { lines, fatal } = await lint(join(fixtures, 'outside'));
  assert.deepEqual(lines, ['scripts/seed.ts: fatal', 'src/list.ts: slotguard/no-dropped-connected-emitter', 'vitest.config.ts: slotguard/no-dropped-connected-emitter']);
  assert.equal(fatal.length, 1);
  assert.match(fatal[0] ?? '', /scripts\/seed\.ts was not found by the project service[\s\S]*allowDefaultProject is set to \["\*\.config\.ts","\*\.config\.mts","\*\.config\.cts"\]/);
});

test('a root config file that the tsconfig includes is linted in its project, with no allowDefaultProject conflict', async () => {
  const { lines } = await lint(join(fixtures, 'included'));
  assert.deepEqual(lines, ['src/list.ts: slotguard/no-dropped-connected-emitter', 'vite.config.ts: slotguard/no-dropped-connected-emitter']);
});

test("the documented fix for other files: extend allowDefaultProject with the plugin's defaultProjectFiles", async () => {
  const { lines } = await lint(join(fixtures, 'outside'), ['--config', 'eslint.scripts.config.mjs']);
  assert.deepEqual(lines, ['src/list.ts: slotguard/no-dropped-connected-emitter', 'vitest.config.ts: slotguard/no-dropped-connected-emitter']);
});

test("the default-project globs follow typescript-eslint's rules: root level only, no '**' or '*'", () => {
  assert.ok(defaultProjectFiles.length > 0);
  for (const glob of defaultProjectFiles) {
    assert.ok(!glob.includes('**') && glob !== '*' && !glob.includes('/'), glob);
  }
  for (const config of [plugin.configs.recommended, plugin.configs.strict]) {
    assert.deepEqual(config.languageOptions?.parserOptions?.projectService, { allowDefaultProject: defaultProjectFiles });
  }
});
