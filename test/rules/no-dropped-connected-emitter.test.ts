import { rule } from '../../rules/no-dropped-connected-emitter.js';
import { forTester, typedRuleTester } from './rule-tester.js';

const header = "import { Signal, SignalObject } from 'slotguard';\nimport { Row, Job, Timer, Controller, Model } from './widgets.js';\n";

typedRuleTester().run('no-dropped-connected-emitter', forTester(rule), {
  valid: [
    { code: header + 'export function f() { const row = new Row(); row.clicked.connect(() => {}); row.dispose(); }' },
  ],
  invalid: [
    {
      code: header + 'export function f() { new Row().clicked.connect(() => {}); }',
      errors: [{ messageId: 'neverStored' }],
    },
  ],
});
