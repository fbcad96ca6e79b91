// Loads the TypeScript project that `slotguard check` analyses, turning every way a tsconfig can be
// wrong (missing, a folder without one, broken JSON, bad options, no input files) into a
// UsageError that names the file and says what to do.
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
function validateTsconfig(tsconfigPath: string, cwd: string): void {
  const read = ts.readConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  if (read.error !== undefined) {
    throw new UsageError(
      `The TypeScript project "${shown(tsconfigPath, cwd)}" cannot be read: ${describeDiagnostic(read.error, cwd)}\nFix the file (it must be valid JSON with comments), or pass another one with --project.`,
    );
  }
  // Parsed from the source text (not the plain object) so that option errors carry their position.
  const configSource = ts.readJsonConfigFile(tsconfigPath, (path) => ts.sys.readFile(path));
  const parsed = ts.parseJsonSourceFileConfigFileContent(configSource, ts.sys, resolve(tsconfigPath, '..'), undefined, tsconfigPath);
  const noInputs = parsed.errors.find((diagnostic) => diagnostic.code === 18003);
  if (noInputs !== undefined || parsed.fileNames.length === 0) {
    throw new UsageError(
      `The TypeScript project "${shown(tsconfigPath, cwd)}" includes no TypeScript files. Check its "include"/"files", or pass the project that holds your sources with --project.`,
    );
  }
  if (parsed.errors.length > 0) {
    const details = parsed.errors.map((diagnostic) => `  ${describeDiagnostic(diagnostic, cwd)}`).join('\n');
    throw new UsageError(`The TypeScript project "${shown(tsconfigPath, cwd)}" has configuration errors:\n${details}\nFix them (tsc reports the same), then run slotguard again.`);
  }
}

export function loadProject(givenPath: string, cwd: string): Project {
  const tsconfigPath = resolveTsconfigPath(givenPath, cwd);
  validateTsconfig(tsconfigPath, cwd);
  // Only the config's own files are checked; the files they import are still in the program.
  return new Project({ tsConfigFilePath: tsconfigPath, skipFileDependencyResolution: true });
}
