// What `slotguard check` found, in the shape every formatter reads: ESLint's vocabulary (1-based
// lines and columns, end column exclusive, severities "error"/"warning") so that the stylish and
// JSON outputs read like ESLint's and SARIF regions map one to one.

export type Severity = 'error' | 'warning';

export interface ReportedSuggestion {
  /** The suggestion's text, as the editor would show it. */
  desc: string;
}

export interface ReportedMessage {
  /** Full rule id, with the plugin prefix: `slotguard/no-dropped-connected-emitter`. */
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  suggestions: ReportedSuggestion[];
}

export interface FileReport {
  /** Absolute path. */
  filePath: string;
  messages: ReportedMessage[];
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
  warningCount: number;
}

export function countFindings(files: readonly FileReport[]): ReportCounts {
  let errorCount = 0;
  let warningCount = 0;
  for (const file of files) {
    for (const message of file.messages) {
      if (message.severity === 'error') errorCount++;
      else warningCount++;
    }
  }
  return { errorCount, warningCount };
}
