// `npm run demo` (examples/demo.mjs) as a child with its output piped, as in a CI log: plain text
// (no ANSI escape), every step as expected, and a run-time count that is the number of reports the
// onLeak hook receives (counted by kind, not by matching the warnings' text, whose folded repeats
// may trail behind).
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { packageRoot } from './capture.js';

const run = promisify(execFile);

/** The leaky dev build on its own, with a preload that only counts onLeak's reports. */
async function onLeakCount(): Promise<number> {
  const preload = pathToFileURL(join(packageRoot, 'test', 'fixtures', 'demo', 'count-on-leak.mjs')).href;
  const main = join(packageRoot, 'dist', 'examples', 'widget-list', 'leaky', 'main.js');
  const { stdout } = await run(process.execPath, ['--expose-gc', '--import', preload, main], { cwd: packageRoot, env: { ...process.env, NODE_ENV: 'development' } });
  const count = /onLeak reports: (\d+)\s*$/.exec(stdout)?.[1];
  assert.ok(count !== undefined, stdout);
  return Number(count);
}

test('the demo, piped: no ANSI codes, leaks caught three ways, run-time count = onLeak count', async () => {
  const env = { ...process.env };
  delete env.NO_COLOR;
  delete env.FORCE_COLOR;
  const { stdout, stderr } = await run(process.execPath, [join(packageRoot, 'examples', 'demo.mjs')], { cwd: packageRoot, env, maxBuffer: 16 * 1024 * 1024 });
  assert.equal(stderr, '');
  assert.ok(!stdout.includes('\u001b'), 'no escape character in piped output');
  const summary = stdout.slice(stdout.lastIndexOf('== Summary'));
  const count = (label: string) => {
    const match = new RegExp(`^${label}.*leaky: (\\d+) .*fixed: (\\d+)$`, 'm').exec(summary);
    assert.ok(match, `${label} in:\n${summary}`);
    return { leaky: Number(match[1]), fixed: Number(match[2]) };
  };
  assert.deepEqual(count('editor'), { leaky: 2, fixed: 0 });
  assert.deepEqual(count('CI'), { leaky: 2, fixed: 0 });
  const runtime = count('run time');
  assert.equal(runtime.fixed, 0);
  assert.equal(runtime.leaky, await onLeakCount());
  // The per-kind line of the leaky run adds up to the same count.
  const kinds = /^leaky: (\d+) leak reports \((.*)\)$/m.exec(stdout);
  assert.ok(kinds, stdout);
  assert.equal(Number(kinds[1]), runtime.leaky);
  const sum = (kinds[2] ?? '').split(', ').reduce((total, part) => total + Number(part.split(' ')[0]), 0);
  assert.equal(sum, runtime.leaky);
  assert.match(kinds[2] ?? '', /dropped-while-connected/);
  assert.match(stdout, /"N of M objects never disposed" counts/);
});
