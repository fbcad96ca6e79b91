// `slotguard check --format json` must print what `eslint --format json` prints for the same files
// with the plugin: the same result objects, key for key (messageId, suggestions with their fix,
// suppressedMessages, fatalErrorCount, source…), in the same order. Checked on the examples (their
// own eslint.config.mjs) and on a project with a file that does not parse.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, test } from 'node:test';
import { ESLint, type Linter } from 'eslint';
import plugin from '../../rules/index.js';
import { cliFixtures, packageRoot, runCli } from './capture.js';

/** ESLint's json formatter output, one result per line, for the files `only` lists. */
async function eslintJson(eslint: ESLint, only: readonly string[]): Promise<string[]> {
  const results = (await eslint.lintFiles(['.'])).filter((result) => only.includes(result.filePath));
  const formatter = await eslint.loadFormatter('json');
  return (JSON.parse(await formatter.format(results)) as unknown[]).map((result) => JSON.stringify(result));
}

function checkJson(argv: string[], cwd: string): { code: number; lines: string[]; files: string[] } {
  const result = runCli(['check', '--format', 'json', ...argv], { cwd });
  assert.notEqual(result.code, 2, result.stderr);
  const parsed = JSON.parse(result.stdout) as { filePath: string }[];
  return { code: result.code, lines: parsed.map((entry) => JSON.stringify(entry)), files: parsed.map((entry) => entry.filePath) };
}

describe('json output is ESLint json output', () => {
  for (const name of ['widget-list', 'dom-component', 'gnome-extension']) {
    test(`on the ${name} example`, async () => {
      const example = join(packageRoot, 'examples', name);
      const config = (await import(pathToFileURL(join(example, 'eslint.config.mjs')).href)) as { default: { settings?: { slotguard?: { presets?: string[] } } }[] };
      const presets = config.default.flatMap((entry) => entry.settings?.slotguard?.presets ?? []);
      const check = checkJson(presets.flatMap((preset) => ['--preset', preset]), example);
      assert.equal(check.code, 1);
      assert.ok(check.lines.some((line) => line.includes('"messageId"')), 'the example has findings');
      if (name === 'widget-list') assert.ok(check.lines.some((line) => line.includes('"fix":{"range"')), 'and suggestions with fixes');
      assert.deepEqual(check.lines, await eslintJson(new ESLint({ cwd: example }), check.files));
    });
  }

  test('a file that does not parse: a fatal "Parsing error" message, as ESLint gives it', async () => {
    const project = join(cliFixtures, 'parse-error');
    const check = checkJson([], project);
    assert.equal(check.code, 1);
    const eslint = new ESLint({ cwd: project, overrideConfigFile: true, overrideConfig: [plugin.configs.recommended as Linter.Config] });
    const fromEslint = await eslintJson(eslint, check.files);
    assert.ok(fromEslint.some((line) => line.includes('"fatal":true') && line.includes('Parsing error')), fromEslint.join('\n'));
    assert.deepEqual(check.lines, fromEslint);
  });
});
