// The rules hand typescript-eslint's program to ts-morph, which reads its nodes and types with the
// compiler it bundles (TypeScript 6.0 for ts-morph 28). SyntaxKind and TypeFlags numbers change
// between TypeScript versions, so a program built by another TypeScript is misread without any
// error: the rules would find nothing. This check turns that into a configuration error instead.
import { createRequire } from 'node:module';
import { ts } from 'ts-morph';

/** The TypeScript the rules understand: `major.minor` of the compiler ts-morph bundles. */
export const supportedTypeScript: string = ts.versionMajorMinor;

/** Thrown from a rule's `create` so that ESLint stops at the first file and prints the message. */
export class TypeScriptVersionError extends Error {
  override readonly name = 'TypeScriptVersionError';
}

/** The `major.minor` of a version string (`5.9.3` → `5.9`), or the string as it is. */
function majorMinor(version: string): string {
  return /^(\d+\.\d+)/.exec(version)?.[1] ?? version;
}

/** The error for a program built by TypeScript `installed`, or undefined when the rules support it. */
export function typeScriptVersionProblem(installed: string, supported: string = supportedTypeScript): TypeScriptVersionError | undefined {
  if (majorMinor(installed) === supported) return undefined;
  return new TypeScriptVersionError(
    `slotguard's ESLint rules support TypeScript ${supported}.x only, and typescript-eslint's parser here uses TypeScript ${installed}: ` +
      `the rules cannot read its program (they would report nothing). Install TypeScript ${supported} (npm install -D typescript@~${supported}.0), ` +
      `or run \`npx slotguard check\` instead, which brings its own compiler and works on any project.`,
  );
}

/**
 * The version of the TypeScript that typescript-eslint's parser loads, resolved as the parser
 * resolves it (from @typescript-eslint/typescript-estree), so it is the compiler that built the
 * linted program. Undefined when the packages cannot be resolved (a bundled ESLint, say).
 */
function parserTypeScriptVersion(): string | undefined {
  try {
    const fromPlugin = createRequire(import.meta.url);
    const parserPath = fromPlugin.resolve('@typescript-eslint/parser');
    const estreePath = createRequire(parserPath).resolve('@typescript-eslint/typescript-estree');
    const parserTs = createRequire(estreePath)('typescript') as { version?: unknown };
    return typeof parserTs.version === 'string' ? parserTs.version : undefined;
  } catch {
    return undefined;
  }
}

let checked: TypeScriptVersionError | null | undefined;

/** Throws when the parser's TypeScript is not the one the rules support (looked up once per process). */
export function assertSupportedTypeScript(): void {
  if (checked === undefined) {
    const installed = parserTypeScriptVersion();
    checked = installed === undefined ? null : (typeScriptVersionProblem(installed) ?? null);
  }
  if (checked !== null) throw checked;
}
