// The plugin's public shape: rules, flat configs (typed, projectService) and docs links that exist.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import plugin from '../../rules/index.js';
import { messages, rule } from '../../rules/no-dropped-connected-emitter.js';

const root = join(import.meta.dirname, '..', '..', '..');

test('the plugin exposes the rule and typed flat configs', () => {
  assert.equal(plugin.rules['no-dropped-connected-emitter'], rule);
  const { recommended, strict } = plugin.configs;
  assert.equal(recommended.name, 'slotguard/recommended');
  assert.deepEqual(recommended.rules, {
    'slotguard/no-dropped-connected-emitter': 'error',
    'slotguard/no-unbound-closure-slot': 'error',
    'slotguard/no-ignored-connection': 'error',
  });
  assert.deepEqual(strict.rules, {
    'slotguard/no-dropped-connected-emitter': ['error', { strict: true }],
    'slotguard/no-unbound-closure-slot': 'error',
    'slotguard/no-ignored-connection': 'error',
  });
  for (const config of [recommended, strict]) {
    assert.equal(config.plugins?.slotguard, plugin);
    assert.deepEqual(config.files, ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts']);
    assert.deepEqual(config.languageOptions?.parserOptions?.projectService, { allowDefaultProject: ['*.config.ts', '*.config.mts', '*.config.cts'] });
    assert.equal(config.languageOptions?.parser?.meta?.name, 'slotguard/config-files-parser');
  }
});

test('every rule links to its docs/rules page, and the page exists', () => {
  for (const [name, module] of Object.entries(plugin.rules)) {
    const url = module.meta.docs?.url ?? '';
    assert.ok(url.endsWith(`/docs/rules/${name}.md`), url);
    assert.ok(existsSync(join(root, 'docs', 'rules', `${name}.md`)), `docs/rules/${name}.md`);
  }
});

test('messages name the variable, its type, the signals and the fix', () => {
  for (const id of ['droppedAtScopeEnd', 'droppedOnThrow'] as const) {
    for (const placeholder of ['{{name}}', '{{type}}', '{{signals}}']) assert.ok(messages[id].includes(placeholder), `${id} lacks ${placeholder}`);
    assert.match(messages[id], /dispose|using/);
  }
  assert.equal(rule.meta.messages, messages);
});
