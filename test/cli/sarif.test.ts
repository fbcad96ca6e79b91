import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { formatSarif } from '../../cli/formatters/sarif.js';
import type { CheckReport } from '../../cli/report.js';
import { packageRoot, runCli } from './capture.js';
import { sarifValidator } from './sarif-schema.js';

const cwd = join('/', 'work', 'repo');

function report(overrides: Partial<CheckReport> = {}): CheckReport {
  return {
    cwd,
    toolVersion: '0.1.0',
    rules: [
      { id: 'slotguard/no-dropped-connected-emitter', description: 'Disallow dropping connected emitters', helpUri: 'https://example.com/rules/a.md', severity: 'error' },
      { id: 'slotguard/no-ignored-connection', description: 'Keep connections to longer-lived objects', helpUri: undefined, severity: 'warning' },
    ],
    files: [
      {
        filePath: join(cwd, 'src', 'list view.ts'),
        messages: [
          { ruleId: 'slotguard/no-dropped-connected-emitter', severity: 'error', message: 'row is dropped while connected', line: 3, column: 5, endLine: 3, endColumn: 20, suggestions: [] },
          { ruleId: 'slotguard/no-ignored-connection', severity: 'warning', message: 'connection ignored', line: 9, column: 1, endLine: 10, endColumn: 2, suggestions: [{ messageId: 'keep', data: {}, fix: { range: [0, 0], text: '' }, desc: 'keep it' }] },
        ],
      },
      { filePath: join(cwd, 'src', 'clean.ts'), messages: [] },
    ],
    ...overrides,
  };
}

describe('SARIF output', () => {
  const validate = sarifValidator();

  test('is valid against the published SARIF 2.1.0 schema', () => {
    assert.deepEqual(validate(JSON.parse(formatSarif(report()))), []);
  });

  test('slotguard check --format sarif on the leaky example is valid and names every rule', () => {
    const result = runCli(['check', '--format', 'sarif', 'leaky'], { cwd: join(packageRoot, 'examples', 'widget-list') });
    assert.equal(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    assert.deepEqual(validate(log), []);
    const run = log.runs[0];
    assert.deepEqual(run?.tool.driver.rules.map((rule) => rule.id), ['slotguard/no-dropped-connected-emitter', 'slotguard/no-unbound-closure-slot', 'slotguard/no-ignored-connection']);
    assert.ok(run?.tool.driver.rules.every((rule) => rule.helpUri.endsWith(`/docs/rules/${rule.id.slice('slotguard/'.length)}.md`)));
    assert.ok((run?.results.length ?? 0) >= 2);
    assert.ok(run?.results.every((item) => item.locations[0]?.physicalLocation.artifactLocation.uri === 'leaky/list-view.ts'));
  });

  test('a file that does not parse is a tool execution error, and the log stays valid', () => {
    const result = runCli(['check', '--format', 'sarif'], { cwd: join(packageRoot, 'test', 'fixtures', 'cli', 'parse-error') });
    assert.equal(result.code, 1, result.stderr);
    const log = JSON.parse(result.stdout) as { runs: { invocations: { toolExecutionNotifications: unknown[] }[] }[] };
    assert.deepEqual(validate(log), []);
    assert.equal(log.runs[0]?.invocations[0]?.toolExecutionNotifications.length, 1);
  });

  test('an empty run is valid too (GitHub then closes fixed alerts)', () => {
    const log = JSON.parse(formatSarif(report({ files: [] }))) as { runs: { results: unknown[] }[] };
    assert.deepEqual(validate(log), []);
    assert.deepEqual(log.runs[0]?.results, []);
  });

  test('the validator rejects a log that breaks the schema', () => {
    const log = JSON.parse(formatSarif(report())) as { runs: { results: { level: string }[] }[] };
    const first = log.runs[0]?.results[0];
    assert.ok(first);
    first.level = 'fatal';
    assert.notDeepEqual(validate(log), []);
  });

  test('rules carry help URIs and levels; results point into them with regions', () => {
    const log = JSON.parse(formatSarif(report())) as {
      runs: {
        tool: { driver: { name: string; rules: { id: string; helpUri?: string; defaultConfiguration: { level: string } }[] } };
        results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: object } }[] }[];
        originalUriBaseIds: Record<string, { uri: string }>;
      }[];
    };
    const run = log.runs[0];
    assert.ok(run);
    assert.equal(run.tool.driver.name, 'slotguard');
    assert.deepEqual(
      run.tool.driver.rules.map((rule) => [rule.id, rule.helpUri, rule.defaultConfiguration.level]),
      [
        ['slotguard/no-dropped-connected-emitter', 'https://example.com/rules/a.md', 'error'],
        ['slotguard/no-ignored-connection', undefined, 'warning'],
      ],
    );
    assert.deepEqual(
      run.results.map((result) => [result.ruleId, result.ruleIndex, result.level]),
      [
        ['slotguard/no-dropped-connected-emitter', 0, 'error'],
        ['slotguard/no-ignored-connection', 1, 'warning'],
      ],
    );
    const location = run.results[1]?.locations[0]?.physicalLocation;
    assert.deepEqual(location?.artifactLocation, { uri: 'src/list%20view.ts', uriBaseId: '%SRCROOT%' });
    assert.deepEqual(location?.region, { startLine: 9, startColumn: 1, endLine: 10, endColumn: 2 });
    assert.match(run.originalUriBaseIds['%SRCROOT%']?.uri ?? '', /^file:\/\/.*\/work\/repo\/$/);
  });

  test('a file outside the checked folder gets an absolute file URI', () => {
    const outside = report({ files: [{ filePath: join('/', 'elsewhere', 'a.ts'), messages: report().files[0]?.messages ?? [] }] });
    const log = JSON.parse(formatSarif(outside)) as { runs: { results: { locations: { physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }[] }[] }[] };
    const artifact = log.runs[0]?.results[0]?.locations[0]?.physicalLocation.artifactLocation;
    assert.equal(artifact?.uri, 'file:///elsewhere/a.ts');
    assert.equal(artifact?.uriBaseId, undefined);
    assert.deepEqual(validate(log), []);
  });
});
