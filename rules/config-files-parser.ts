// The parser of slotguard's configs: typescript-eslint's, with one difference for the root config
// files that `allowDefaultProject` names (`*.config.ts`…). typescript-eslint refuses a file that
// matches allowDefaultProject and is also in a tsconfig ("was included by allowDefaultProject but
// also was found in the project service"), which would break every project whose tsconfig includes
// its vite.config.ts. Such a file has a project: it is parsed again as a project file, with the
// globs matched from the file system root, where no root-level glob matches it.
import { parse as parsePath } from 'node:path';
import * as parser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';

// Typed loosely, as ESLint sees a parser: the parser's own option and result types would pull the
// compiler's types into every program that imports the plugin's declarations.
type ParseResult = ReturnType<Extract<TSESLint.Parser.LooseParserModule, { parseForESLint: unknown }>['parseForESLint']>;

const inTsconfigToo = 'was included by allowDefaultProject but also was found in the project service';

export function parseForESLint(code: string, options?: unknown): ParseResult {
  const parserOptions = (options ?? {}) as Record<string, unknown>;
  try {
    return parser.parseForESLint(code, parserOptions);
  } catch (error) {
    const filePath = parserOptions.filePath;
    if (!(error instanceof Error) || !error.message.includes(inTsconfigToo) || typeof filePath !== 'string') throw error;
    return parser.parseForESLint(code, { ...parserOptions, tsconfigRootDir: parsePath(filePath).root || '/' });
  }
}

export const meta = { name: 'slotguard/config-files-parser', version: '0.1.0' };
