// slotguard/no-dropped-connected-emitter: a fresh emitter that is connected and then dropped while
// still connected. The analysis is the core's (`rules/analysis/`); this file is the ESLint front door.
import { ESLintUtils, type TSESTree } from '@typescript-eslint/utils';
import { createAnalysisContext, fileMayConnect, findDroppedEmitters, type DroppedEmitterMessageId, type Finding } from './analysis/index.js';
import { fileMayRearm } from './analysis/rearming-timers.js';
import { unresolvedTypeNotices } from './analysis/unresolved-types.js';
import { ruleDocsUrl } from './docs-url.js';
import { assertSupportedTypeScript } from './typescript-version.js';

export const name = 'no-dropped-connected-emitter';

/** Message texts, shared with the CLI so that both print findings identically. */
export const messages: Record<DroppedEmitterMessageId | 'unresolvedTypes', string> = {
  unresolvedTypes: 'slotguard: {{message}}',
  droppedAtScopeEnd:
    "'{{name}}' ({{type}}) is still connected ({{signals}}) when it goes out of scope on some path: its connections are never torn down. Call {{name}}.{{release}}() on every path, declare it with `using`, or store it where it is disposed later.",
  droppedByReassignment:
    "'{{name}}' is reassigned while the {{type}} it holds is still connected ({{signals}}): that object is dropped without being disposed. Call {{name}}.{{release}}() before reassigning it.",
  droppedByFieldOverwrite:
    "'{{name}}' is overwritten while the {{type}} it holds is still connected ({{signals}}): the old object is dropped without being disposed. Call {{name}}?.{{release}}() before assigning a new value.",
  droppedFromCollection:
    "`{{operation}}` drops objects of '{{name}}' ({{type}}) that are still connected ({{signals}}) without disposing them. Dispose the objects it removes: {{removal}}.",
  neverStored:
    'This {{type}} is connected ({{signals}}) and never stored: it is dropped at once while still connected. Keep it and dispose it later, pass a parent to its constructor, or track it with owner.track(…).',
  droppedOnThrow:
    "'{{name}}' ({{type}}) is still connected ({{signals}}) when the throw on line {{line}} leaves its scope. Dispose it in a `finally` block or declare it with `using`.",
  idDropped:
    "'{{name}}' holds the id of a repeating timer ({{signals}}) that is still running when the id is dropped, on some path: it runs its callback, and keeps what the callback captures, for the rest of the program. Call {{release}}({{name}}) when it is no longer needed, or keep the id where it is cleared later.",
  idNeverStored:
    'The id of this repeating timer ({{signals}}) is discarded: it can never be cleared, so it runs its callback, and keeps what the callback captures, for the rest of the program. Keep the id and call {{release}}(id) when it is no longer needed.',
  loopNeverCancelled:
    '{{timer}}(…) re-arms {{name}} every time it runs, and nothing in this file calls {{cancel}}: once started, the loop never ends and keeps `this` for the rest of the program. Keep the id and call {{cancel}}(id) when the object is done, or stop re-arming on a flag.',
  timerNeverCleared:
    "'{{name}}' keeps the id of a repeating timer ({{timer}}), and nothing ever clears it: no {{cancel}}({{name}}) anywhere, so the timer runs its callback, and keeps what the callback captures, for the rest of the program. Call {{cancel}}({{name}}) {{where}}.",
  suggestDispose: 'Insert `{{name}}.dispose()` {{where}}.',
  suggestUsing: "Declare '{{name}}' with `using` so that it is disposed at the end of its scope.",
};

export interface RuleOptions {
  /** Also report exception paths: a throw between connect and dispose. The `strict` config sets it. */
  strict?: boolean;
}

interface SlotguardSettings {
  presets?: unknown[];
}

const createRule = ESLintUtils.RuleCreator(ruleDocsUrl);

/** Converts the core's offset-based findings into ESLint reports. */
export function reportFindings(
  context: Readonly<{ sourceCode: { getLocFromIndex(index: number): TSESTree.Position }; report: (descriptor: never) => void }>,
  findings: readonly Finding[],
): void {
  for (const finding of findings) {
    const descriptor = {
      loc: { start: context.sourceCode.getLocFromIndex(finding.start), end: context.sourceCode.getLocFromIndex(finding.end) },
      messageId: finding.messageId,
      data: finding.data,
      suggest: finding.suggestions.map((suggestion) => ({
        messageId: suggestion.messageId,
        data: suggestion.data,
        fix: (fixer: { replaceTextRange(range: [number, number], text: string): unknown }) =>
          suggestion.edits.map((edit) => fixer.replaceTextRange([edit.start, edit.end], edit.text)),
      })),
    };
    context.report(descriptor as never);
  }
}

export const rule = createRule<[RuleOptions], DroppedEmitterMessageId | 'unresolvedTypes'>({
  name,
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow dropping a dynamically created emitter while it is still connected',
    },
    hasSuggestions: true,
    messages,
    schema: [
      {
        type: 'object',
        properties: { strict: { type: 'boolean', description: 'Also report exception paths (a throw between connect and dispose).' } },
        additionalProperties: false,
      },
    ],
  },
  defaultOptions: [{ strict: false }],
  create(context, [options]) {
    const services = ESLintUtils.getParserServices(context);
    assertSupportedTypeScript();
    const settings = (context.settings as { slotguard?: SlotguardSettings }).slotguard;
    const analysis = createAnalysisContext(services.program, { presets: settings?.presets, strict: options.strict === true });
    // At the end of the traversal: the analysis is whole-file anyway, and by then the checker answers
    // that other typed rules already asked for are cached, so this rule pays only for its own queries.
    return {
      'Program:exit'(program) {
        const compilerFile = services.esTreeNodeToTSNodeMap.get(program);
        // Types that did not resolve are said once per program, on the first affected file (docs/presets.md).
        for (const notice of unresolvedTypeNotices(analysis)) {
          if (notice.files[0] === compilerFile.fileName) context.report({ loc: { line: 1, column: 0 }, messageId: 'unresolvedTypes', data: { message: notice.message } });
        }
        // Files that call nothing that connects are skipped before any ts-morph wrapping.
        if (!fileMayConnect(analysis, compilerFile) && !fileMayRearm(analysis, compilerFile)) return;
        const file = analysis.sourceFile(compilerFile);
        if (file === undefined) return;
        reportFindings(context, findDroppedEmitters(file, analysis));
      },
    };
  },
});

export default rule;
