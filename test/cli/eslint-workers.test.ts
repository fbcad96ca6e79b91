// Large repositories lint with ESLint's worker threads (--concurrency) or split the files across
// CI jobs. The rules keep no mutable state that one file leaves for the next: every file gets the
// same findings whether all are linted in one thread, spread over worker threads, or split over
// processes (each file with a finding linted alone, where the files it imports are known only
// through the TypeScript program, never because the rule saw them first).
//
// The runs with a concurrency setting are child processes, so that what ESLint says on stderr is
// captured and checked rather than printed into the test output: `--concurrency auto` (what the
// docs recommend) must not earn ESLintPoorConcurrencyWarning on a small project, and worker threads
// must print nothing but that notice.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { test } from 'node:test';
import { promisify } from 'node:util';
import { ESLint } from 'eslint';
import { packageRoot } from './capture.js';

const example = join(packageRoot, 'examples', 'widget-list');
const eslintBin = join(dirname(createRequire(import.meta.url).resolve('eslint/package.json')), 'bin', 'eslint.js');
const poorConcurrency = 'ESLintPoorConcurrencyWarning';

type Result = Pick<ESLint.LintResult, 'filePath' | 'messages'>;

function findingLines(results: readonly Result[]): string[] {
  return results
    .flatMap((result) => result.messages.map((m) => `${relative(example, result.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
    .sort();
}

/** `eslint --format json <args>` in a process of its own; exit code 1 just means findings. */
async function lintInProcess(args: readonly string[]): Promise<{ results: Result[]; stderr: string }> {
  const run = promisify(execFile);
  try {
    const { stdout, stderr } = await run(process.execPath, [eslintBin, '--format', 'json', ...args], { cwd: example });
    return { results: JSON.parse(stdout) as Result[], stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code !== 1 || failed.stdout === undefined) throw error;
    return { results: JSON.parse(failed.stdout) as Result[], stderr: failed.stderr ?? '' };
  }
}

/** stderr without ESLint's performance notice (the warning line and Node's hint under it). */
function withoutPoorConcurrencyNotice(stderr: string): string {
  return stderr
    .split('\n')
    .filter((line) => !line.includes(poorConcurrency) && !line.includes('--trace-warnings'))
    .join('\n')
    .trim();
}

/** The reference: one thread, in this process (computed once, shared by the tests). */
let oneThreadRun: Promise<ESLint.LintResult[]> | undefined;
function lintInOneThread(): Promise<ESLint.LintResult[]> {
  return (oneThreadRun ??= new ESLint({ cwd: example, concurrency: 'off' }).lintFiles(['.']));
}

test('same findings in one thread, in ESLint worker threads, and in separate processes', async () => {
  const oneThread = await lintInOneThread();
  const serial = findingLines(oneThread);
  assert.ok(serial.some((line) => line.includes('slotguard/')), `the example has findings to compare:\n${serial.join('\n')}`);

  // Two worker threads on eight files: each thread builds its own TypeScript program, so ESLint may
  // rightly say that concurrency does not pay here; anything else on stderr is a failure.
  const workers = await lintInProcess(['--concurrency', '2', '.']);
  assert.deepEqual(findingLines(workers.results), serial);
  assert.equal(withoutPoorConcurrencyNotice(workers.stderr), '');

  const files = oneThread.map((result) => relative(example, result.filePath)).sort();
  const withFindings = oneThread.filter((result) => result.messages.length > 0).map((result) => relative(example, result.filePath));
  const rest = files.filter((file) => !withFindings.includes(file));
  assert.ok(rest.length >= 3, `files without findings too: ${rest.join(', ')}`);
  const split = await Promise.all([...withFindings.map((file) => lintInProcess([file])), lintInProcess(rest)]);
  assert.deepEqual(findingLines(split.flatMap((run) => run.results)), serial);
});

test('--concurrency auto on a small project: same findings, no ESLintPoorConcurrencyWarning', async () => {
  const oneThread = findingLines(await lintInOneThread());
  const auto = await lintInProcess(['--concurrency', 'auto', '.']);
  assert.deepEqual(findingLines(auto.results), oneThread);
  assert.doesNotMatch(auto.stderr, new RegExp(poorConcurrency));
  assert.equal(auto.stderr.trim(), '');
});

test('the stderr filter keeps everything but the poor-concurrency notice', () => {
  const stderr = `(node:1) ${poorConcurrency}: You may disable concurrency to improve performance.\n(Use \`node --trace-warnings ...\` to show where the warning was created)\nOops: a worker crashed\n`;
  assert.equal(withoutPoorConcurrencyNotice(stderr), 'Oops: a worker crashed');
});
