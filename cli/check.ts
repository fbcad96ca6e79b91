// Runs the analysis core's rules over the selected files and turns their findings (file offsets,
// message ids) into ESLint-style messages (lines, columns, text), file by file.
import type { SourceFile } from 'ts-morph';
import { suppressionsOf } from './disable-directives.js';
import { interpolate } from './interpolate.js';
import type { Progress } from './progress.js';
import type { FileReport, ReportedMessage, Severity } from './report.js';

/** The part of the analysis core's `Finding` that the CLI reads. */
export interface CoreFinding {
  rule: string;
  messageId: string;
  data: Readonly<Record<string, string>>;
  start: number;
  end: number;
  suggestions: readonly { messageId: string; data: Readonly<Record<string, string>> }[];
}

/** A rule as the CLI runs it: the core's finder plus the metadata ESLint would read from the plugin. */
export interface CheckRule {
  /** Full rule id, with the plugin prefix. */
  id: string;
  severity: Severity;
  description: string;
  helpUri: string | undefined;
  messages: Readonly<Record<string, string>>;
  find(file: SourceFile): readonly CoreFinding[];
}

/** Wraps an unexpected failure with the file and rule, for a bug report. */
export class AnalysisCrash extends Error {
  override readonly name = 'AnalysisCrash';
}

function toMessage(file: SourceFile, rule: CheckRule, finding: CoreFinding): ReportedMessage {
  const start = file.getLineAndColumnAtPos(finding.start);
  const end = file.getLineAndColumnAtPos(Math.max(finding.end, finding.start));
  const template = rule.messages[finding.messageId] ?? finding.messageId;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    message: interpolate(template, finding.data),
    line: start.line,
    column: start.column,
    endLine: end.line,
    endColumn: end.column,
    suggestions: finding.suggestions.map((suggestion) => ({
      desc: interpolate(rule.messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data),
    })),
  };
}

/** ESLint's order: by position, and at one position in the order the config lists the rules (the sort is stable). */
function byPosition(a: ReportedMessage, b: ReportedMessage): number {
  return a.line - b.line || a.column - b.column;
}

export function checkFiles(files: readonly SourceFile[], rules: readonly CheckRule[], progress: Progress): FileReport[] {
  return files.map((file) => {
    const messages: ReportedMessage[] = [];
    for (const rule of rules) {
      let findings: readonly CoreFinding[];
      try {
        findings = rule.find(file);
      } catch (error) {
        const reason = error instanceof Error ? (error.stack ?? error.message) : String(error);
        throw new AnalysisCrash(`${rule.id} failed on ${file.getFilePath()}. This is a slotguard bug: please report it with this file.\n${reason}`, { cause: error });
      }
      for (const finding of findings) messages.push(toMessage(file, rule, finding));
    }
    progress.tick();
    const suppressed = suppressionsOf(file);
    const kept = messages.filter((message) => !suppressed(message.ruleId, message.line, message.column));
    return { filePath: file.getFilePath(), messages: kept.sort(byPosition) };
  });
}
