// Which files of the project `slotguard check` reports on: all of its own sources by default, or
// those named by files, folders and globs on the command line. A pattern that matches nothing is
// a usage error (like ESLint's "No files matching the pattern"), never a silent clean run.
import { statSync } from 'node:fs';
import { resolve, sep } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { UsageError } from './usage-error.js';

function isCheckable(file: SourceFile): boolean {
  return !file.isDeclarationFile() && !file.isInNodeModules();
}

function filesForPattern(projects: readonly Project[], pattern: string, cwd: string): SourceFile[] {
  const path = resolve(cwd, pattern);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isFile() === true) {
    const inProject = projects.map((project) => project.getSourceFile(path)).find((file) => file !== undefined);
    // A file outside every tsconfig's include still gets analysed, with the first project's options.
    return [inProject ?? (projects[0] as Project).addSourceFileAtPath(path)];
  }
  if (stats?.isDirectory() === true) {
    const prefix = (path.endsWith(sep) ? path : path + sep).split(sep).join('/');
    return projects.flatMap((project) => project.getSourceFiles().filter((file) => file.getFilePath().startsWith(prefix)));
  }
  return projects.flatMap((project) => project.getSourceFiles(path));
}

function byPath(a: SourceFile, b: SourceFile): number {
  return a.getFilePath() < b.getFilePath() ? -1 : a.getFilePath() > b.getFilePath() ? 1 : 0;
}

/**
 * The files to report on, in path order. A file in several projects (a solution's references
 * may overlap) is checked once, in the first project that has it.
 */
export function selectFiles(projects: readonly Project[], patterns: readonly string[], cwd: string): SourceFile[] {
  const selected = new Map<string, SourceFile>();
  const add = (file: SourceFile): void => {
    if (!selected.has(file.getFilePath())) selected.set(file.getFilePath(), file);
  };
  if (patterns.length === 0) {
    for (const project of projects) for (const file of project.getSourceFiles()) if (isCheckable(file)) add(file);
  }
  for (const pattern of patterns) {
    const matched = filesForPattern(projects, pattern, cwd).filter(isCheckable);
    if (matched.length === 0) {
      throw new UsageError(
        `No files of the project match "${pattern}". Check the path or glob (quote globs so the shell does not expand them), and that the files are in the tsconfig's "include".`,
      );
    }
    for (const file of matched) add(file);
  }
  return [...selected.values()].sort(byPath);
}
