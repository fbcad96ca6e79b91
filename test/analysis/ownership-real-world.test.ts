// Never crash on valid TypeScript, and stay quiet where nothing leaks: the two ownership finders,
// with every built-in preset on, over this project's sources and the TypeScript sources that ajv
// ships in node_modules (no emitters there: any finding would be a false positive).
import assert from 'node:assert/strict';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Project } from 'ts-morph';
import { createAnalysisContext, findIgnoredConnections, findUnboundClosureSlots } from '../../rules/analysis/index.js';
import { ajvSources, asMorphOptions, packageRoot as root, realWorldCompilerOptions, typeScriptFilesUnder } from './real-world-sources.js';

test('the ownership finders run over real-world TypeScript with every preset, without throwing or false positives', () => {
  const vendored = ajvSources();
  assert.ok(vendored.length > 50, `expected ajv's TypeScript sources in node_modules, found ${vendored.length}`);
  const own = ['src', 'rules', 'cli'].flatMap((dir) => typeScriptFilesUnder(join(root, dir), (path) => path.includes(join('test', 'fixtures'))));
  const project = new Project({
    compilerOptions: asMorphOptions(realWorldCompilerOptions),
    skipAddingFilesFromTsConfig: true,
  });
  for (const file of [...own, ...vendored]) project.addSourceFileAtPath(file);
  const context = createAnalysisContext(project, { presets: ['slotguard', 'node-events', 'dom', 'gobject'] });
  const findings: string[] = [];
  for (const file of [...own, ...vendored]) {
    const sourceFile = context.sourceFile(file);
    assert.ok(sourceFile !== undefined, file);
    for (const finding of [...findUnboundClosureSlots(sourceFile, context), ...findIgnoredConnections(sourceFile, context)]) {
      findings.push(`${relative(root, file)}:${finding.start} ${finding.rule}`);
    }
  }
  assert.deepEqual(findings, []);
});
