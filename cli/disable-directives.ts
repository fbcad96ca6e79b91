// `// eslint-disable…` comments, honoured by `slotguard check` as ESLint honours them, so that a
// finding a team silenced in the editor stays silent in CI. Forms: `eslint-disable-line` and
// `eslint-disable-next-line` (line or block comments), and `/* eslint-disable */` …
// `/* eslint-enable */` regions (block comments only, as in ESLint); each with an optional rule
// list and an optional `-- reason`.
import { ts, type SourceFile } from 'ts-morph';

type DirectiveKind = 'disable' | 'enable' | 'disable-line' | 'disable-next-line';

interface Directive {
  kind: DirectiveKind;
  /** Rule ids; undefined means every rule. */
  rules: ReadonlySet<string> | undefined;
  /** The text after ` -- `, as ESLint's `justification`; empty without one. */
  justification: string;
  /** 1-based line and column of the comment's start, and the line it ends on. */
  line: number;
  column: number;
  endLine: number;
}

/** The directive that silences a finding of `ruleId` at a 1-based position (its justification), or undefined. */
export type SuppressionCheck = (ruleId: string, line: number, column: number) => { justification: string } | undefined;

const directivePattern = /^\s*eslint-(disable-next-line|disable-line|disable|enable)(?:\s+([^]*?))?\s*$/;

function parseComment(text: string, multiLine: boolean): Pick<Directive, 'kind' | 'rules' | 'justification'> | undefined {
  const body = multiLine ? text.slice(2, -2) : text.slice(2);
  const [withoutReason = '', ...reason] = body.split(/\s--\s/);
  const match = directivePattern.exec(withoutReason);
  if (match === null) return undefined;
  const kind = match[1] as DirectiveKind;
  if (!multiLine && (kind === 'disable' || kind === 'enable')) return undefined;
  const list = (match[2] ?? '').split(',').map((rule) => rule.trim()).filter((rule) => rule !== '');
  return { kind, rules: list.length === 0 ? undefined : new Set(list), justification: reason.join(' -- ').trim() };
}

function collectDirectives(file: SourceFile): Directive[] {
  const compilerFile = file.compilerNode;
  const text = compilerFile.text;
  const seen = new Set<number>();
  const directives: Directive[] = [];
  const visitRanges = (ranges: readonly ts.CommentRange[] | undefined): void => {
    for (const range of ranges ?? []) {
      if (seen.has(range.pos)) continue;
      seen.add(range.pos);
      const parsed = parseComment(text.slice(range.pos, range.end), range.kind === ts.SyntaxKind.MultiLineCommentTrivia);
      if (parsed === undefined) continue;
      const start = compilerFile.getLineAndCharacterOfPosition(range.pos);
      const end = compilerFile.getLineAndCharacterOfPosition(range.end);
      directives.push({ ...parsed, line: start.line + 1, column: start.character + 1, endLine: end.line + 1 });
    }
  };
  const visit = (node: ts.Node): void => {
    visitRanges(ts.getLeadingCommentRanges(text, node.pos));
    visitRanges(ts.getTrailingCommentRanges(text, node.end));
    ts.forEachChild(node, visit);
  };
  visit(compilerFile);
  return directives.sort((a, b) => a.line - b.line || a.column - b.column);
}

function covers(rules: ReadonlySet<string> | undefined, ruleId: string): boolean {
  return rules === undefined || rules.has(ruleId);
}

export function suppressionsOf(file: SourceFile): SuppressionCheck {
  // Most files have no directive at all: skip the comment walk for them.
  if (!file.getFullText().includes('eslint-')) return () => undefined;
  const directives = collectDirectives(file);
  if (directives.length === 0) return () => undefined;
  return (ruleId, line, column) => {
    // The block directives in force at the position: one disabling every rule, or this one.
    let allDisabled: Directive | undefined;
    let disabled: Directive | undefined;
    let reEnabled = false;
    for (const directive of directives) {
      if (directive.kind === 'disable-line' && directive.line === line && covers(directive.rules, ruleId)) return directive;
      if (directive.kind === 'disable-next-line' && directive.endLine + 1 === line && covers(directive.rules, ruleId)) return directive;
      const before = directive.line < line || (directive.line === line && directive.column <= column);
      if (!before) continue;
      if (directive.kind === 'disable') {
        if (directive.rules === undefined) {
          allDisabled = directive;
          reEnabled = false;
        } else if (directive.rules.has(ruleId)) {
          disabled = directive;
          reEnabled = false;
        }
      } else if (directive.kind === 'enable') {
        if (directive.rules === undefined) {
          allDisabled = undefined;
          disabled = undefined;
          reEnabled = false;
        } else if (directive.rules.has(ruleId)) {
          disabled = undefined;
          reEnabled = true;
        }
      }
    }
    return disabled ?? (reEnabled ? undefined : allDisabled);
  };
}
