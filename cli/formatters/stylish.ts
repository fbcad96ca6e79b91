// ESLint's "stylish" layout: one block per file with findings, `line:column  severity  message
// rule`, then a summary line. Colour only when the caller says the stream is a terminal.
import { styleText } from 'node:util';
import { countFindings, type CheckReport } from '../report.js';

type Style = Parameters<typeof styleText>[0];

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

export function formatStylish(report: CheckReport, options: { color?: boolean } = {}): string {
  const paint = (style: Style, text: string): string => (options.color === true ? styleText(style, text) : text);
  const blocks: string[] = [];
  for (const file of report.files) {
    if (file.messages.length === 0) continue;
    const rows = file.messages.map((message) => ({
      position: `${message.line}:${message.column}`,
      severity: message.severity,
      // As ESLint's stylish: one line per message, without its final period.
      text: message.message.replace(/\s*\n\s*/g, ' ').replace(/([^ ])\.$/, '$1'),
      ruleId: message.ruleId,
    }));
    const positionWidth = Math.max(...rows.map((row) => row.position.length));
    const severityWidth = Math.max(...rows.map((row) => row.severity.length));
    const lines = rows.map(
      (row) =>
        `  ${paint('dim', row.position.padEnd(positionWidth))}  ` +
        `${paint(row.severity === 'error' ? 'red' : 'yellow', row.severity.padEnd(severityWidth))}  ` +
        // A parsing error has no rule: ESLint prints nothing after its text.
        (row.ruleId === null ? row.text : `${row.text}  ${paint('dim', row.ruleId)}`),
    );
    blocks.push(`${paint('underline', file.filePath)}\n${lines.join('\n')}`);
  }
  const { errorCount, warningCount } = countFindings(report.files);
  const total = errorCount + warningCount;
  if (total === 0) return '';
  const summary = `\u2716 ${plural(total, 'problem')} (${plural(errorCount, 'error')}, ${plural(warningCount, 'warning')})`;
  return `\n${blocks.join('\n\n')}\n\n${paint(['red', 'bold'], summary)}\n`;
}
