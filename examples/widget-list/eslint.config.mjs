// The example's ESLint setup: what a project adds to turn the leak rules on for its TypeScript files.
import slotguard from 'slotguard/eslint-plugin';

export default [slotguard.configs.recommended];
