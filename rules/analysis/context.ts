// The analysis context: one per TypeScript program (and options), memoized, so that every file
// linted against the same program shares the emitter-type answers and the function summaries.
import { createWrappedNode, type Node, type Project, type SourceFile, type ts, type Type } from 'ts-morph';
import type * as typescript from 'typescript';
import type { EmitterModel, ModelEnv } from './emitter-model.js';
import { resolvePresets } from './presets/index.js';

export interface AnalysisOptions {
  /** `settings.slotguard.presets`: preset names (default `['slotguard']`) or EmitterModel objects. */
  presets?: readonly unknown[];
  /** Report exception paths too (a throw between connect and dispose): the `strict` config. */
  strict?: boolean;
}

/** A TypeScript program from either compiler copy: typescript-eslint's or ts-morph's bundled one (same version). */
export type AnyProgram = ts.Program | typescript.Program;

export interface AnalysisContext extends ModelEnv {
  readonly program: ts.Program;
  readonly models: readonly EmitterModel[];
  readonly strict: boolean;
  /** Every connect method name of the active models, for cheap text pre-filters. */
  readonly connectMethodNames: readonly string[];
  /**
   * The ts-morph SourceFile of a file of the program: from the Project when the context was made
   * from one (the CLI), otherwise wrapped with `createWrappedNode(…, { typeChecker })` once per
   * file and reused.
   */
  sourceFile(file: string | ts.SourceFile | typescript.SourceFile): SourceFile | undefined;
  /**
   * The ts-morph node of any compiler node of the program, through its file's (memoized) wrapping:
   * a declaration in another file is wrapped once per program, not once per file that refers to it.
   */
  node(compilerNode: ts.Node): Node | undefined;
  /** Memo tables of the rules, keyed by compiler nodes (valid across files of this program). */
  memo<K extends object, V>(table: string): WeakMap<K, V>;
}

const contexts = new WeakMap<object, Map<string, AnalysisContext>>();

function isProject(value: unknown): value is Project {
  return typeof value === 'object' && value !== null && 'getSourceFiles' in value && 'getProgram' in value;
}

function optionsKey(options: AnalysisOptions, models: readonly EmitterModel[]): string {
  return JSON.stringify({ models: models.map((model) => model.name), strict: options.strict === true });
}

/**
 * The analysis context for a program (typescript-eslint's `parserServices.program`) or a ts-morph
 * Project (the CLI). Memoized per program and options: calling it for every linted file is cheap.
 */
export function createAnalysisContext(programOrProject: AnyProgram | Project, options: AnalysisOptions = {}): AnalysisContext {
  const project = isProject(programOrProject) ? programOrProject : undefined;
  const program = (project?.getProgram().compilerObject ?? programOrProject) as ts.Program;
  const models = resolvePresets(options.presets);
  const key = optionsKey(options, models);
  let byOptions = contexts.get(program);
  if (byOptions === undefined) {
    byOptions = new Map();
    contexts.set(program, byOptions);
  }
  const existing = byOptions.get(key);
  if (existing !== undefined) return existing;
  const created = buildContext(program, project, models, options);
  byOptions.set(key, created);
  return created;
}

function buildContext(program: ts.Program, project: Project | undefined, models: readonly EmitterModel[], options: AnalysisOptions): AnalysisContext {
  const typeChecker = program.getTypeChecker();
  const wrapped = new WeakMap<object, SourceFile>();
  const emitterTypes = new WeakMap<object, boolean>();
  const tables = new Map<string, WeakMap<object, unknown>>();

  const context: AnalysisContext = {
    program,
    checker: typeChecker,
    models,
    strict: options.strict === true,
    connectMethodNames: [...new Set(models.flatMap((model) => model.connectMethodNames))],

    sourceFile(file) {
      const compilerFile = (typeof file === 'string' ? program.getSourceFile(file) : file);
      if (compilerFile === undefined) return undefined;
      const known = wrapped.get(compilerFile);
      if (known !== undefined) return known;
      const result = project?.getSourceFile(compilerFile.fileName) ?? createWrappedNode(compilerFile, { typeChecker, sourceFile: compilerFile });
      wrapped.set(compilerFile, result);
      return result;
    },

    node(compilerNode) {
      const file = context.sourceFile(compilerNode.getSourceFile());
      if (file === undefined) return undefined;
      if (compilerNode === file.compilerNode) return file;
      // ts-morph's own node factory (what all its navigation uses); by position if a version lacks it.
      const factory = (file as unknown as { _getNodeFromCompilerNode?: (node: ts.Node) => Node })._getNodeFromCompilerNode;
      if (typeof factory === 'function') return factory.call(file, compilerNode);
      const start = compilerNode.getStart(file.compilerNode);
      const found = file.getDescendantAtStartWithWidth(start, compilerNode.getEnd() - start);
      return found?.compilerNode === compilerNode ? found : found?.getFirstAncestor((candidate) => candidate.compilerNode === compilerNode);
    },

    isEmitterType(type: Type): boolean {
      const cacheKey = type.compilerType;
      const known = emitterTypes.get(cacheKey);
      if (known !== undefined) return known;
      emitterTypes.set(cacheKey, false); // cycle guard
      const result = computeIsEmitter(type, context);
      emitterTypes.set(cacheKey, result);
      return result;
    },

    memo<K extends object, V>(table: string): WeakMap<K, V> {
      let found = tables.get(table);
      if (found === undefined) {
        found = new WeakMap();
        tables.set(table, found);
      }
      return found as WeakMap<K, V>;
    },
  };
  return context;
}

/** Unions (any member), intersections (any part), type parameters (their constraint), then each model. */
function computeIsEmitter(type: Type, env: AnalysisContext): boolean {
  if (type.isUnion()) return type.getUnionTypes().some((member) => env.isEmitterType(member));
  if (type.isIntersection()) return type.getIntersectionTypes().some((part) => env.isEmitterType(part));
  if (type.isTypeParameter()) {
    // `this` types and unconstrained parameters: what the checker can say about their members.
    const constraint = type.getConstraint() ?? type.getApparentType();
    return constraint !== type && env.isEmitterType(constraint);
  }
  if (!type.isObject()) return false;
  return env.models.some((model) => model.isEmitterType(type, env));
}
