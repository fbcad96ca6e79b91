// The import graph of a source folder, read from the TypeScript sources themselves: every
// `import`, `import type`, `export … from`, dynamic `import()` and `declare module` augmentation
// is an edge, so a type-only cycle counts as much as a run-time one.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Module (path relative to the folder, with `/`) → the modules of the folder it imports. */
export type ImportGraph = ReadonlyMap<string, readonly string[]>;

const specifierPattern =
  /(?:^|[\s;])(?:import|export)\s(?:type\s)?[^'"]*?\sfrom\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|(?:^|[\s;])import\s*['"]([^'"]+)['"]|declare\s+module\s+['"]([^'"]+)['"]/g;

/** The specifiers a source file imports (comments removed first, so examples in comments do not count). */
export function importSpecifiers(source: string): string[] {
  const code = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
  return [...code.matchAll(specifierPattern)].map((match) => match[1] ?? match[2] ?? match[3] ?? match[4] ?? '');
}

export function readImportGraph(folder: string): ImportGraph {
  const files = readdirSync(folder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts'))
    .map((entry) => join(entry.parentPath, entry.name));
  const key = (file: string): string => relative(folder, file).split('\\').join('/');
  const graph = new Map<string, string[]>();
  for (const file of files) {
    const targets = importSpecifiers(readFileSync(file, 'utf8'))
      .filter((specifier) => specifier.startsWith('.'))
      .map((specifier) => key(resolve(dirname(file), specifier.replace(/\.js$/, '.ts'))));
    graph.set(key(file), [...new Set(targets)]);
  }
  return graph;
}

/** Every import cycle, each as the list of modules along it (first module repeated at the end). */
export function findCycles(graph: ImportGraph): string[][] {
  const cycles: string[][] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (module: string): void => {
    state.set(module, 'open');
    path.push(module);
    for (const target of graph.get(module) ?? []) {
      const seen = state.get(target);
      if (seen === 'open') cycles.push([...path.slice(path.indexOf(target)), target]);
      else if (seen === undefined) visit(target);
    }
    path.pop();
    state.set(module, 'done');
  };
  for (const module of [...graph.keys()].sort()) if (!state.has(module)) visit(module);
  return cycles;
}

/**
 * Imports that go up: `layers` lists the layers bottom first, each a folder prefix (or a file);
 * a module may import its own layer and the ones below.
 */
export function upwardImports(graph: ImportGraph, layers: readonly string[]): string[] {
  const layerOf = (module: string): number => {
    const index = layers.findIndex((layer) => module === layer || module.startsWith(`${layer}/`));
    if (index < 0) throw new Error(`${module} belongs to no layer; add its folder to the layer list.`);
    return index;
  };
  const found: string[] = [];
  for (const [module, targets] of graph) {
    for (const target of targets) {
      if (layerOf(target) > layerOf(module)) found.push(`${module} imports ${target} (layer ${layers[layerOf(target)]} is above ${layers[layerOf(module)]})`);
    }
  }
  return found.sort();
}
