// What `slotguard check` found, in the shape every formatter reads: ESLint's vocabulary (1-based
// lines and columns, end column exclusive, severities "error"/"warning") so that the stylish and
// JSON outputs read like ESLint's and SARIF regions map one to one.

export type Severity = 'error' | 'warning';

/** ESLint's fix: replace `range` (file offsets) with `text`. */
export interface ReportedFix {
  range: [number, number];
  text: string;
}

export interface ReportedSuggestion {
  messageId: string;
  data: Readonly<Record<string, string>>;
  fix: ReportedFix;
  /** The suggestion's text, as the editor would show it. */
  desc: string;
}

export interface ReportedMessage {
  /** Full rule id, with the plugin prefix: `slotguard/no-dropped-connected-emitter`; null for a file that does not parse. */
  ruleId: string | null;
  /** A file that does not parse, as ESLint's "Parsing error": no rule ran on it. */
  fatal?: true;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  messageId?: string;
  endLine?: number;
  endColumn?: number;
  suggestions?: ReportedSuggestion[];
}

/** A message silenced by an `eslint-disable…` comment, listed as ESLint lists it. */
export interface SuppressedMessage extends ReportedMessage {
  suppressions: { kind: 'directive'; justification: string }[];
}

export interface FileReport {
  /** Absolute path. */
  filePath: string;
  messages: ReportedMessage[];
  /** The messages `eslint-disable…` comments silenced; none when absent. */
  suppressedMessages?: SuppressedMessage[];
  /** The file's text, given when it has messages (as ESLint's results carry it). */
  source?: string;
}

export interface RuleDescription {
  /** Full rule id, with the plugin prefix. */
  id: string;
  description: string;
  helpUri: string | undefined;
  severity: Severity;
}

export interface CheckReport {
  /** The directory paths are shown relative to. */
  cwd: string;
  /** Every file checked, with or without findings, in a stable order. */
  files: FileReport[];
  /** The rules that ran. */
  rules: RuleDescription[];
  toolVersion: string;
}

export interface ReportCounts {
  errorCount: number;
  /** Files that did not parse (each one error too). */
  fatalErrorCount: number;
  warningCount: number;
}

export function countFindings(files: readonly FileReport[]): ReportCounts {
  let errorCount = 0;
  let fatalErrorCount = 0;
  let warningCount = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.severity === 'error') errorCount++;
      else warningCount++;
      if (message.fatal === true) fatalErrorCount++;
    }
  }
  return { errorCount, fatalErrorCount, warningCount };
}
