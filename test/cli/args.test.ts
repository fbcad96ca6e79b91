import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCommandLine } from '../../cli/args.js';
import { UsageError } from '../../cli/usage-error.js';

function usageErrorOf(argv: string[]): string {
  try {
    parseCommandLine(argv);
  } catch (error) {
    assert.ok(error instanceof UsageError, `expected a UsageError, got ${String(error)}`);
    assert.equal(error.exitCode, 2);
    return error.message;
  }
  assert.fail(`expected ${argv.join(' ')} to be rejected`);
}

describe('command line', () => {
  test('defaults: tsconfig.json, stylish, no warnings tolerated, every file', () => {
    assert.deepEqual(parseCommandLine(['check']), {
      command: 'check',
      project: 'tsconfig.json',
      format: 'stylish',
      maxWarnings: 0,
      patterns: [],
      presets: [],
      strict: false,
      outputFile: undefined,
      explain: false,
    });
  });

  test('every option, short and long', () => {
    assert.deepEqual(
      parseCommandLine(['check', '-p', 'app/tsconfig.json', '--format', 'sarif', '--max-warnings', '-1', '--preset', 'dom', '--preset', 'node-events', '--strict', '--explain', '-o', 'out.sarif', 'src/**/*.ts', 'lib']),
      {
        command: 'check',
        project: 'app/tsconfig.json',
        format: 'sarif',
        maxWarnings: -1,
        patterns: ['src/**/*.ts', 'lib'],
        presets: ['dom', 'node-events'],
        strict: true,
        outputFile: 'out.sarif',
        explain: true,
      },
    );
    assert.equal((parseCommandLine(['check', '-f', 'json']) as { format: string }).format, 'json');
  });

  test('help and version', () => {
    assert.deepEqual(parseCommandLine(['--help']), { command: 'help' });
    assert.deepEqual(parseCommandLine(['check', '-h']), { command: 'help' });
    assert.deepEqual(parseCommandLine(['--version']), { command: 'version' });
  });

  test('an unknown format names the valid ones', () => {
    assert.match(usageErrorOf(['check', '--format', 'xml']), /Unknown format "xml"\. Use one of: stylish, json, sarif\./);
  });

  test('a bad --max-warnings says what a good one looks like', () => {
    assert.match(usageErrorOf(['check', '--max-warnings', 'lots']), /whole number of at least -1, got "lots"/);
    assert.match(usageErrorOf(['check', '--max-warnings', '-2']), /at least -1/);
    assert.match(usageErrorOf(['check', '--max-warnings', '1.5']), /whole number/);
  });

  test('unknown options, missing values, missing or unknown commands', () => {
    assert.equal(usageErrorOf(['check', '--fromat', 'json']), 'unknown option --fromat (did you mean --format?). Run "slotguard --help" for the options.');
    assert.match(usageErrorOf(['check', '--stirct']), /^unknown option --stirct \(did you mean --strict\?\)/);
    assert.match(usageErrorOf(['check', '--max-warning=3']), /^unknown option --max-warning \(did you mean --max-warnings\?\)/);
    assert.match(usageErrorOf(['check', '--colour']), /^unknown option --colour\. Run "slotguard --help"/);
    assert.match(usageErrorOf(['check', '-x']), /^unknown option -x\. Run "slotguard --help"/);
    assert.match(usageErrorOf(['check', '--project']), /--project[\s\S]*slotguard --help/);
    assert.match(usageErrorOf([]), /Missing command\. Run "slotguard check"/);
    assert.match(usageErrorOf(['lint']), /Unknown command "lint"\. The only command is "check"/);
  });
});
