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

function filesForPattern(project: Project, pattern: string, cwd: string): SourceFile[] {
  const path = resolve(cwd, pattern);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isFile() === true) {
    // A file outside the tsconfig's include still gets analysed, with the project's options.
    return [project.getSourceFile(path) ?? project.addSourceFileAtPath(path)];
  }
  if (stats?.isDirectory() === true) {
    const prefix = path.endsWith(sep) ? path : path + sep;
    return project.getSourceFiles().filter((file) => file.getFilePath().startsWith(prefix.split(sep).join('/')));
  }
  return project.getSourceFiles(path);
}

export function selectFiles(project: Project, patterns: readonly string[], cwd: string): SourceFile[] {
  const selected = new Set<SourceFile>();
  if (patterns.length === 0) {
    for (const file of project.getSourceFiles()) if (isCheckable(file)) selected.add(file);
  }
  for (const pattern of patterns) {
    const matched = filesForPattern(project, pattern, cwd).filter(isCheckable);
    if (matched.length === 0) {
      throw new UsageError(
        `No files of the project match "${pattern}". Check the path or glob (quote globs so the shell does not expand them), and that the files are in the tsconfig's "include".`,
      );
    }
    for (const file of matched) selected.add(file);
  }
  return [...selected].sort((a, b) => (a.getFilePath() < b.getFilePath() ? -1 : a.getFilePath() > b.getFilePath() ? 1 : 0));
}
