// The rules `slotguard check` runs: filled in from the plugin and the analysis core once they land.
import type { CheckRule } from './check.js';

export function loadCheckRules(): CheckRule[] {
  return [];
}
