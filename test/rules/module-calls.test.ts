// What a function of an imported module returns: a shared instance when the function is named for
// it (`getDefault()`, GJS's `get_default()`), otherwise not the module's own part (`mqtt.connect()`
// makes a client): unknown, never reported as a module singleton.
import { rule } from '../../rules/no-unbound-closure-slot.js';
import { forTester, typedRuleTester } from './rule-tester.js';

const panel = (source: string) => `import * as factories from './factories.js';
export class Panel {
  count = 0;
  constructor() {
    ${source}.clicked.connect(() => this.count++);
  }
}`;

typedRuleTester().run('no-unbound-closure-slot: calls of an imported module', forTester(rule), {
  valid: [panel('factories.open()')],
  invalid: [{ code: panel('factories.getDefault()'), errors: [{ messageId: 'unboundClosureSlot' }] }],
});
