// The ESLint plugin: rules and flat configs (`import slotguard from 'slotguard/eslint-plugin'`).
import type { TSESLint } from '@typescript-eslint/utils';
import * as parser from './config-files-parser.js';
import { name as droppedEmitterName, rule as droppedEmitterRule } from './no-dropped-connected-emitter.js';
import { name as ignoredConnectionName, rule as ignoredConnectionRule } from './no-ignored-connection.js';
import { name as unboundClosureSlotName, rule as noUnboundClosureSlot } from './no-unbound-closure-slot.js';

const rules: Record<string, TSESLint.RuleModule<string, unknown[]>> = {
  [droppedEmitterName]: droppedEmitterRule,
  [unboundClosureSlotName]: noUnboundClosureSlot,
  [ignoredConnectionName]: ignoredConnectionRule,
};

const plugin = {
  meta: { name: 'slotguard', version: '0.1.0' },
  rules,
  configs: {} as Record<'recommended' | 'strict', TSESLint.FlatConfig.Config>,
};

// The configs apply to TypeScript files only, so `export default [slotguard.configs.recommended]`
// works as it is: typed linting of eslint.config.mjs itself would fail (no tsconfig includes it).
const files = ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'];

/**
 * Root config files that most projects keep outside every tsconfig (`vitest.config.ts`,
 * `eslint.config.ts`, `build.config.mts`…): the project service lints them in its default project
 * instead of failing with "was not found by the project service". typescript-eslint allows no
 * `**` here and lints at most 8 such files, so only the project root's `*.config.*` files are named.
 */
export const defaultProjectFiles: readonly string[] = ['*.config.ts', '*.config.mts', '*.config.cts'];

// Typed linting: the rules need the TypeScript program, which the project service provides.
const languageOptions: TSESLint.FlatConfig.LanguageOptions = {
  parser,
  parserOptions: { projectService: { allowDefaultProject: [...defaultProjectFiles] } },
};

/** A flat config: typed, on TypeScript files, every rule an error; `dropped` options the strict config sets. */
function typedConfig(name: string, droppedOptions?: { strict: boolean }): TSESLint.FlatConfig.Config {
  return {
    name,
    files,
    plugins: { slotguard: plugin },
    languageOptions,
    rules: {
      [`slotguard/${droppedEmitterName}`]: droppedOptions === undefined ? 'error' : ['error', droppedOptions],
      [`slotguard/${unboundClosureSlotName}`]: 'error',
      [`slotguard/${ignoredConnectionName}`]: 'error',
    },
  };
}

plugin.configs.recommended = typedConfig('slotguard/recommended');
// strict: exception paths too (a throw between connect and dispose).
plugin.configs.strict = typedConfig('slotguard/strict', { strict: true });

export default plugin;
