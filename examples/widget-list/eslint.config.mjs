// The example's ESLint setup: the one line a project adds to turn the leak rules on.
import slotguard from 'slotguard/eslint-plugin';

export default [slotguard.configs.recommended];
