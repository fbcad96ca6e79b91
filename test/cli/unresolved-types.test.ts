// `slotguard check` says each reason why types did not resolve once, on stderr, with the fix.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { packageRoot, runCli } from './capture.js';

const untyped = join(packageRoot, 'test', 'fixtures', 'presets', 'node-untyped');
const typed = join(packageRoot, 'test', 'fixtures', 'presets', 'node-events');
const nodeNotice = /^slotguard: Node's EventEmitter is `any` in 1 file: add "types": \["node"\] to tsconfig\.json/m;

describe('slotguard check: types that did not resolve', () => {
  test('a Node project without @types/node in its types: one message, once', () => {
    const result = runCli(['check', '--preset', 'slotguard', '--preset', 'node-events'], { cwd: untyped });
    assert.match(result.stderr, nodeNotice);
    assert.equal(result.stderr.split('\n').filter((line) => line.includes("Node's EventEmitter")).length, 1, result.stderr);
  });

  test('said even when the selected files are not the affected ones', () => {
    const result = runCli(['check', '--preset', 'node-events', 'file.ts'], { cwd: untyped });
    assert.match(result.stderr, nodeNotice);
  });

  test('silent when the preset that needs the types is not active, or the types resolve', () => {
    assert.doesNotMatch(runCli(['check'], { cwd: untyped }).stderr, /EventEmitter/);
    assert.doesNotMatch(runCli(['check', '--preset', 'node-events'], { cwd: typed }).stderr, /EventEmitter/);
  });
});
