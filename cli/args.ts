// Command-line parsing for `slotguard check`. Everything the user can get wrong here becomes a
// UsageError (exit code 2) that names the bad input and the fix.
import { parseArgs } from 'node:util';
import { closestName } from './closest-name.js';
import { formatNames, isFormatName, type FormatName } from './formatters/index.js';
import { UsageError } from './usage-error.js';

export interface CheckOptions {
  command: 'check';
  /** Path to the tsconfig.json, as given (resolved against the working directory later). */
  project: string;
  format: FormatName;
  /** Findings of severity "warning" tolerated before the exit code becomes 1; -1 means any number. */
  maxWarnings: number;
  /** Files, directories or globs to report on; empty means every file of the project. */
  patterns: string[];
  /** `settings.slotguard.presets` for the analysis; empty means the default (`slotguard`). */
  presets: string[];
  /** The rules of `slotguard.configs.strict` instead of `recommended`. */
  strict: boolean;
  /** Write the report to this file instead of stdout. */
  outputFile: string | undefined;
  /** Also list, on stderr, where the analysis could not judge (why a rule stayed silent). */
  explain: boolean;
}

export type ParsedCommand = CheckOptions | { command: 'help' } | { command: 'version' };

export const usage = `Usage: slotguard check [options] [files, directories or globs...]

Runs slotguard's leak rules over a TypeScript project, without an ESLint configuration.

Options:
  -p, --project <tsconfig>   the project to analyse (default: tsconfig.json)
  -f, --format <name>        ${formatNames.join(' | ')} (default: stylish)
      --max-warnings <n>     warnings tolerated before exiting with 1 (default: 0; -1 = any number)
      --preset <name>        emitter model, repeatable: slotguard, node-events, dom, gobject
      --strict               use the rules of slotguard.configs.strict
      --explain              list on stderr where the analysis could not judge, and why
  -o, --output-file <path>   write the report to a file instead of stdout
  -h, --help                 show this help
  -v, --version              show the version

Exit codes: 0 no findings, 1 findings, 2 usage or configuration error.`;

function parseMaxWarnings(text: string): number {
  if (!/^-?\d+$/.test(text) || Number(text) < -1) {
    throw new UsageError(`--max-warnings expects a whole number of at least -1, got "${text}". Example: --max-warnings 10`);
  }
  return Number(text);
}

function parseFormat(text: string): FormatName {
  if (!isFormatName(text)) {
    throw new UsageError(`Unknown format "${text}". Use one of: ${formatNames.join(', ')}.`);
  }
  return text;
}

/** node:util refuses `--max-warnings -1` as ambiguous; ESLint accepts it, so join the pair. */
function joinNegativeNumbers(argv: readonly string[]): string[] {
  const joined: string[] = [];
  for (let index = 0; index < argv.length; index++) {
    const arg = argv[index] ?? '';
    const next = argv[index + 1];
    if (arg === '--max-warnings' && next !== undefined && /^-\d+$/.test(next)) {
      joined.push(`${arg}=${next}`);
      index++;
    } else {
      joined.push(arg);
    }
  }
  return joined;
}

const options = {
  project: { type: 'string', short: 'p' },
  format: { type: 'string', short: 'f' },
  'max-warnings': { type: 'string' },
  preset: { type: 'string', multiple: true },
  strict: { type: 'boolean' },
  explain: { type: 'boolean' },
  'output-file': { type: 'string', short: 'o' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** `unknown option --fromat (did you mean --format?)`, for the option node:util refused. */
function unknownOption(argv: readonly string[], error: Error): UsageError | undefined {
  if ((error as { code?: unknown }).code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return undefined;
  // node:util quotes the option as written: "Unknown option '--fromat'".
  const given = /'([^']+)'/.exec(error.message)?.[1] ?? argv.find((arg) => arg.startsWith('-')) ?? '';
  const name = given.replace(/^-+/, '').replace(/=.*$/, '');
  const long = given.startsWith('--') ? closestName(name, Object.keys(options)) : undefined;
  const hint = long === undefined ? '' : ` (did you mean --${long}?)`;
  return new UsageError(`unknown option ${given}${hint}. Run "slotguard --help" for the options.`);
}

/** Parses `argv` (without the node and script paths). Throws UsageError on bad input. */
export function parseCommandLine(argv: readonly string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: joinNegativeNumbers(argv), allowPositionals: true, strict: true, options });
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    // node:util's other messages name the option ("Option '-p, --project <value>' argument missing"); add what to do.
    throw unknownOption(argv, error) ?? new UsageError(`${error.message}\nRun "slotguard --help" for the options.`);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { command: 'help' };
  if (values.version === true) return { command: 'version' };
  const [command, ...patterns] = positionals;
  if (command === undefined) {
    throw new UsageError('Missing command. Run "slotguard check" to analyse the project in the current directory.');
  }
  if (command !== 'check') {
    throw new UsageError(`Unknown command "${command}". The only command is "check", e.g. "slotguard check --project tsconfig.json".`);
  }
  return {
    command: 'check',
    project: values.project ?? 'tsconfig.json',
    format: parseFormat(values.format ?? 'stylish'),
    maxWarnings: values['max-warnings'] === undefined ? 0 : parseMaxWarnings(values['max-warnings']),
    patterns,
    presets: values.preset ?? [],
    strict: values.strict === true,
    outputFile: values['output-file'],
    explain: values.explain === true,
  };
}
