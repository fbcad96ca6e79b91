// `slotguard check` from argv to exit code: parse, load the project, pick the files, run the rules,
// write the report. Exit 0 clean, 1 findings, 2 usage or configuration error.
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Project } from 'ts-morph';
import { parseCommandLine, usage, type CheckOptions } from './args.js';
import { AnalysisCrash, checkFiles, type CheckRule } from './check.js';
import { selectFiles } from './file-selection.js';
import { formatReport } from './formatters/index.js';
import { createProgress, type ProgressStream } from './progress.js';
import { loadProject } from './project.js';
import { countFindings, type CheckReport } from './report.js';
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

function check(options: CheckOptions, env: RunEnvironment): number {
  const project = loadProject(options.project, env.cwd);
  const files = selectFiles(project, options.patterns, env.cwd);
  const rules = (env.loadRules ?? loadCheckRules)(project, options);
  const progress = createProgress(files.length, env.stderr, env.progressMinimumFiles);
  let report: CheckReport;
  try {
    report = {
      cwd: env.cwd,
      files: checkFiles(files, rules, progress),
      rules: rules.map(({ id, description, helpUri, severity }) => ({ id, description, helpUri, severity })),
      toolVersion: toolVersion(),
    };
  } finally {
    progress.done();
  }
  const text = formatReport(report, options.format, { color: env.color === true && options.outputFile === undefined });
  if (options.outputFile === undefined) env.stdout.write(text);
  else writeFileSync(resolve(env.cwd, options.outputFile), text);
  if (options.explain) writeExplanations(project, files, options, env.stderr, env.cwd);
  writeUnresolvedTypes(project, options, env.stderr);
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
