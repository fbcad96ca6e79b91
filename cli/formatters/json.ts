// ESLint's JSON result shape (an array of files with `messages`, `errorCount`, `warningCount`),
// so that tools that read `eslint --format json` read `slotguard check --format json` too.
import { countFindings, type CheckReport } from '../report.js';

export function formatJson(report: CheckReport): string {
  const files = report.files.map((file) => {
    const { errorCount, warningCount } = countFindings([file]);
    return {
      filePath: file.filePath,
      messages: file.messages.map((message) => ({
        ruleId: message.ruleId,
        // ESLint's numeric severities: 1 warning, 2 error.
        severity: message.severity === 'error' ? 2 : 1,
        message: message.message,
        line: message.line,
        column: message.column,
        endLine: message.endLine,
        endColumn: message.endColumn,
        suggestions: message.suggestions,
      })),
      errorCount,
      warningCount,
    };
  });
  return `${JSON.stringify(files, null, 2)}\n`;
}
