// The typed RuleTester on node:test, pointed at the fixture project (tsconfig with `paths` for
// the `slotguard` stub). Every case is linted as test/fixtures/project/file.ts.
import { after, describe, it } from 'node:test';
import { join } from 'node:path';
import { RuleTester } from '@typescript-eslint/rule-tester';

// node:test's describe/it return promises that the runner itself awaits; RuleTester ignores them.
/* eslint-disable @typescript-eslint/no-misused-promises */
RuleTester.afterAll = after;
RuleTester.describe = describe;
RuleTester.it = it;
RuleTester.itOnly = it.only;
/* eslint-enable @typescript-eslint/no-misused-promises */

export const fixtureProject = join(import.meta.dirname, '..', '..', '..', 'test', 'fixtures', 'project');

/** The preset fixture projects (test/fixtures/presets/<name>/), each with its own tsconfig and declarations. */
export function presetFixture(name: string): string {
  return join(fixtureProject, '..', 'presets', name);
}

export function typedRuleTester(settings?: Record<string, unknown>, fixture: string = fixtureProject): RuleTester {
  return new RuleTester({
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: fixture },
    },
    ...(settings === undefined ? {} : { settings }),
  });
}

/**
 * The rule as the tester's own copy of @typescript-eslint/utils types it: the tester (8.72) nests
 * an older utils than the plugin's (8.73), whose private class members make the types unrelated.
 */
export function forTester<Rule>(rule: Rule): Parameters<RuleTester['run']>[1] {
  return rule as unknown as Parameters<RuleTester['run']>[1];
}
