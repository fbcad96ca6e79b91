// The parser of slotguard's configs: typescript-eslint's, with one difference for the root config
// files that `allowDefaultProject` names (`*.config.ts`…). typescript-eslint refuses a file that
// matches allowDefaultProject and is also in a tsconfig ("was included by allowDefaultProject but
// also was found in the project service"), which would break every project whose tsconfig includes
// its vite.config.ts. Such a file has a project: it is parsed again as a project file, with the
// globs matched from the file system root, where no root-level glob matches it.
import { parse as parsePath } from 'node:path';
import * as parser from '@typescript-eslint/parser';

type ParserOptions = NonNullable<Parameters<typeof parser.parseForESLint>[1]>;

const inTsconfigToo = 'was included by allowDefaultProject but also was found in the project service';

export function parseForESLint(code: string, options?: ParserOptions | null): ReturnType<typeof parser.parseForESLint> {
  try {
    return parser.parseForESLint(code, options);
  } catch (error) {
    const filePath = options?.filePath;
    if (!(error instanceof Error) || !error.message.includes(inTsconfigToo) || typeof filePath !== 'string') throw error;
    return parser.parseForESLint(code, { ...options, tsconfigRootDir: parsePath(filePath).root || '/' });
  }
}

export const meta = { name: 'slotguard/config-files-parser', version: '0.1.0' };
