// The runtime is layered: core (connections, slot lists, protocols) < signals < objects <
// inspection < leaks < the entry points. Imports run downward only, and there is no import
// cycle in src/ at all, type-only imports included.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { test } from 'node:test';
import { findCycles, importSpecifiers, readImportGraph, upwardImports } from './import-graph.js';

const src = join(import.meta.dirname, '..', '..', '..', 'src');
const layers = ['core', 'signals', 'objects', 'inspection', 'leaks', 'index.ts', 'testing.ts'];

test('src/ has no import cycle (type-only imports and augmentations count)', () => {
  const graph = readImportGraph(src);
  assert.ok(graph.size > 20, `read only ${graph.size} modules from ${src}`);
  assert.deepEqual(findCycles(graph).map((cycle) => cycle.join(' -> ')), []);
});

test('every module of src/ imports only its own layer and the layers below', () => {
  assert.deepEqual(upwardImports(readImportGraph(src), layers), []);
});

test('the cycle finder finds a cycle, a self-import and an upward import', () => {
  const graph = new Map([
    ['core/a.ts', ['core/b.ts']],
    ['core/b.ts', ['signals/c.ts']],
    ['signals/c.ts', ['core/a.ts']],
    ['signals/d.ts', ['signals/d.ts']],
  ]);
  assert.deepEqual(findCycles(graph), [
    ['core/a.ts', 'core/b.ts', 'signals/c.ts', 'core/a.ts'],
    ['signals/d.ts', 'signals/d.ts'],
  ]);
  assert.deepEqual(upwardImports(graph, ['core', 'signals']), ['core/b.ts imports signals/c.ts (layer signals is above core)']);
});

test('import specifiers: every form counts, comments do not', () => {
  const source = [
    "import { a } from './a.js';",
    "import type { B } from './b.js';",
    "export { c } from './c.js';",
    "export type { D } from \"./d.js\";",
    "const e = await import('./e.js');",
    "import './f.js';",
    "declare module './g.js' {}",
    "// import { h } from './h.js';",
    "/* export * from './i.js'; */",
  ].join('\n');
  assert.deepEqual(importSpecifiers(source), ['./a.js', './b.js', './c.js', './d.js', './e.js', './f.js', './g.js']);
});
