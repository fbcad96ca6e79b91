// `slotguard check` from argv to exit code: parse, load the project, pick the files, run the rules,
// write the report. Exit 0 clean, 1 findings, 2 usage or configuration error.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { Project, SourceFile } from 'ts-morph';
import { parseCommandLine, usage, type CheckOptions } from './args.js';
import { AnalysisCrash, checkFiles, type CheckRule } from './check.js';
import { selectFiles } from './file-selection.js';
import { formatReport } from './formatters/index.js';
import { createProgress, type Progress, type ProgressStream } from './progress.js';
import { loadProjects } from './project.js';
import { countFindings, type CheckReport, type FileReport } from './report.js';
import { loadCheckRules, writeExplanations, writeUnresolvedTypes } from './rules.js';
import { UsageError } from './usage-error.js';

export interface OutputStream extends ProgressStream {
  isTTY?: boolean;
}

export interface RunEnvironment {
  cwd: string;
  stdout: OutputStream;
  stderr: OutputStream;
  /** Colour in the stylish output; the bin decides from the terminal and NO_COLOR/FORCE_COLOR. */
  color?: boolean;
  /** Files at which the progress line appears (on a terminal). */
  progressMinimumFiles?: number;
  /** The rules to run; the default is the plugin's rules over the analysis core. */
  loadRules?: (project: Project, options: CheckOptions) => CheckRule[];
}

export function toolVersion(): string {
  // dist/cli/run.js -> package.json at the package root.
  const manifest = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
  return manifest.version;
}

function exitCodeFor(report: CheckReport, options: CheckOptions): number {
  const { errorCount, warningCount } = countFindings(report.files);
  if (errorCount > 0) return 1;
  if (options.maxWarnings >= 0 && warningCount > options.maxWarnings) return 1;
  return 0;
}

/** The rules for each project (one analysis per program), for the files selected from it. */
function checkProjects(projects: readonly Project[], files: readonly SourceFile[], options: CheckOptions, env: RunEnvironment, progress: Progress): { files: FileReport[]; rules: CheckRule[] } {
  const loadRules = env.loadRules ?? loadCheckRules;
  const reports: FileReport[] = [];
  let rules: CheckRule[] | undefined;
  for (const project of projects) {
    const own = files.filter((file) => file.getProject() === project);
    if (own.length === 0 && rules !== undefined) continue;
    const projectRules = loadRules(project, options);
    rules ??= projectRules;
    reports.push(...checkFiles(own, projectRules, progress));
  }
  reports.sort((a, b) => (a.filePath < b.filePath ? -1 : a.filePath > b.filePath ? 1 : 0));
  return { files: reports, rules: rules ?? [] };
}

function writeReport(text: string, options: CheckOptions, env: RunEnvironment): void {
  if (options.outputFile === undefined) {
    env.stdout.write(text);
    return;
  }
  const path = resolve(env.cwd, options.outputFile);
  // As ESLint's --output-file: the folder is created when it does not exist yet.
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, text);
}

function check(options: CheckOptions, env: RunEnvironment): number {
  const projects = loadProjects(options.project, env.cwd);
  const files = selectFiles(projects, options.patterns, env.cwd);
  const progress = createProgress(files.length, env.stderr, env.progressMinimumFiles);
  let report: CheckReport;
  try {
    const checked = checkProjects(projects, files, options, env, progress);
    report = {
      cwd: env.cwd,
      files: checked.files,
      rules: checked.rules.map(({ id, description, helpUri, severity }) => ({ id, description, helpUri, severity })),
      toolVersion: toolVersion(),
    };
  } finally {
    progress.done();
  }
  writeReport(formatReport(report, options.format, { color: env.color === true && options.outputFile === undefined }), options, env);
  for (const project of projects) {
    if (options.explain) writeExplanations(project, files.filter((file) => file.getProject() === project), options, env.stderr, env.cwd);
    writeUnresolvedTypes(project, options, env.stderr);
  }
  const code = exitCodeFor(report, options);
  const { warningCount } = countFindings(report.files);
  if (code === 1 && options.maxWarnings >= 0 && warningCount > options.maxWarnings) {
    env.stderr.write(`slotguard: ${warningCount} warnings, more than --max-warnings ${options.maxWarnings}.\n`);
  }
  return code;
}

/** Runs the command line and returns the exit code; writes only to the given streams. */
export function run(argv: readonly string[], env: RunEnvironment): number {
  try {
    const command = parseCommandLine(argv);
    if (command.command === 'help') {
      env.stdout.write(`${usage}\n`);
      return 0;
    }
    if (command.command === 'version') {
      env.stdout.write(`${toolVersion()}\n`);
      return 0;
    }
    return check(command, env);
  } catch (error) {
    if (error instanceof UsageError) {
      env.stderr.write(`slotguard: ${error.message}\n`);
      return error.exitCode;
    }
    if (error instanceof AnalysisCrash) {
      env.stderr.write(`slotguard: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}
