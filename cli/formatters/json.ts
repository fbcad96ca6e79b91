// ESLint's JSON result shape, key for key (`messages` with `messageId` and `suggestions` with their
// `fix`, `suppressedMessages`, the counts, `source` where ESLint gives it), printed on one line as
// ESLint's json formatter prints it, so that tools that read `eslint --format json` read
// `slotguard check --format json` too.
import { countFindings, type CheckReport, type ReportedMessage } from '../report.js';

/** One message as ESLint's JSON formatter prints it: its keys in ESLint's order, absent ones left out. */
function eslintMessage(message: ReportedMessage): object {
  return {
    ruleId: message.ruleId,
    ...(message.fatal === true ? { fatal: true } : {}),
    // ESLint's numeric severities: 1 warning, 2 error.
    severity: message.severity === 'error' ? 2 : 1,
    message: message.message,
    line: message.line,
    column: message.column,
    ...(message.messageId === undefined ? {} : { messageId: message.messageId }),
    ...(message.endLine === undefined ? {} : { endLine: message.endLine, endColumn: message.endColumn }),
    ...(message.suggestions === undefined || message.suggestions.length === 0 ? {} : { suggestions: message.suggestions }),
  };
}

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => {
    const { errorCount, fatalErrorCount, warningCount } = countFindings([file]);
    return {
      filePath: file.filePath,
      messages: file.messages.map(eslintMessage),
      suppressedMessages: (file.suppressedMessages ?? []).map((message) => ({ ...eslintMessage(message), suppressions: message.suppressions })),
      errorCount,
      fatalErrorCount,
      warningCount,
      // slotguard's rules offer suggestions, never automatic fixes.
      fixableErrorCount: 0,
      fixableWarningCount: 0,
      ...(file.source === undefined ? {} : { source: file.source }),
      usedDeprecatedRules: [],
    };
  });
  return `${JSON.stringify(files)}\n`;
}
