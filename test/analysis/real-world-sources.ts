// The real-world TypeScript the no-crash tests run over: this project's sources and the `.ts`
// sources ajv ships in node_modules, with the compiler options to load them.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { ts as morph } from 'ts-morph';
import ts from 'typescript';

type MorphCompilerOptions = morph.CompilerOptions;

export const packageRoot = join(import.meta.dirname, '..', '..', '..');

/** `.ts` files (not declarations) under `dir`, minus those `skip` names; none if `dir` is absent. */
export function typeScriptFilesUnder(dir: string, skip: (path: string) => boolean = () => false): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !skip(path));
  } catch {
    return [];
  }
}

/** The same options typed for ts-morph, whose bundled TypeScript 6.0 declares its own copy of the types. */
// tsc compares the two copies (and can give up with TS2321); the linter's program sees one copy.
// eslint-disable-next-line @typescript-eslint/no-unnecessary-type-assertion
export const asMorphOptions = (options: ts.CompilerOptions): MorphCompilerOptions => options as unknown as MorphCompilerOptions;

export const ajvSources = (): string[] => typeScriptFilesUnder(join(packageRoot, 'node_modules', 'ajv', 'lib'));

export const realWorldCompilerOptions: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts', 'lib.dom.d.ts'],
  types: ['node'],
  strict: true,
  skipLibCheck: true,
  noEmit: true,
  resolveJsonModule: true,
};
