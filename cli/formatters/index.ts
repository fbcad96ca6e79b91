// The output formats of `slotguard check`, by name.
import type { CheckReport } from '../report.js';
import { formatJson } from './json.js';
import { formatSarif } from './sarif.js';
import { formatStylish } from './stylish.js';

export const formatNames = ['stylish', 'json', 'sarif'] as const;
export type FormatName = (typeof formatNames)[number];

export function isFormatName(name: string): name is FormatName {
  return (formatNames as readonly string[]).includes(name);
}

export function formatReport(report: CheckReport, format: FormatName, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, options);
    case 'json':
      return formatJson(report);
    case 'sarif':
      return formatSarif(report);
  }
}
