// `slotguard check --explain`: where the analysis could not judge, and why, on stderr.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { packageRoot, runCli } from './capture.js';

const fixtureProject = join(packageRoot, 'test', 'fixtures', 'project');

test('--explain lists a connected emitter handed to a function without a body; without it, nothing', () => {
  const explained = runCli(['check', '--explain', 'unjudged.ts'], { cwd: fixtureProject });
  assert.equal(explained.code, 0, explained.stdout + explained.stderr);
  assert.match(explained.stderr, /unjudged\.ts:9:12 {2}not judged: connected 'row' is handed to a call of `register`/);
  assert.match(explained.stderr, /slotguard: 1 place not judged \(--explain\)\./);
  const quiet = runCli(['check', 'unjudged.ts'], { cwd: fixtureProject });
  assert.deepEqual(quiet, { code: 0, stdout: '', stderr: '' });
});
