import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import type { CheckRule } from '../../cli/check.js';
import { cliFixtures, runCli } from './capture.js';

const markerRule: CheckRule = {
  id: 'slotguard/marker',
  severity: 'error',
  description: 'Reports LEAK markers',
  helpUri: undefined,
  messages: { leak: 'marker' },
  find(file) {
    return [...file.getFullText().matchAll(/LEAK/g)].map((match) => ({ rule: 'marker', messageId: 'leak', data: {}, start: match.index, end: match.index + 4, suggestions: [] }));
  },
};

test('eslint-disable comments silence findings as in ESLint', () => {
  const result = runCli(['check', '--format', 'json'], { cwd: join(cliFixtures, 'directives'), loadRules: () => [markerRule] });
  const [file] = JSON.parse(result.stdout) as { messages: { line: number }[] }[];
  assert.deepEqual(
    file?.messages.map((message) => message.line),
    [2, 4, 11, 15, 19, 21],
  );
});
