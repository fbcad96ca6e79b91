// The rules `slotguard check` runs: those of the plugin's recommended (or strict) config, each
// with the plugin's own metadata and messages and the analysis core's finder for it, so that the
// CLI reports exactly what ESLint with the plugin reports.
import { relative } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import {
  builtInPresets,
  createAnalysisContext,
  explainDroppedEmitters,
  findDroppedEmitters,
  findIgnoredConnections,
  findUnboundClosureSlots,
  DEFAULT_ONCE,
  type AnalysisContext,
  type Finding,
  type OncePolicy,
} from '../rules/analysis/index.js';
import { unresolvedTypeNotices } from '../rules/analysis/unresolved-types.js';
import plugin from '../rules/index.js';
import type { CheckOptions } from './args.js';
import type { CheckRule } from './check.js';
import type { Severity } from './report.js';
import { UsageError } from './usage-error.js';

/** The rule's options from the config entry (`['error', { … }]`), as the plugin's rule reads them. */
type RuleOptions = Readonly<{ strict?: boolean; once?: OncePolicy }>;

/** The analysis context for some options: the same one the plugin's rule asks for. */
type ContextFor = (options: { strict?: boolean }) => AnalysisContext;

type Finder = (file: SourceFile, contextFor: ContextFor, options: RuleOptions) => readonly Finding[];

/** The core's finder behind each rule of the plugin, called as the rule calls it (a test checks that none is missing). */
export const finders: Readonly<Record<string, Finder>> = {
  'no-dropped-connected-emitter': (file, contextFor, options) => findDroppedEmitters(file, contextFor({ strict: options.strict === true })),
  'no-unbound-closure-slot': (file, contextFor, options) => findUnboundClosureSlots(file, contextFor({}), { once: options.once ?? DEFAULT_ONCE }),
  'no-ignored-connection': (file, contextFor, options) => findIgnoredConnections(file, contextFor({}), { once: options.once ?? DEFAULT_ONCE }),
};

const prefix = 'slotguard/';

/** ESLint's severity forms: 'error' | 'warn' | 'off', 2 | 1 | 0, or an array starting with one. */
function severityOf(entry: unknown): Severity | undefined {
  const level: unknown = Array.isArray(entry) ? entry[0] : entry;
  if (level === 'error' || level === 2) return 'error';
  if (level === 'warn' || level === 1) return 'warning';
  return undefined;
}

function ruleOptions(entry: unknown): RuleOptions {
  const options: unknown = Array.isArray(entry) ? entry[1] : undefined;
  return typeof options === 'object' && options !== null ? options : {};
}

function checkedPresets(presets: readonly string[]): string[] | undefined {
  if (presets.length === 0) return undefined;
  const known = [...builtInPresets.keys()];
  for (const preset of presets) {
    if (!builtInPresets.has(preset)) throw new UsageError(`Unknown preset "${preset}" (--preset). Known presets: ${known.join(', ')}.`);
  }
  return [...presets];
}

export function loadCheckRules(project: Project, options: CheckOptions): CheckRule[] {
  const config = options.strict ? plugin.configs.strict : plugin.configs.recommended;
  const presets = checkedPresets(options.presets);
  // Memoized by the core per program and options: one context per distinct rule option set.
  const contextFor: ContextFor = ({ strict }) => createAnalysisContext(project, { presets, strict });
  return Object.entries(config.rules ?? {}).flatMap(([id, entry]): CheckRule[] => {
    const severity = severityOf(entry);
    if (severity === undefined || !id.startsWith(prefix)) return [];
    const name = id.slice(prefix.length);
    const module = plugin.rules[name];
    const find = finders[name];
    if (module === undefined || find === undefined) {
      throw new Error(`slotguard check has no analysis for the rule ${id}: add its finder to cli/rules.ts.`);
    }
    return [
      {
        id,
        severity,
        description: module.meta.docs?.description ?? name,
        helpUri: module.meta.docs?.url,
        messages: module.meta.messages,
        find: (file) => find(file, contextFor, ruleOptions(entry)),
      },
    ];
  });
}

/** `--explain`: every place where no-dropped-connected-emitter could not judge, with the reason. */
export function writeExplanations(project: Project, files: readonly SourceFile[], options: CheckOptions, stream: { write(text: string): unknown }, cwd: string): void {
  const context = createAnalysisContext(project, { presets: checkedPresets(options.presets), strict: options.strict });
  let count = 0;
  for (const file of files) {
    for (const entry of explainDroppedEmitters(file, context)) {
      const { line, column } = file.getLineAndColumnAtPos(entry.start);
      stream.write(`${relative(cwd, file.getFilePath())}:${line}:${column}  not judged: ${entry.reason}\n`);
      count++;
    }
  }
  stream.write(`slotguard: ${count} place${count === 1 ? '' : 's'} not judged (--explain).\n`);
}

/** Types that did not resolve make a preset silent: each reason once per run, on stderr (docs/presets.md). */
export function writeUnresolvedTypes(project: Project, options: CheckOptions, stream: { write(text: string): unknown }): void {
  const context = createAnalysisContext(project, { presets: checkedPresets(options.presets), strict: options.strict });
  for (const notice of unresolvedTypeNotices(context)) stream.write(`slotguard: ${notice.message}\n`);
}
