// Never crash on valid TypeScript, and stay quiet where nothing leaks: the two ownership finders,
// with every built-in preset on, over this project's sources and the TypeScript sources that ajv
// ships in node_modules (no emitters there: any finding would be a false positive).
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { Project, ts } from 'ts-morph';
import { createAnalysisContext, findIgnoredConnections, findUnboundClosureSlots } from '../../rules/analysis/index.js';

const root = join(import.meta.dirname, '..', '..', '..');

function sourcesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { withFileTypes: true, recursive: true })
      .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
      .map((entry) => join(entry.parentPath, entry.name))
      .filter((path) => !path.includes(join('test', 'fixtures')));
  } catch {
    return []; // a folder this branch does not have yet
  }
}

test('the ownership finders run over real-world TypeScript with every preset, without throwing or false positives', () => {
  const vendored = sourcesUnder(join(root, 'node_modules', 'ajv', 'lib'));
  assert.ok(vendored.length > 50, `expected ajv's TypeScript sources in node_modules, found ${vendored.length}`);
  const own = ['src', 'rules', 'cli'].flatMap((dir) => sourcesUnder(join(root, dir)));
  const project = new Project({
    compilerOptions: {
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      lib: ['lib.es2022.d.ts', 'lib.esnext.disposable.d.ts', 'lib.dom.d.ts'],
      types: ['node'],
      strict: true,
      skipLibCheck: true,
      noEmit: true,
      resolveJsonModule: true,
    },
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
