// The ESLint front door shared by the two ownership rules (no-unbound-closure-slot,
// no-ignored-connection): same option (`once`), same settings, one finder of the core each.
import { ESLintUtils, type JSONSchema } from '@typescript-eslint/utils';
import type { SourceFile } from 'ts-morph';
import { createAnalysisContext, fileMayConnect, type AnalysisContext, type Finding } from './analysis/index.js';
import { DEFAULT_ONCE, type OncePolicy } from './analysis/connection-fate.js';
import type { LifecyclePair } from './analysis/emitter-model.js';
import { lifecyclePairsOption } from './lifecycle-option.js';
import { ruleDocsUrl } from './docs-url.js';
import { reportFindings } from './no-dropped-connected-emitter.js';
import { assertSupportedTypeScript } from './typescript-version.js';

export interface OnceRuleOptions {
  /** `'report'` (or `false`), `'allow'` (default, or `true`), or the names of the signals that fire once by contract. */
  once?: OncePolicy;
  /** Up/down method pairs added to those of the presets: `[{ up: 'start', down: 'stop' }]`. */
  lifecyclePairs?: unknown;
}

export const onceOptionSchema: JSONSchema.JSONSchema4 = {
  type: 'object',
  properties: {
    once: {
      description:
        "Whether `{ once: true }` connections end by themselves: 'report' (or false), 'allow' (default, or true), or the names of the signals that fire once by contract.",
      oneOf: [
        { type: 'string', enum: ['report', 'allow'] },
        { type: 'boolean' },
        { type: 'array', items: { type: 'string', minLength: 1 }, uniqueItems: true },
      ],
    },
  },
  additionalProperties: false,
};

// Items are checked by lifecyclePairsOption, whose error says what was wrong and shows the form.
(onceOptionSchema.properties as Record<string, JSONSchema.JSONSchema4>).lifecyclePairs = {
  description: "Up/down method pairs whose down method must end what the up method connects, added to the presets' pairs: [{ up: 'start', down: 'stop' }].",
  type: 'array',
};

const createRule = ESLintUtils.RuleCreator(ruleDocsUrl);

export function createOwnershipRule<MessageIds extends string>(spec: {
  name: string;
  description: string;
  messages: Record<MessageIds, string>;
  find: (file: SourceFile, context: AnalysisContext, options: { once: OncePolicy; lifecyclePairs: readonly LifecyclePair[] }) => Finding[];
}) {
  return createRule<[OnceRuleOptions], MessageIds>({
    name: spec.name,
    meta: { type: 'problem', docs: { description: spec.description }, hasSuggestions: true, messages: spec.messages, schema: [onceOptionSchema] },
    defaultOptions: [{ once: DEFAULT_ONCE }],
    create(context, [options]) {
      const services = ESLintUtils.getParserServices(context);
      assertSupportedTypeScript();
      const lifecyclePairs = lifecyclePairsOption(`slotguard/${spec.name}`, options.lifecyclePairs);
      const settings = (context.settings as { slotguard?: { presets?: unknown[] } }).slotguard;
      const analysis = createAnalysisContext(services.program, { presets: settings?.presets });
      // As no-dropped-connected-emitter: at the end of the traversal, when the checker answers other
      // typed rules asked for are cached, and only in files that call a connect method (or a
      // function that connects) at all: a file with no connect call has no finding of these rules.
      return {
        'Program:exit'(program) {
          const compilerFile = services.esTreeNodeToTSNodeMap.get(program);
          if (!fileMayConnect(analysis, compilerFile)) return;
          const file = analysis.sourceFile(compilerFile);
          if (file === undefined) return;
          reportFindings(context, spec.find(file, analysis, { once: options.once ?? DEFAULT_ONCE, lifecyclePairs }));
        },
      };
    },
  });
}
