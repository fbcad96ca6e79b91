// Large repositories lint with ESLint's worker threads (--concurrency) or split the files across
// CI jobs. The rules keep no mutable state that one file leaves for the next: every file gets the
// same findings whether all are linted in one thread, spread over worker threads, or split over
// processes (each file with a finding linted alone, where the files it imports are known only
// through the TypeScript program, never because the rule saw them first).
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

type Result = Pick<ESLint.LintResult, 'filePath' | 'messages'>;

function findingLines(results: readonly Result[]): string[] {
  return results
    .flatMap((result) => result.messages.map((m) => `${relative(example, result.filePath)}:${m.line}:${m.column} ${m.ruleId} ${m.message}`))
    .sort();
}

/** `eslint --format json <files>` in a process of its own; exit code 1 just means findings. */
async function lintInProcess(files: readonly string[]): Promise<Result[]> {
  const run = promisify(execFile);
  try {
    const { stdout } = await run(process.execPath, [eslintBin, '--format', 'json', ...files], { cwd: example });
    return JSON.parse(stdout) as Result[];
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    if (failed.code !== 1 || failed.stdout === undefined) throw error;
    return JSON.parse(failed.stdout) as Result[];
  }
}

test('same findings in one thread, in ESLint worker threads, and in separate processes', async () => {
  const oneThread = await new ESLint({ cwd: example, concurrency: 'off' }).lintFiles(['.']);
  const serial = findingLines(oneThread);
  assert.ok(serial.some((line) => line.includes('slotguard/')), `the example has findings to compare:\n${serial.join('\n')}`);

  const workers = await new ESLint({ cwd: example, concurrency: 2 }).lintFiles(['.']);
  assert.deepEqual(findingLines(workers), serial);

  const files = oneThread.map((result) => relative(example, result.filePath)).sort();
  const withFindings = oneThread.filter((result) => result.messages.length > 0).map((result) => relative(example, result.filePath));
  const rest = files.filter((file) => !withFindings.includes(file));
  assert.ok(rest.length >= 3, `files without findings too: ${rest.join(', ')}`);
  const split = await Promise.all([...withFindings.map((file) => lintInProcess([file])), lintInProcess(rest)]);
  assert.deepEqual(findingLines(split.flat()), serial);
});
