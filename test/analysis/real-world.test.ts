// Never crash on valid TypeScript: the rule (through ESLint, strict) and the core (through a
// ts-morph Project) over this project's own sources and the TypeScript sources that ajv ships in
// node_modules, with the same findings from both front doors.
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import parser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { Project } from 'ts-morph';
import ts from 'typescript';
import plugin from '../../rules/index.js';
import { createAnalysisContext, findDroppedEmitters } from '../../rules/analysis/index.js';
import { ajvSources, asMorphOptions, packageRoot as root, realWorldCompilerOptions, typeScriptFilesUnder } from './real-world-sources.js';

const ownSources = ['src', 'rules', 'test', 'bench', 'cli'].flatMap((dir) =>
  typeScriptFilesUnder(join(root, dir), (path) => path.includes(`${join('test', 'fixtures')}`) && !path.includes(join('fixtures', 'project'))),
);
const vendored = ajvSources();

const compilerOptions: ts.CompilerOptions = {
  ...realWorldCompilerOptions,
  paths: { slotguard: [join(root, 'test', 'fixtures', 'project', 'stub', 'slotguard.ts')] },
};

interface Located {
  file: string;
  start: number;
  messageId: string;
}

test('the rule and the core run over real-world TypeScript without throwing, with the same findings', () => {
  const files = [...ownSources, ...vendored];
  assert.ok(vendored.length > 50, `expected ajv's TypeScript sources in node_modules, found ${vendored.length}`);
  const program = ts.createProgram(files, compilerOptions);
  const linter = new Linter({ configType: 'flat', cwd: root });
  const config: Linter.Config[] = [
    { ignores: ['!**/node_modules/'] }, // ajv's sources live there; ESLint skips node_modules by default
    {
      files: ['**/*.ts'],
      linterOptions: { reportUnusedDisableDirectives: 'off' },
      languageOptions: { parser: parser, parserOptions: { programs: [program] } },
      plugins: { slotguard: plugin as unknown as NonNullable<Linter.Config['plugins']>[string] },
      rules: { 'slotguard/no-dropped-connected-emitter': ['error', { strict: true }] },
    },
  ];
  const fromEslint: Located[] = [];
  for (const file of files) {
    const sourceFile = program.getSourceFile(file);
    assert.ok(sourceFile !== undefined, file);
    const text = sourceFile.getFullText();
    const messages = linter.verify(text, config, { filename: file });
    const fatal = messages.filter((message) => message.fatal === true);
    assert.deepEqual(fatal, [], relative(root, file));
    for (const message of messages) {
      if (message.ruleId !== 'slotguard/no-dropped-connected-emitter') continue;
      const lineStart = sourceFile.getPositionOfLineAndCharacter(message.line - 1, 0);
      fromEslint.push({ file, start: lineStart + message.column - 1, messageId: message.messageId ?? '' });
    }
  }

  const project = new Project({ compilerOptions: asMorphOptions(compilerOptions), skipAddingFilesFromTsConfig: true });
  for (const file of files) project.addSourceFileAtPath(file);
  const context = createAnalysisContext(project, { strict: true });
  const fromCore: Located[] = [];
  for (const file of files) {
    const sourceFile = context.sourceFile(file);
    assert.ok(sourceFile !== undefined, file);
    for (const finding of findDroppedEmitters(sourceFile, context)) fromCore.push({ file, start: finding.start, messageId: finding.messageId });
  }
  // The fixture project's leaks.ts has one leak of each kind: both doors must see all of them.
  const leaks = fromEslint.filter((found) => found.file.endsWith(join('fixtures', 'project', 'leaks.ts')));
  assert.deepEqual(leaks.map((found) => found.messageId).sort(), [
    'droppedAtScopeEnd',
    'droppedByFieldOverwrite',
    'droppedByReassignment',
    'droppedFromCollection',
    'droppedOnThrow',
    'neverStored',
    'neverStored',
  ]);
  const key = (found: Located) => `${relative(root, found.file)}:${found.start}:${found.messageId}`;
  assert.deepEqual(fromCore.map(key).sort(), fromEslint.map(key).sort());
});
