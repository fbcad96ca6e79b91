// The ESLint plugin: rules and flat configs (`import slotguard from 'slotguard/eslint-plugin'`).
import parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { name as droppedEmitterName, rule as droppedEmitterRule } from './no-dropped-connected-emitter.js';

const rules: Record<string, TSESLint.RuleModule<string, unknown[]>> = {
  [droppedEmitterName]: droppedEmitterRule,
};

const plugin = {
  meta: { name: 'slotguard', version: '0.1.0' },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

// Typed linting: the rules need the TypeScript program, which the project service provides.
const languageOptions: TSESLint.FlatConfig.LanguageOptions = {
  parser,
  parserOptions: { projectService: true },
};

plugin.configs.recommended = {
  name: 'slotguard/recommended',
  plugins: { slotguard: plugin },
  languageOptions,
  rules: {
    [`slotguard/${droppedEmitterName}`]: 'error',
  },
};

// strict: exception paths too (a throw between connect and dispose).
plugin.configs.strict = {
  name: 'slotguard/strict',
  plugins: { slotguard: plugin },
  languageOptions,
  rules: {
    [`slotguard/${droppedEmitterName}`]: ['error', { strict: true }],
  },
};

export default plugin;
