// The installed `slotguard` bin: a node script with a shebang whose exit code is the command's.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { cliFixtures, packageRoot } from './capture.js';

const manifest = JSON.parse(readFileSync(join(packageRoot, 'package.json'), 'utf8')) as { bin: Record<string, string> };
const bin = join(packageRoot, manifest.bin.slotguard ?? '');

function slotguard(args: string[], cwd: string) {
  return spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
}

test('package.json points the bin at a node script', () => {
  assert.match(readFileSync(bin, 'utf8'), /^#!\/usr\/bin\/env node\n/);
});

test('exit codes reach the shell: 0 clean, 1 findings, 2 usage error', () => {
  const clean = slotguard(['check'], join(cliFixtures, 'basic'));
  assert.deepEqual([clean.status, clean.stdout, clean.stderr], [0, '', '']);

  const leaky = slotguard(['check', 'leaky'], join(packageRoot, 'examples', 'widget-list'));
  assert.equal(leaky.status, 1, leaky.stderr);
  assert.match(leaky.stdout, /leaky\/list-view\.ts\n[\s\S]*slotguard\/no-dropped-connected-emitter[\s\S]*\u2716 \d+ problems/);

  const usage = slotguard(['check', '--format', 'xml'], cliFixtures);
  assert.equal(usage.status, 2);
  assert.equal(usage.stdout, '');
  assert.match(usage.stderr, /^slotguard: Unknown format "xml"/);
});
