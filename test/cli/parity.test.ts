// `slotguard check` and ESLint with the plugin must report the same findings (rule, position,
// message): on the examples, and on every case of the rules' own RuleTester suites, replayed as
// files of a copy of the rules' fixture project.
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { after, describe, test } from 'node:test';
import { RuleTester } from '@typescript-eslint/rule-tester';
import { ESLint, Linter } from 'eslint';
import plugin from '../../rules/index.js';
import { packageRoot, runCli } from './capture.js';

interface LintedMessage {
  ruleId: string | null;
  line: number;
  column: number;
  endLine?: number;
  endColumn?: number;
  message: string;
}

/** One line per slotguard finding, relative path first, sorted: what both sides must agree on. */
function findingLines(files: readonly { filePath: string; messages: readonly LintedMessage[] }[], cwd: string): string[] {
  return files
    .flatMap((file) =>
      file.messages
        .filter((message) => message.ruleId?.startsWith('slotguard/') === true)
        .map((m) => `${relative(cwd, file.filePath)}:${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId} ${m.message}`),
    )
    .sort();
}

function checkLines(argv: string[], cwd: string): string[] {
  const result = runCli(['check', '--format', 'json', ...argv], { cwd });
  assert.notEqual(result.code, 2, result.stderr);
  return findingLines(JSON.parse(result.stdout) as { filePath: string; messages: LintedMessage[] }[], cwd);
}

// Captured before any test runs: the recorder replaces Linter#verify while it imports the suites,
// and no other ESLint run may overlap with that.
const capturedCases = await captureRuleTesterCases();

describe('parity: slotguard check reports what ESLint with the plugin reports', () => {
  // Each example has its own eslint.config.mjs; its settings.slotguard.presets become --preset flags.
  for (const name of ['widget-list', 'dom-component', 'gnome-extension']) {
    test(`on the ${name} example`, async () => {
      const example = join(packageRoot, 'examples', name);
      const config = (await import(pathToFileURL(join(example, 'eslint.config.mjs')).href)) as { default: { settings?: { slotguard?: { presets?: string[] } } }[] };
      const presets = config.default.flatMap((entry) => entry.settings?.slotguard?.presets ?? []);
      const fromEslint = findingLines(await new ESLint({ cwd: example }).lintFiles(['.']), example);
      assert.ok(fromEslint.some((line) => line.startsWith('leaky/')), `ESLint finds the leaky version's leaks:\n${fromEslint.join('\n')}`);
      assert.ok(!fromEslint.some((line) => line.startsWith('fixed/')), `and nothing in the fixed version:\n${fromEslint.join('\n')}`);
      assert.deepEqual(checkLines(presets.flatMap((preset) => ['--preset', preset]), example), fromEslint);
    });
  }

  describe('on the cases of the rules RuleTester suites', () => {
    const cases = capturedCases;
    // Inside the package (dist/ is build output) so that fixtures find node_modules, e.g. @types/node.
    const scratch = mkdtempSync(join(packageRoot, 'dist', 'parity-'));
    after(() => rmSync(scratch, { recursive: true, force: true }));
    const groups = new Map<string, CapturedCase[]>();
    for (const item of cases) {
      // Its cases test the notice for types that did not resolve: a program-level message, said by
      // ESLint on the first affected file and by the CLI on stderr (docs/presets.md), not a finding.
      if (dirname(item.filename).endsWith('node-untyped')) continue;
      const key = JSON.stringify({ fixture: relative(packageRoot, dirname(item.filename)), strict: item.strict, presets: item.presets });
      groups.set(key, [...(groups.get(key) ?? []), item]);
    }

    test('the suites were captured', () => {
      assert.ok(cases.length >= 2, `captured ${cases.length} cases`);
      assert.ok(cases.some((item) => item.invalid) && cases.some((item) => !item.invalid));
    });

    for (const [key, members] of groups) {
      test(`${members.length} cases with ${key}`, async () => {
        const { strict, presets } = JSON.parse(key) as { fixture: string; strict: boolean; presets: string[] | null };
        const first = members[0];
        assert.ok(first);
        const project = mkdtempSync(join(scratch, 'group-'));
        cpSync(dirname(first.filename), project, { recursive: true });
        const names = members.map((item, index) => {
          const name = `case-${String(index).padStart(3, '0')}.ts`;
          writeFileSync(join(project, name), item.code);
          return name;
        });
        const config = strict ? plugin.configs.strict : plugin.configs.recommended;
        const eslint = new ESLint({
          cwd: project,
          overrideConfigFile: true,
          // typescript-eslint's config types and ESLint's differ only in how loosely they type plugins.
          overrideConfig: [
            {
              ...config,
              files: ['**/*.ts'],
              languageOptions: { ...config.languageOptions, parserOptions: { projectService: true, tsconfigRootDir: project } },
              settings: presets === null ? {} : { slotguard: { presets } },
            },
          ] as ESLint.Options['overrideConfig'],
        });
        const fromEslint = findingLines(await eslint.lintFiles(names), project);
        const invalidCount = members.filter((item) => item.invalid).length;
        assert.ok(invalidCount === 0 || fromEslint.length > 0, 'ESLint reports the invalid cases');
        const flags = [...(strict ? ['--strict'] : []), ...(presets ?? []).flatMap((preset) => ['--preset', preset])];
        assert.deepEqual(checkLines([...flags, ...names], project), fromEslint);
      });
    }
  });
});

interface CapturedCase {
  code: string;
  filename: string;
  strict: boolean;
  presets: string[] | null;
  invalid: boolean;
}

/**
 * Loads the rules' test modules with ESLint's Linter#verify replaced by a recorder: RuleTester
 * then hands over each case's code, file name and full config (settings, rule options) without
 * linting anything. The tester's own assertions fail on the empty results and are ignored here.
 */
async function captureRuleTesterCases(): Promise<CapturedCase[]> {
  const rulesTests = join(import.meta.dirname, '..', 'rules');
  const captured = new Map<string, CapturedCase>();
  const prototype = Linter.prototype;
  const originalVerify = Object.getOwnPropertyDescriptor(prototype, 'verify');
  let invalid = false;
  prototype.verify = function record(code: unknown, config: unknown, filename?: unknown): Linter.LintMessage[] {
    const flat = config as {
      settings?: { slotguard?: { presets?: unknown[] } };
      rules?: Record<string, unknown>;
      languageOptions?: { parserOptions?: { tsconfigRootDir?: string } };
    };
    const options = Object.values(flat.rules ?? {}).find(Array.isArray) as unknown[] | undefined;
    const presets = flat.settings?.slotguard?.presets;
    const item: CapturedCase = {
      code: String(code),
      // With the project service the file name is relative to the tester's tsconfigRootDir.
      filename: join(flat.languageOptions?.parserOptions?.tsconfigRootDir ?? '.', String(filename)),
      strict: (options?.[1] as { strict?: boolean } | undefined)?.strict === true,
      presets: presets === undefined ? null : presets.filter((preset): preset is string => typeof preset === 'string'),
      invalid,
    };
    // Presets given as model objects have no --preset form: those cases are not replayed.
    if (presets === undefined || presets.every((preset) => typeof preset === 'string')) captured.set(`${item.filename}\n${item.code}`, item);
    return [];
  };
  try {
    await import(pathToFileURL(join(rulesTests, 'rule-tester.js')).href);
    const run = (_name: string, body: () => void): void => {
      try {
        body();
      } catch {
        // RuleTester's assertion on the recorder's empty result.
      }
    };
    RuleTester.afterAll = () => {};
    RuleTester.describe = (name: string, body: () => void) => {
      if (name === 'invalid') invalid = true;
      if (name === 'valid') invalid = false;
      body();
    };
    RuleTester.it = run;
    RuleTester.itOnly = run;
    RuleTester.itSkip = run;
    // Only the RuleTester suites: other test files there would register their tests here.
    const suites = readdirSync(rulesTests, { recursive: true, encoding: 'utf8' }).filter(
      (name) => name.endsWith('.test.js') && readFileSync(join(rulesTests, name), 'utf8').includes('rule-tester.js'),
    );
    for (const file of suites.sort()) {
      await import(pathToFileURL(join(rulesTests, file)).href);
    }
  } finally {
    if (originalVerify !== undefined) Object.defineProperty(prototype, 'verify', originalVerify);
  }
  return [...captured.values()];
}
