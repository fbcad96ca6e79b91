// The analysis core's layers import downward only: any import cycle inside rules/analysis/ fails
// this test (type-only imports included: a cycle of types is a cycle of ideas).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, it } from 'node:test';

const root = join(import.meta.dirname, '..', '..', '..', 'rules', 'analysis');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** Relative module specifiers of `import … from` / `export … from` / `import('…')` in a file's text. */
export function relativeImports(text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/(?:^|\n)\s*(?:import|export)\s[^;]*?from\s+['"](\.[^'"]+)['"]/g)) found.push(match[1]!);
  for (const match of text.matchAll(/import\(\s*['"](\.[^'"]+)['"]\s*\)/g)) found.push(match[1]!);
  return found;
}

/** The first import cycle of a graph (file → imported files), as a path, or undefined. */
export function findCycle(graph: ReadonlyMap<string, readonly string[]>): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | undefined => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (state.get(next) === undefined) {
        const cycle = visit(next);
        if (cycle !== undefined) return cycle;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return undefined;
  };
  for (const node of graph.keys()) {
    if (state.get(node) !== undefined) continue;
    const cycle = visit(node);
    if (cycle !== undefined) return cycle;
  }
  return undefined;
}

describe('rules/analysis imports', () => {
  it('the detector finds a cycle and accepts a tree', () => {
    assert.deepEqual(findCycle(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]])), ['a', 'b', 'c', 'a']);
    assert.equal(findCycle(new Map([['a', ['b', 'c']], ['b', ['c']], ['c', []]])), undefined);
    assert.deepEqual(relativeImports(`import type { A } from './a.js';\nexport { b } from '../b.js';\nimport x from 'pkg';`), ['./a.js', '../b.js']);
  });

  it('has no import cycle', () => {
    const files = sourceFiles(root);
    assert.ok(files.length > 10, `expected the analysis sources under ${root}`);
    const graph = new Map<string, string[]>();
    for (const file of files) {
      const imports = relativeImports(readFileSync(file, 'utf8')).map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
      graph.set(file, imports.filter((target) => target.startsWith(root)));
    }
    const cycle = findCycle(graph);
    assert.equal(cycle, undefined, `import cycle: ${cycle?.map((file) => relative(root, file)).join(' → ')}`);
  });
});
