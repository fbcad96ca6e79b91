// Runs the analysis core's rules over the selected files and turns their findings (file offsets,
// message ids) into ESLint-style messages (lines, columns, text), file by file.
import { ts, type SourceFile } from 'ts-morph';
import { suppressionsOf } from './disable-directives.js';
import { interpolate } from './interpolate.js';
import type { Progress } from './progress.js';
import type { FileReport, ReportedFix, ReportedMessage, Severity, SuppressedMessage } from './report.js';

/** The part of the analysis core's `Finding` that the CLI reads. */
export interface CoreFinding {
  rule: string;
  messageId: string;
  data: Readonly<Record<string, string>>;
  start: number;
  end: number;
  suggestions: readonly { messageId: string; data: Readonly<Record<string, string>>; edits: readonly TextEdit[] }[];
}

/** Replace [start, end) of the file text with `text`. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
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

/** ESLint's merge of a fix's edits into one: the span from the first to the last, the text between kept. */
function mergeEdits(text: string, edits: readonly TextEdit[]): ReportedFix | undefined {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const [first] = sorted;
  if (first === undefined) return undefined;
  let merged = '';
  let position = first.start;
  for (const edit of sorted) {
    merged += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return { range: [first.start, position], text: merged };
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
    messageId: finding.messageId,
    endLine: end.line,
    endColumn: end.column,
    // As ESLint: a suggestion without an edit is not offered.
    suggestions: finding.suggestions.flatMap((suggestion) => {
      const fix = mergeEdits(file.getFullText(), suggestion.edits);
      if (fix === undefined) return [];
      const desc = interpolate(rule.messages[suggestion.messageId] ?? suggestion.messageId, suggestion.data);
      return [{ messageId: suggestion.messageId, data: suggestion.data, fix, desc }];
    }),
  };
}

/**
 * ESLint's "Parsing error" for a file that does not parse (typescript-eslint's parser reports the
 * compiler's first syntax error), or undefined. Such a file gets this message only, no rule runs.
 */
function parsingError(file: SourceFile): ReportedMessage | undefined {
  const [diagnostic] = file.getProject().getProgram().compilerObject.getSyntacticDiagnostics(file.compilerNode);
  if (diagnostic === undefined) return undefined;
  const { line, character } = file.compilerNode.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
  return {
    ruleId: null,
    fatal: true,
    severity: 'error',
    message: `Parsing error: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`,
    line: line + 1,
    // What ESLint prints for a parsing error: typescript-eslint's parser gives the 0-based character.
    column: character,
  };
}

/** ESLint's order: by position, and at one position in the order the config lists the rules (the sort is stable). */
function byPosition(a: ReportedMessage, b: ReportedMessage): number {
  return a.line - b.line || a.column - b.column;
}

export function checkFiles(files: readonly SourceFile[], rules: readonly CheckRule[], progress: Progress): FileReport[] {
  return files.map((file) => {
    const fatal = parsingError(file);
    if (fatal !== undefined) {
      progress.tick();
      return { filePath: file.getFilePath(), messages: [fatal], source: file.getFullText() };
    }
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
    const kept: ReportedMessage[] = [];
    const suppressedMessages: SuppressedMessage[] = [];
    for (const message of messages.sort(byPosition)) {
      const directive = message.ruleId === null ? undefined : suppressed(message.ruleId, message.line, message.column);
      if (directive === undefined) kept.push(message);
      else suppressedMessages.push({ ...message, suppressions: [{ kind: 'directive', justification: directive.justification }] });
    }
    const report: FileReport = { filePath: file.getFilePath(), messages: kept, suppressedMessages };
    if (kept.length > 0) report.source = file.getFullText();
    return report;
  });
}
