// SARIF 2.1.0, the format GitHub code scanning uploads: one run whose driver lists the rules with
// their help URIs, and one result per finding with a region. Paths are relative to the checked
// directory (uriBaseId %SRCROOT%) so that code scanning maps them onto the repository.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckReport, RuleDescription, Severity } from '../report.js';

const schemaUri = 'https://json.schemastore.org/sarif-2.1.0.json';
const informationUri = 'https://www.npmjs.com/package/slotguard';

function level(severity: Severity): 'error' | 'warning' {
  return severity;
}

/** A relative URI for files under `cwd`, an absolute file URI otherwise. */
function artifactLocation(filePath: string, cwd: string): { uri: string; uriBaseId?: string } {
  const path = relative(cwd, filePath);
  if (path.startsWith('..') || path === '') return { uri: pathToFileURL(filePath).href };
  return { uri: path.split(sep).map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}

function ruleDescriptor(rule: RuleDescription): object {
  const help = rule.helpUri === undefined ? rule.description : `${rule.description} See ${rule.helpUri}`;
  return {
    id: rule.id,
    name: rule.id.replace(/^.*\//, ''),
    shortDescription: { text: rule.description },
    fullDescription: { text: rule.description },
    ...(rule.helpUri === undefined ? {} : { helpUri: rule.helpUri }),
    help: { text: help },
    defaultConfiguration: { level: level(rule.severity) },
    properties: { tags: ['memory-leak', 'maintainability'], precision: 'high', 'problem.severity': rule.severity },
  };
}

export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const results = report.files.flatMap((file) =>
    file.messages.map((message) => ({
      ruleId: message.ruleId,
      ...(ruleIndex.has(message.ruleId) ? { ruleIndex: ruleIndex.get(message.ruleId) } : {}),
      level: level(message.severity),
      message: { text: message.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(file.filePath, report.cwd),
            region: {
              startLine: message.line,
              startColumn: message.column,
              endLine: message.endLine,
              endColumn: message.endColumn,
            },
          },
        },
      ],
    })),
  );
  const log = {
    $schema: schemaUri,
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'slotguard',
            version: report.toolVersion,
            semanticVersion: report.toolVersion,
            informationUri,
            rules: report.rules.map(ruleDescriptor),
          },
        },
        originalUriBaseIds: {
          // A directory URI must end with a slash for relative URIs to resolve against it.
          '%SRCROOT%': { uri: pathToFileURL(report.cwd + sep).href },
        },
        columnKind: 'utf16CodeUnits',
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
