// The project lints itself with typescript-eslint's type-checked rules and with its own plugin
// (built into dist/ by `npm run build`, which `npm test` runs first).
import tseslint from 'typescript-eslint';
import slotguard from './dist/rules/index.js';

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/', 'examples/', 'coverage/'] },
  {
    files: ['**/*.ts'],
    extends: [tseslint.configs.recommendedTypeChecked],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // node:test's test()/describe()/it() return promises that the runner itself awaits.
      '@typescript-eslint/no-floating-promises': [
        'error',
        { allowForKnownSafeCalls: [{ from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] }] },
      ],
    },
  },
  slotguard.configs.recommended,
  {
    // The runtime's own tests and benchmarks create, connect and drop emitters on purpose: that is
    // what they measure and what the leak detector must see. The rules stay on everywhere else.
    files: ['test/runtime/**', 'test/leaks/**', 'bench/**'],
    rules: Object.fromEntries(Object.keys(slotguard.rules).map((name) => [`slotguard/${name}`, 'off'])),
  },
  { files: ['**/*.js', '**/*.mjs'], extends: [tseslint.configs.disableTypeChecked] },
);
