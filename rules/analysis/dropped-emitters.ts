// The `no-dropped-connected-emitter` analysis of one file: the flow walk of every function, then
// the drops through fields of `this`, turned into Findings (messages, data, suggestions).
import { Node, ts, type SourceFile, type Type } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import { analyseFile, unitsOf, type Drop, type FieldFact } from './emitter-flow.js';
import { findFieldDrops, type FieldDrop } from './field-drops.js';
import { connectingScopes } from './relevance.js';
import { findRearmingTimers, rearmMessageId } from './rearming-timers.js';
import { findUnclearedTimers, unclearedMessageId } from './uncleared-timers.js';
import { persistentHolders, type PersistentHolders } from './holders.js';
import { removalAdvice } from './removal-advice.js';
import { writtenTypeText } from './type-display.js';
import type { Finding, FindingSuggestion } from './finding.js';
import { typeOfExpression } from './type-queries.js';

export const droppedEmitterRule = 'no-dropped-connected-emitter';

/** Message ids of the rule; the texts live with the rule (`rules/no-dropped-connected-emitter.ts`). */
export type DroppedEmitterMessageId =
  | 'droppedAtScopeEnd'
  | 'droppedByReassignment'
  | 'droppedByFieldOverwrite'
  | 'droppedFromCollection'
  | 'neverStored'
  | 'droppedOnThrow'
  | 'idDropped'
  | 'idNeverStored'
  | typeof rearmMessageId
  | typeof unclearedMessageId
  | 'suggestDispose'
  | 'suggestUsing';

function quoteSignals(signals: readonly string[]): string {
  return signals.length === 0 ? 'its signals' : signals.map((signal) => `'${signal}'`).join(', ');
}

function typeName(type: Type | undefined, at: Node, written = writtenTypeText(at)): string {
  if (written !== undefined) return written;
  if (type === undefined) return 'emitter';
  const nonNull = type.getNonNullableType();
  try {
    return nonNull.getText(at);
  } catch {
    return nonNull.getText();
  }
}

function lineIndent(file: SourceFile, position: number): string {
  const text = file.getFullText();
  const lineStart = text.lastIndexOf('\n', position - 1) + 1;
  return /^[ \t]*/.exec(text.slice(lineStart))?.[0] ?? '';
}

function mayBeNullish(type: Type | undefined): boolean {
  if (type === undefined) return true;
  return type.isNullable() || type.isAny() || type.isUnknown();
}

function hasSymbolDispose(type: Type | undefined): boolean {
  if (type === undefined) return false;
  return type
    .getNonNullableType()
    .getProperties()
    .some((property) => property.getName().startsWith('__@dispose'));
}

/** The method that releases this emitter, for messages: `dispose`, or a preset resource's own (`close`, `terminate`…). */
const RELEASE_METHODS = ['dispose', 'close', 'terminate', 'destroy', 'stop', 'kill', 'removeAllListeners', 'disconnect'];
function releaseMethod(type: Type | undefined): string {
  const nonNullable = type?.getNonNullableType();
  return RELEASE_METHODS.find((method) => nonNullable?.getProperty(method) !== undefined) ?? 'dispose';
}

/** A collection's element type (`Row[]`, `Set<Row>`, `Map<K, Row>`), or the type itself. */
function elementOrSelf(type: Type | undefined): Type | undefined {
  const nonNullable = type?.getNonNullableType();
  if (nonNullable === undefined) return undefined;
  return nonNullable.getArrayElementType() ?? nonNullable.getTypeArguments().at(-1) ?? nonNullable;
}

function disposeCall(name: string, nullable: boolean): string {
  return `${name}${nullable ? '?.' : '.'}dispose();`;
}

function dropSuggestions(file: SourceFile, drop: Drop, name: string, type: Type | undefined): FindingSuggestion[] {
  // Preset emitters (a Worker, a WebSocket) end with close()/terminate(), not dispose(): no suggestion there.
  if (drop.variable === undefined || drop.variable.collection === true || drop.safeToDispose !== true || type?.getNonNullableType().getProperty('dispose') === undefined) return [];
  const suggestions: FindingSuggestion[] = [];
  const declaredType = typeOfExpression(drop.variable.declaration);
  const call = disposeCall(name, mayBeNullish(declaredType));
  if (drop.kind === 'reassigned') {
    const statement = drop.node.getParent();
    if (statement !== undefined && Node.isExpressionStatement(statement)) {
      const start = statement.getStart();
      suggestions.push({ messageId: 'suggestDispose', data: { name, where: 'before the reassignment' }, edits: [{ start, end: start, text: `${call}\n${lineIndent(file, start)}` }] });
    }
  }
  if (drop.kind === 'scope-end' && drop.endOfBlock !== undefined && Node.isBlock(drop.endOfBlock)) {
    const last = drop.endOfBlock.getStatements().at(-1);
    if (last !== undefined && !Node.isReturnStatement(last)) {
      const indent = lineIndent(file, last.getStart());
      suggestions.push({ messageId: 'suggestDispose', data: { name, where: 'at the end of its block' }, edits: [{ start: last.getEnd(), end: last.getEnd(), text: `\n${indent}${call}` }] });
    }
  }
  if (drop.kind === 'scope-end' || drop.kind === 'throw') {
    const list = drop.variable.declaration.getParent();
    const statement = list?.getParent();
    if (
      list !== undefined &&
      Node.isVariableDeclarationList(list) &&
      list.getDeclarations().length === 1 &&
      statement !== undefined &&
      Node.isVariableStatement(statement) &&
      Node.isBlock(statement.getParent()) &&
      list.getFlags() & 2 /* NodeFlags.Const */ &&
      hasSymbolDispose(type)
    ) {
      const keyword = list.getFirstChild();
      if (keyword !== undefined && keyword.getText() === 'const') {
        suggestions.push({ messageId: 'suggestUsing', data: { name }, edits: [{ start: keyword.getStart(), end: keyword.getEnd(), text: 'using' }] });
      }
    }
  }
  return suggestions;
}

/** A field overwrite the heap found (a private field's previous value, still connected). */
function heapFieldFinding(file: SourceFile, drop: Drop): Finding {
  const field = drop.field!;
  const statement = drop.node.getParent();
  return fieldFinding(file, {
    kind: 'field-overwrite',
    field: field.name,
    node: drop.node,
    access: field.access,
    signals: drop.signals,
    ...(statement !== undefined && Node.isExpressionStatement(statement) ? { statement } : {}),
  });
}

const dropMessage: Record<Exclude<Drop['kind'], 'field-overwrite'>, DroppedEmitterMessageId> = {
  'scope-end': 'droppedAtScopeEnd',
  reassigned: 'droppedByReassignment',
  'never-stored': 'neverStored',
  throw: 'droppedOnThrow',
};

/** The function that ends this creation's resource (`clearInterval`), when a model names one. */
function releaseCallOf(context: AnalysisContext, creation: Node): string | undefined {
  for (const model of context.models) {
    const call = model.releaseCall?.(creation);
    if (call !== undefined) return call;
  }
  return undefined;
}

/** A resource ended by a function of its id (a repeating timer): its own messages, no suggestion. */
function releasedByCallFinding(drop: Drop, release: string): Finding {
  const neverStored = drop.kind === 'never-stored';
  const name = drop.field !== undefined ? `this.${drop.field.name}` : (drop.variable?.name ?? drop.creation.getText());
  return {
    rule: droppedEmitterRule,
    messageId: neverStored ? 'idNeverStored' : 'idDropped',
    data: { name, signals: quoteSignals(drop.signals), release },
    start: drop.node.getStart(),
    end: drop.node.getEnd(),
    suggestions: [],
  };
}

function dropFinding(file: SourceFile, drop: Drop): Finding {
  const type = typeOfExpression(drop.creation);
  const name = drop.variable?.name ?? drop.creation.getText();
  const data: Record<string, string> = { name, type: typeName(type, drop.creation), signals: quoteSignals(drop.signals), release: releaseMethod(type) };
  if (drop.exit !== undefined) data.line = String(drop.exit.getStartLineNumber());
  return {
    rule: droppedEmitterRule,
    messageId: dropMessage[drop.kind as Exclude<Drop['kind'], 'field-overwrite'>],
    data,
    start: drop.node.getStart(),
    end: drop.node.getEnd(),
    suggestions: dropSuggestions(file, drop, name, type),
  };
}

/** The operation and the release method, and for a collection, how to dispose what the operation removes. */
function collectionData(drop: FieldDrop, name: string, fieldType: Type | undefined): Record<string, string> {
  const release = releaseMethod(elementOrSelf(fieldType));
  const data = { operation: drop.node.getText().replace(/\s+/g, ' '), release };
  return drop.kind === 'collection-clear' ? { ...data, removal: removalAdvice(drop.node, name, fieldType, release) } : data;
}

function fieldFinding(file: SourceFile, drop: FieldDrop): Finding {
  const name = `this.${drop.field}`;
  const fieldType = typeOfExpression(drop.access);
  const type = typeName(fieldType, drop.node, writtenTypeText(drop.access));
  const suggestions: FindingSuggestion[] = [];
  // Preset resources end with their own method (close(), kill()): the suggestion inserts dispose() only.
  if (drop.kind === 'field-overwrite' && drop.statement !== undefined && elementOrSelf(fieldType)?.getProperty('dispose') !== undefined) {
    const start = drop.statement.getStart();
    suggestions.push({ messageId: 'suggestDispose', data: { name, where: 'before it is overwritten' }, edits: [{ start, end: start, text: `${disposeCall(name, true)}\n${lineIndent(file, start)}` }] });
  }
  return {
    rule: droppedEmitterRule,
    messageId: drop.kind === 'field-overwrite' ? 'droppedByFieldOverwrite' : 'droppedFromCollection',
    data: { name, type, signals: quoteSignals(drop.signals), ...collectionData(drop, name, fieldType) },
    start: drop.node.getStart(),
    end: drop.node.getEnd(),
    suggestions,
  };
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current !== undefined; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

/**
 * The units to analyse: those that connect, and those that mention a persistent holder another
 * unit may fill (a private field of a connecting class, a modelled module variable) — a function
 * that connects nothing can still overwrite one. A cheap text test on the unit's source.
 */
function unitFilter(file: ts.SourceFile, scopes: ReadonlySet<ts.Node>, persistent: PersistentHolders): (node: ts.Node) => boolean {
  const moduleNames = [...persistent.moduleVariables].map((declaration) => declaration.name.getText(file));
  return (node) => {
    if (scopes.has(node)) return true;
    if (ts.isSourceFile(node)) return false;
    const text = file.text.slice(node.pos, node.end);
    if (moduleNames.some((name) => text.includes(name))) return true;
    const owner = enclosingClass(node);
    const fields = owner === undefined || !scopes.has(owner) ? undefined : persistent.fields.get(owner);
    return fields !== undefined && [...fields].some((field) => text.includes(`this.${field}`));
  };
}

/**
 * Every dropped-while-connected emitter in `file`. Never throws: a function the analysis does not
 * understand is skipped.
 */
export function findDroppedEmitters(file: SourceFile, context: AnalysisContext): Finding[] {
  // A method re-arming a one-shot timer loops without any connect call: judged first, on its own.
  const findings: Finding[] = findRearmingTimers(file, context, droppedEmitterRule);
  const uncleared = findUnclearedTimers(file, context, droppedEmitterRule);
  // Syntactic gate: a function or class that calls nothing that connects cannot drop a connected emitter.
  const scopes = connectingScopes(context, file.compilerNode);
  if (scopes.size === 0) return [...findings, ...uncleared].sort((a, b) => a.start - b.start || a.end - b.end);
  const factsByClass = new Map<Node, FieldFact[]>();
  // A function that connects nothing can still overwrite a persistent holder that another one filled:
  // every function of a connecting class, and of a file with module variables the heap models.
  const persistent = persistentHolders(context, file.compilerNode);
  const units = unitsOf(context, file, unitFilter(file.compilerNode, scopes, persistent));
  const results = analyseFile(context, file, units);
  for (const [index, result] of results.entries()) {
    const unit = units[index]!;
    for (const drop of result.drops) {
      const release = releaseCallOf(context, drop.creation);
      if (release !== undefined) findings.push(releasedByCallFinding(drop, release));
      else findings.push(drop.kind === 'field-overwrite' ? heapFieldFinding(file, drop) : dropFinding(file, drop));
    }
    if (result.fieldFacts.length === 0) continue;
    const owner = unit.getFirstAncestor((ancestor) => Node.isClassDeclaration(ancestor) || Node.isClassExpression(ancestor));
    if (owner === undefined) continue;
    factsByClass.set(owner, [...(factsByClass.get(owner) ?? []), ...result.fieldFacts]);
  }
  for (const scope of scopes) {
    if (!ts.isClassLike(scope)) continue;
    const owner = context.node(scope);
    if (owner === undefined || (!Node.isClassDeclaration(owner) && !Node.isClassExpression(owner))) continue;
    try {
      for (const drop of findFieldDrops(context, owner, factsByClass.get(owner) ?? [])) findings.push(fieldFinding(file, drop));
    } catch {
      // An unknown shape in this class: skip it.
    }
  }
  // A local id the flow analysis already reports as dropped is one finding, not two.
  const droppedIds = new Set(findings.filter((finding) => finding.messageId === 'idDropped').map((finding) => finding.data.name));
  findings.push(...uncleared.filter((finding) => !droppedIds.has(finding.data.name)));
  return findings.sort((a, b) => a.start - b.start || a.end - b.end);
}

/** Where the analysis could not judge a connected emitter, and why (`slotguard check --explain`). */
export interface Unjudged {
  start: number;
  end: number;
  reason: string;
}

/**
 * The places in `file` where `no-dropped-connected-emitter` stays silent because it cannot judge
 * (an unknown callee, a shape the heap does not model): a silent miss made visible. Never throws.
 */
export function explainDroppedEmitters(file: SourceFile, context: AnalysisContext): Unjudged[] {
  const scopes = connectingScopes(context, file.compilerNode);
  if (scopes.size === 0) return [];
  try {
    const persistent = persistentHolders(context, file.compilerNode);
    const units = unitsOf(context, file, unitFilter(file.compilerNode, scopes, persistent));
    const seen = new Set<string>();
    const result: Unjudged[] = [];
    for (const found of analyseFile(context, file, units).flatMap((each) => each.unjudged)) {
      const entry = { start: found.node.getStart(), end: found.node.getEnd(), reason: found.reason };
      const key = `${entry.start}:${entry.reason}`;
      if (!seen.has(key)) result.push(entry);
      seen.add(key);
    }
    return result.sort((a, b) => a.start - b.start);
  } catch {
    return [];
  }
}
