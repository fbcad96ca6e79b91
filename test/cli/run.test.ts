import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import type { CheckRule } from '../../cli/check.js';
import { CapturedStream, cliFixtures, runCli } from './capture.js';

const basic = join(cliFixtures, 'basic');

/** A stand-in rule: every `// LEAK` comment is a finding, so these tests do not depend on the analysis. */
function markerRule(severity: 'error' | 'warning' = 'error'): CheckRule {
  return {
    id: 'slotguard/marker',
    severity,
    description: 'Reports LEAK markers',
    helpUri: 'https://example.com/marker.md',
    messages: { leak: 'Marker {{ name }} found.', fix: 'Remove {{name}}' },
    find(file) {
      const text = file.getFullText();
      return [...text.matchAll(/LEAK/g)].map((match) => ({
        rule: 'marker',
        messageId: 'leak',
        data: { name: 'LEAK' },
        start: match.index,
        end: match.index + 4,
        suggestions: [{ messageId: 'fix', data: { name: 'it' }, edits: [{ start: match.index, end: match.index + 4, text: '' }] }],
      }));
    },
  };
}

const withMarker = (severity?: 'error' | 'warning') => ({ cwd: basic, loadRules: () => [markerRule(severity)] });

describe('slotguard check: exit codes and messages', () => {
  test('findings: exit 1, stylish output like ESLint with interpolated messages', () => {
    const result = runCli(['check'], withMarker());
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    const lines = result.stdout.split('\n');
    assert.ok(lines.includes(join(basic, 'src', 'leaky.ts')), result.stdout);
    assert.ok(lines.includes('  2:28  error  Marker LEAK found  slotguard/marker'), result.stdout);
    assert.ok(lines.includes('  4:28  error  Marker LEAK found  slotguard/marker'), result.stdout);
    assert.ok(lines.includes('\u2716 2 problems (2 errors, 0 warnings)'), result.stdout);
    assert.ok(!result.stdout.includes('clean.ts'), 'files without findings are not listed');
  });

  test('clean: exit 0 and no output', () => {
    const result = runCli(['check', 'src/sub'], withMarker());
    assert.deepEqual(result, { code: 0, stdout: '', stderr: '' });
  });

  test('warnings: exit 1 past --max-warnings (default 0), 0 within it or with -1', () => {
    const over = runCli(['check'], withMarker('warning'));
    assert.equal(over.code, 1);
    assert.match(over.stderr, /2 warnings, more than --max-warnings 0/);
    assert.equal(runCli(['check', '--max-warnings', '2'], withMarker('warning')).code, 0);
    assert.equal(runCli(['check', '--max-warnings', '-1'], withMarker('warning')).code, 0);
    assert.equal(runCli(['check', '--max-warnings', '1'], withMarker('warning')).code, 1);
  });

  test('errors fail whatever --max-warnings says', () => {
    assert.equal(runCli(['check', '--max-warnings', '-1'], withMarker('error')).code, 1);
  });

  test('json: ESLint result shape, every checked file listed', () => {
    const result = runCli(['check', '--format', 'json'], withMarker('warning'));
    const files = JSON.parse(result.stdout) as { filePath: string; errorCount: number; warningCount: number; source?: string; messages: unknown[] }[];
    const leakAt = readFileSync(join(basic, 'src', 'leaky.ts'), 'utf8').indexOf('LEAK');
    assert.deepEqual(
      files.map((file) => [file.filePath, file.errorCount, file.warningCount]),
      [
        [join(basic, 'src', 'leaky.ts'), 0, 2],
        [join(basic, 'src', 'sub', 'clean.ts'), 0, 0],
      ],
    );
    assert.deepEqual(files[0]?.messages[0], {
      ruleId: 'slotguard/marker',
      severity: 1,
      message: 'Marker LEAK found.',
      line: 2,
      column: 28,
      messageId: 'leak',
      endLine: 2,
      endColumn: 32,
      suggestions: [{ messageId: 'fix', data: { name: 'it' }, fix: { range: [leakAt, leakAt + 4], text: '' }, desc: 'Remove it' }],
    });
    assert.equal(files[0]?.source, readFileSync(join(basic, 'src', 'leaky.ts'), 'utf8'), 'a file with messages carries its source');
    assert.equal(files[1]?.source, undefined, 'a file without messages does not');
  });

  test('files, folders and globs pick what is reported', () => {
    const only = (argv: string[]) => (JSON.parse(runCli([...argv, '--format', 'json'], withMarker()).stdout) as { filePath: string }[]).map((file) => file.filePath);
    assert.deepEqual(only(['check', 'src/leaky.ts']), [join(basic, 'src', 'leaky.ts')]);
    assert.deepEqual(only(['check', 'src/sub']), [join(basic, 'src', 'sub', 'clean.ts')]);
    assert.deepEqual(only(['check', 'src/**/clean*.ts']), [join(basic, 'src', 'sub', 'clean.ts')]);
    assert.deepEqual(only(['check', 'src/sub/clean.ts', 'src/*.ts']), [join(basic, 'src', 'leaky.ts'), join(basic, 'src', 'sub', 'clean.ts')]);
  });

  test('--project accepts the file or its folder, relative to the working directory', () => {
    assert.equal(runCli(['check', '--project', 'basic/tsconfig.json'], { cwd: cliFixtures, loadRules: () => [markerRule()] }).code, 1);
    assert.equal(runCli(['check', '--project', 'basic'], { cwd: cliFixtures, loadRules: () => [markerRule()] }).code, 1);
  });

  describe('usage and configuration errors: exit 2 with what to do', () => {
    const expectUsageError = (argv: string[], cwd: string, pattern: RegExp) => {
      const result = runCli(argv, { cwd, loadRules: () => [markerRule()] });
      assert.equal(result.code, 2, result.stderr);
      assert.equal(result.stdout, '');
      assert.match(result.stderr, /^slotguard: /);
      assert.match(result.stderr, pattern);
    };

    test('missing tsconfig', () => {
      expectUsageError(['check'], cliFixtures, /Cannot find the TypeScript project "tsconfig\.json"\. Run slotguard from the folder that holds tsconfig\.json, or pass it: --project/);
      expectUsageError(['check', '-p', 'nope/tsconfig.json'], cliFixtures, /Cannot find the TypeScript project "nope\/tsconfig\.json"/);
    });

    test('a folder without tsconfig.json', () => {
      expectUsageError(['check', '-p', 'folder-without-config'], cliFixtures, /The folder "folder-without-config" has no tsconfig\.json\. Pass the config file itself/);
    });

    test('broken JSON names the file and position', () => {
      expectUsageError(['check', '-p', 'broken-json'], cliFixtures, /"broken-json\/tsconfig\.json" cannot be read: broken-json\/tsconfig\.json:\d+:\d+: .*\nFix the file/);
    });

    test('a solution-style tsconfig whose reference has no tsconfig', () => {
      expectUsageError(['check', '-p', 'solution-broken'], cliFixtures, /"solution-broken\/tsconfig\.json" references "solution-broken\/packages\/missing", which has no tsconfig\. Fix the "references" entry/);
    });

    test('a project with no input files', () => {
      expectUsageError(['check', '-p', 'no-inputs'], cliFixtures, /includes no TypeScript files\. Check its "include"\/"files"/);
    });

    test('bad compiler options are reported as tsc would', () => {
      expectUsageError(['check', '-p', 'bad-option'], cliFixtures, /has configuration errors:\n {2}bad-option\/tsconfig\.json:1:\d+: .*target[\s\S]*Fix them/);
    });

    test('an unknown format', () => {
      expectUsageError(['check', '--format', 'xml'], basic, /Unknown format "xml"/);
    });

    test('a pattern that matches no file of the project', () => {
      expectUsageError(['check', 'src/**/*.tsx'], basic, /No files of the project match "src\/\*\*\/\*\.tsx"\. Check the path or glob \(quote globs/);
      expectUsageError(['check', 'src/sub', 'missing'], basic, /No files of the project match "missing"/);
    });
  });

  test('a solution-style tsconfig ("files": [] with references, as Vite has) checks the referenced projects', () => {
    const result = runCli(['check', '--format', 'json'], { cwd: join(cliFixtures, 'solution'), loadRules: () => [markerRule()] });
    assert.equal(result.code, 1, result.stderr);
    const files = JSON.parse(result.stdout) as { filePath: string; errorCount: number }[];
    assert.deepEqual(
      files.map((file) => [file.filePath, file.errorCount]),
      [
        [join(cliFixtures, 'solution', 'src', 'app.ts'), 1],
        [join(cliFixtures, 'solution', 'vite.config.ts'), 1],
      ],
    );
  });

  describe('a file that does not parse: a fatal "Parsing error" for it and exit 1, as ESLint', () => {
    const project = join(cliFixtures, 'parse-error');

    test('stylish', () => {
      const result = runCli(['check'], { cwd: project });
      assert.equal(result.code, 1, result.stderr);
      const lines = result.stdout.split('\n');
      assert.ok(lines.includes(join(project, 'src', 'broken.ts')), result.stdout);
      assert.ok(lines.includes('  3:16  error  Parsing error: Expression expected'), result.stdout);
      assert.ok(lines.includes('\u2716 1 problem (1 error, 0 warnings)'), result.stdout);
    });

    test('json', () => {
      const result = runCli(['check', '--format', 'json'], { cwd: project });
      assert.equal(result.code, 1, result.stderr);
      const [broken] = JSON.parse(result.stdout) as { errorCount: number; fatalErrorCount: number; messages: { ruleId: unknown; fatal: boolean }[] }[];
      assert.deepEqual([broken?.errorCount, broken?.fatalErrorCount, broken?.messages[0]?.ruleId, broken?.messages[0]?.fatal], [1, 1, null, true]);
    });

    test('sarif: a tool execution error of the run, at the file', () => {
      const result = runCli(['check', '--format', 'sarif'], { cwd: project });
      assert.equal(result.code, 1, result.stderr);
      const log = JSON.parse(result.stdout) as { runs: { results: unknown[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { level: string; message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[] }[] }[] }[] };
      const [run] = log.runs;
      assert.deepEqual(run?.results, []);
      const [invocation] = run?.invocations ?? [];
      assert.equal(invocation?.executionSuccessful, false);
      const [notification] = invocation?.toolExecutionNotifications ?? [];
      assert.deepEqual(
        [notification?.level, notification?.message.text, notification?.locations[0]?.physicalLocation.artifactLocation.uri, notification?.locations[0]?.physicalLocation.region.startLine],
        ['error', 'Parsing error: Expression expected.', 'src/broken.ts', 3],
      );
    });
  });

  describe('output', () => {
    const dir = mkdtempSync(join(tmpdir(), 'slotguard-cli-'));
    after(() => rmSync(dir, { recursive: true, force: true }));

    test('--output-file writes the report there and nothing to stdout', () => {
      const target = join(dir, 'report.sarif');
      const result = runCli(['check', '-f', 'sarif', '-o', target], withMarker());
      assert.equal(result.code, 1);
      assert.equal(result.stdout, '');
      const log = JSON.parse(readFileSync(target, 'utf8')) as { version: string; runs: { results: unknown[] }[] };
      assert.equal(log.version, '2.1.0');
      assert.equal(log.runs[0]?.results.length, 2);
    });

    test('--output-file creates the folders it names', () => {
      const target = join(dir, 'reports', 'ci', 'slotguard.json');
      const result = runCli(['check', '-f', 'json', '-o', target], withMarker());
      assert.deepEqual([result.code, result.stdout, result.stderr], [1, '', '']);
      assert.equal((JSON.parse(readFileSync(target, 'utf8')) as unknown[]).length, 2);
    });

    test('--help and --version go to stdout with exit 0', () => {
      const help = runCli(['--help'], { cwd: basic });
      assert.equal(help.code, 0);
      assert.match(help.stdout, /Usage: slotguard check[\s\S]*Exit codes: 0 no findings, 1 findings, 2 usage or configuration error\./);
      const version = runCli(['--version'], { cwd: basic });
      assert.deepEqual(version, { code: 0, stdout: `${(JSON.parse(readFileSync(join(basic, '..', '..', '..', '..', 'package.json'), 'utf8')) as { version: string }).version}\n`, stderr: '' });
    });

    test('the progress line appears only on a terminal, for a large project, and is erased', () => {
      const tty = new CapturedStream(true);
      runCli(['check'], { ...withMarker(), stderr: tty, progressMinimumFiles: 2 });
      assert.match(tty.text, /slotguard: 0\/2 files \(0%\)[\s\S]*slotguard: 2\/2 files \(100%\)/);
      assert.ok(tty.text.endsWith('\r\x1b[2K'), 'the line is erased before the report');
      const small = new CapturedStream(true);
      runCli(['check'], { ...withMarker(), stderr: small, progressMinimumFiles: 3 });
      assert.equal(small.text, '');
      const pipe = new CapturedStream(false);
      runCli(['check'], { ...withMarker(), stderr: pipe, progressMinimumFiles: 1 });
      assert.equal(pipe.text, '');
    });
  });
});
