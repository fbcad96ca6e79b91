// The ESLint plugin: rules and flat configs. Rules are added by the lint issues.
import type { TSESLint } from '@typescript-eslint/utils';

const rules: Record<string, TSESLint.RuleModule<string, unknown[]>> = {};

const plugin = {
  meta: { name: 'slotguard', version: '0.1.0' },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

plugin.configs.recommended = { name: 'slotguard/recommended', plugins: { slotguard: plugin }, rules: {} };
plugin.configs.strict = { name: 'slotguard/strict', plugins: { slotguard: plugin }, rules: {} };

export default plugin;
