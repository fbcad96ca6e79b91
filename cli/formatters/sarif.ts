// SARIF 2.1.0, the format GitHub code scanning uploads: one run whose driver lists the rules with
// their help URIs, and one result per finding with a region. Paths are relative to the checked
// directory (uriBaseId %SRCROOT%) so that code scanning maps them onto the repository.
import { relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CheckReport, FileReport, ReportedMessage, RuleDescription, Severity } from '../report.js';

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

function location(file: FileReport, message: ReportedMessage, cwd: string): object {
  return {
    physicalLocation: {
      artifactLocation: artifactLocation(file.filePath, cwd),
      region: {
        startLine: message.line,
        startColumn: message.column,
        ...(message.endLine === undefined ? {} : { endLine: message.endLine, endColumn: message.endColumn }),
      },
    },
  };
}

export function formatSarif(report: CheckReport): string {
  const ruleIndex = new Map(report.rules.map((rule, index) => [rule.id, index]));
  const findings = report.files.flatMap((file) => file.messages.filter((message) => message.ruleId !== null).map((message) => ({ file, message, ruleId: message.ruleId ?? '' })));
  const results = findings.map(({ file, message, ruleId }) => ({
    ruleId,
    ...(ruleIndex.has(ruleId) ? { ruleIndex: ruleIndex.get(ruleId) } : {}),
    level: level(message.severity),
    message: { text: message.message },
    locations: [location(file, message, report.cwd)],
  }));
  // A file that does not parse was not analysed: a tool execution error of this run (as ESLint's
  // SARIF formatter reports fatal messages), which code scanning shows with the run's status.
  const parsingErrors = report.files.flatMap((file) =>
    file.messages
      .filter((message) => message.fatal === true)
      .map((message) => ({
        level: 'error',
        message: { text: message.message },
        locations: [location(file, message, report.cwd)],
        descriptor: { id: 'parsing-error' },
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
        invocations: [{ executionSuccessful: parsingErrors.length === 0, toolExecutionNotifications: parsingErrors }],
        results,
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
