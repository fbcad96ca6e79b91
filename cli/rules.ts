// The rules `slotguard check` runs: those of the plugin's recommended (or strict) config, each
// with the plugin's own metadata and messages and the analysis core's finder for it, so that the
// CLI reports exactly what ESLint with the plugin reports.
import type { SourceFile } from 'ts-morph';
import type { Project } from 'ts-morph';
import { builtInPresets, createAnalysisContext, findDroppedEmitters, type AnalysisContext, type Finding } from '../rules/analysis/index.js';
import plugin from '../rules/index.js';
import type { CheckOptions } from './args.js';
import type { CheckRule } from './check.js';
import type { Severity } from './report.js';
import { UsageError } from './usage-error.js';

type Finder = (file: SourceFile, context: AnalysisContext) => readonly Finding[];

/** The core's finder behind each rule of the plugin (a test checks that none is missing). */
export const finders: Readonly<Record<string, Finder>> = {
  'no-dropped-connected-emitter': findDroppedEmitters,
};

const prefix = 'slotguard/';

/** ESLint's severity forms: 'error' | 'warn' | 'off', 2 | 1 | 0, or an array starting with one. */
function severityOf(entry: unknown): Severity | undefined {
  const level: unknown = Array.isArray(entry) ? entry[0] : entry;
  if (level === 'error' || level === 2) return 'error';
  if (level === 'warn' || level === 1) return 'warning';
  return undefined;
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
  const context = createAnalysisContext(project, { presets: checkedPresets(options.presets), strict: options.strict });
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
        find: (file) => find(file, context),
      },
    ];
  });
}
