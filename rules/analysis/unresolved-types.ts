// "The types did not resolve": the one failure that makes a preset silent. A Node project whose
// tsconfig does not load @types/node (TypeScript 6 defaults `types` to []) sees `EventEmitter` as
// `any`, and a program without the DOM lib has no `EventTarget`: every emitter question answers no,
// and the rules find nothing. Each reason is said once per program, with the files it affects and
// the fix, by both front doors (the ESLint rule on the first affected file, the CLI on stderr).
import { builtinModules } from 'node:module';
import { ts } from 'ts-morph';
import type { AnalysisContext } from './context.js';

export type UnresolvedTypesReason = 'node-types' | 'dom-lib';

export interface UnresolvedTypesNotice {
  readonly reason: UnresolvedTypesReason;
  /** The affected files of the program, sorted by path: the ESLint rule reports on the first. */
  readonly files: readonly string[];
  /** One sentence: what did not resolve, in how many files, and what to change. */
  readonly message: string;
}

const nodeBuiltins: ReadonlySet<string> = new Set(builtinModules);

function isNodeBuiltin(specifier: string): boolean {
  return specifier.startsWith('node:') || nodeBuiltins.has(specifier) || nodeBuiltins.has(specifier.split('/')[0] ?? specifier);
}

function isProjectFile(file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !file.fileName.includes('/node_modules/');
}

/** `import … from 'node:events'` (or `export … from`, or `import x = require(…)`) whose module the checker cannot find. */
function importsUnresolvedNodeModule(file: ts.SourceFile, checker: ts.TypeChecker): boolean {
  for (const statement of file.statements) {
    let specifier: ts.Expression | undefined;
    if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) specifier = statement.moduleSpecifier;
    else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference)) specifier = statement.moduleReference.expression;
    if (specifier === undefined || !ts.isStringLiteralLike(specifier) || !isNodeBuiltin(specifier.text)) continue;
    if (checker.getSymbolAtLocation(specifier) === undefined) return true;
  }
  return false;
}

function plural(count: number): string {
  return count === 1 ? '1 file' : `${count} files`;
}

interface Detector {
  readonly reason: UnresolvedTypesReason;
  /** The preset whose findings depend on these types: no notice when it is not active. */
  readonly preset: string;
  /** Whether the reason can hold in this program at all (asked once). */
  applies?(context: AnalysisContext): boolean;
  affects(file: ts.SourceFile, context: AnalysisContext): boolean;
  message(count: number): string;
}

const detectors: readonly Detector[] = [
  {
    reason: 'node-types',
    preset: 'node-events',
    affects: (file, context) => importsUnresolvedNodeModule(file, context.checker),
    message: (count) =>
      `Node's EventEmitter is \`any\` in ${plural(count)}: add "types": ["node"] to tsconfig.json (and install @types/node); until then the node-events preset cannot see any emitter there.`,
  },
  {
    reason: 'dom-lib',
    preset: 'dom',
    // Without lib.dom.d.ts there is no EventTarget: a file that adds listeners gets no DOM findings.
    applies: (context) => !context.program.getSourceFiles().some((candidate) => /[\\/]lib\.dom\.d\.ts$/.test(candidate.fileName)),
    affects: (file) => file.text.includes('addEventListener'),
    message: (count) =>
      `The DOM types are missing in ${plural(count)} calling addEventListener: add "DOM" to "lib" in tsconfig.json; until then the dom preset cannot see any EventTarget there.`,
  },
];

const notices = new WeakMap<AnalysisContext, readonly UnresolvedTypesNotice[]>();

/** The reasons why types did not resolve in this program, each with its files; computed once per context. */
export function unresolvedTypeNotices(context: AnalysisContext): readonly UnresolvedTypesNotice[] {
  const known = notices.get(context);
  if (known !== undefined) return known;
  const active = new Set(context.models.map((model) => model.name));
  const files = context.program.getSourceFiles().filter(isProjectFile);
  const result = detectors.flatMap((detector): UnresolvedTypesNotice[] => {
    if (!active.has(detector.preset) || detector.applies?.(context) === false) return [];
    const affected = files.filter((file) => detector.affects(file, context)).map((file) => file.fileName).sort();
    return affected.length === 0 ? [] : [{ reason: detector.reason, files: affected, message: detector.message(affected.length) }];
  });
  notices.set(context, result);
  return result;
}
