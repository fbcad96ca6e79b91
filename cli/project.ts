// Loads the TypeScript projects that `slotguard check` analyses (the tsconfig and the projects its
// `references` name), turning every way a tsconfig can be wrong (missing, a folder without one,
// broken JSON, bad options, a reference to nothing, no input files) into a UsageError that names
// the file and says what to do.
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Project, ts } from 'ts-morph';
import { UsageError } from './usage-error.js';

function shown(path: string, cwd: string): string {
  const rel = relative(cwd, path);
  return rel === '' || rel.startsWith('..') ? path : rel;
}

/** `--project` may name the file or, like `tsc -p`, the folder that holds tsconfig.json. */
export function resolveTsconfigPath(given: string, cwd: string): string {
  const path = resolve(cwd, given);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (stats?.isDirectory() === true) {
    const inside = join(path, 'tsconfig.json');
    if (!existsSync(inside)) {
      throw new UsageError(
        `The folder "${shown(path, cwd)}" has no tsconfig.json. Pass the config file itself: --project path/to/tsconfig.json.`,
      );
    }
    return inside;
  }
  if (stats === undefined) {
    throw new UsageError(
      `Cannot find the TypeScript project "${shown(path, cwd)}". Run slotguard from the folder that holds tsconfig.json, or pass it: --project path/to/tsconfig.json.`,
    );
  }
  return path;
}

function describeDiagnostic(diagnostic: ts.Diagnostic, cwd: string): string {
  const text = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  if (diagnostic.file === undefined || diagnostic.start === undefined) return text;
  const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
  return `${shown(diagnostic.file.fileName, cwd)}:${line + 1}:${character + 1}: ${text}`;
}

/** Reads and checks the config with the compiler's own parser before ts-morph builds the program. */
function parseTsconfig(tsconfigPath: string, cwd: string): ts.ParsedCommandLine {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) {
    throw new UsageError(
      `The TypeScript project "${shown(tsconfigPath, cwd)}" cannot be read: ${describeDiagnostic(read.error, cwd)}\nFix the file (it must be valid JSON with comments), or pass another one with --project.`,
    );
  }
  // Parsed from the source text (not the plain object) so that option errors carry their position.
  const configSource = ts.readJsonConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonSourceFileConfigFileContent(configSource, ts.sys, resolve(tsconfigPath, '..'), undefined, tsconfigPath);
  // "No inputs were found" is judged over the project and its references together (loadProjects).
  const errors = parsed.errors.filter((diagnostic) => diagnostic.code !== 18003);
  if (errors.length > 0) {
    const details = errors.map((diagnostic) => `  ${describeDiagnostic(diagnostic, cwd)}`).join('\n');
    throw new UsageError(`The TypeScript project "${shown(tsconfigPath, cwd)}" has configuration errors:\n${details}\nFix them (tsc reports the same), then run slotguard again.`);
  }
  return parsed;
}

/**
 * The config's projects: its own (when it has files) and, as `tsc -b` builds them, those its
 * `references` name, transitively. A solution-style tsconfig (`"files": []` with references, as
 * Vite's templates have) is only its references.
 */
function projectConfigs(tsconfigPath: string, cwd: string, seen: Set<string>): string[] {
  if (seen.has(tsconfigPath)) return [];
  seen.add(tsconfigPath);
  const parsed = parseTsconfig(tsconfigPath, cwd);
  const own = parsed.fileNames.length > 0 ? [tsconfigPath] : [];
  const referenced = (parsed.projectReferences ?? []).flatMap((reference) => {
    const path = ts.resolveProjectReferencePath(reference);
    if (!existsSync(path)) {
      throw new UsageError(
        `The TypeScript project "${shown(tsconfigPath, cwd)}" references "${shown(reference.path, cwd)}", which has no tsconfig. Fix the "references" entry, or pass the project that holds your sources with --project.`,
      );
    }
    return projectConfigs(path, cwd, seen);
  });
  return [...own, ...referenced];
}

/** The projects `slotguard check` analyses, one ts-morph Project per tsconfig with files. */
export function loadProjects(givenPath: string, cwd: string): Project[] {
  const tsconfigPath = resolveTsconfigPath(givenPath, cwd);
  const seen = new Set<string>();
  const configs = projectConfigs(tsconfigPath, cwd, seen);
  if (configs.length === 0) {
    const references = seen.size > 1 ? ', and neither do the projects it references' : '';
    throw new UsageError(
      `The TypeScript project "${shown(tsconfigPath, cwd)}" includes no TypeScript files${references}. Check its "include"/"files"${references === '' ? '' : ' and "references"'}, or pass the project that holds your sources with --project.`,
    );
  }
  // Only the configs' own files are checked; the files they import are still in each program.
  return configs.map((path) => new Project({ tsConfigFilePath: path, skipFileDependencyResolution: true }));
}
