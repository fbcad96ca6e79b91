import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { Project } from 'ts-morph';
import type { CheckOptions } from '../../cli/args.js';
import { finders, loadCheckRules } from '../../cli/rules.js';
import { UsageError } from '../../cli/usage-error.js';
import plugin from '../../rules/index.js';
import { cliFixtures } from './capture.js';

const options: CheckOptions = { command: 'check', project: 'tsconfig.json', format: 'stylish', maxWarnings: 0, patterns: [], presets: [], strict: false, outputFile: undefined, explain: false };
const project = new Project({ tsConfigFilePath: join(cliFixtures, 'basic', 'tsconfig.json') });

test('every rule of the plugin has its finder in the CLI', () => {
  assert.deepEqual(Object.keys(finders).sort(), Object.keys(plugin.rules).sort());
});

test('the CLI runs the rules of the recommended config with the plugin metadata', () => {
  const rules = loadCheckRules(project, options);
  assert.deepEqual(
    rules.map((rule) => rule.id),
    Object.keys(plugin.configs.recommended.rules ?? {}),
  );
  for (const rule of rules) {
    const module = plugin.rules[rule.id.replace('slotguard/', '')];
    assert.equal(rule.helpUri, module?.meta.docs?.url);
    assert.match(rule.helpUri ?? '', /^https:\/\/.+\/docs\/rules\/.+\.md$/);
    assert.equal(rule.messages, module?.meta.messages);
    assert.equal(rule.severity, 'error');
  }
});

test('an unknown --preset is a usage error that lists the known ones', () => {
  assert.throws(
    () => loadCheckRules(project, { ...options, presets: ['qt'] }),
    (error: unknown) => error instanceof UsageError && /Unknown preset "qt" \(--preset\)\. Known presets: slotguard, .*dom/.test(error.message),
  );
  assert.equal(loadCheckRules(project, { ...options, presets: ['slotguard', 'dom', 'node-events', 'gobject'] }).length, 3);
});
