// The conformance suites of the field form, run again with the class-level form: every test of
// test/runtime that uses the shared Button (fixtures.ts) then gets a Button whose signals are
// declared once per class (declareSignals) instead of as fields.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';

test('the runtime suites pass with the class-level form', () => {
  const here = import.meta.dirname;
  const suites = readdirSync(here)
    .filter((name) => name.endsWith('.test.js') && name !== 'class-form.test.js')
    .map((name) => join(here, name));
  assert.ok(suites.length >= 10, `found only ${suites.length} suites in ${here}`);
  const run = spawnSync(process.execPath, ['--expose-gc', '--test', '--test-reporter=tap', ...suites], {
    env: { ...process.env, SLOTGUARD_SIGNAL_FORM: 'class', NODE_TEST_CONTEXT: undefined },
    encoding: 'utf8',
  });
  const failures = run.stdout.split('\n').filter((line) => line.startsWith('not ok') || /^\s+not ok/.test(line));
  assert.deepEqual(failures, [], run.stdout.slice(-4000) + run.stderr.slice(-2000));
  assert.equal(run.status, 0, run.stderr.slice(-2000));
  assert.match(run.stdout, /# pass [1-9]\d+/);
});
