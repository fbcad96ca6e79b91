// The connect calls of a file under the active emitter models, found once per file and shared by
// `no-unbound-closure-slot` and `no-ignored-connection`, with what their messages need to say.
import { Node, ts, type CallExpression, type SourceFile } from 'ts-morph';
import type { AnalysisContext } from './context.js';
import type { Finding, FindingSuggestion } from './finding.js';
import type { ConnectSite, EmitterModel } from './emitter-model.js';
import { indexFile } from './relevance.js';
import { connectSiteOf, createdByModel } from './sites.js';
import { freshConnections } from './emitter-flow.js';
import { OwnershipAnalysis, thisClassOf, type ClassLike, type Ownership } from './ownership.js';
import { writtenTypeText } from './type-display.js';
import { wrapCompilerNode } from './wrap-node.js';

/** A connect call matched by one of the active models. */
export interface MatchedConnect {
  readonly call: CallExpression;
  readonly site: ConnectSite;
  readonly model: EmitterModel;
}

/** The connect site of `call` under the active models (the core's memoized answer), if any. */
export function matchConnect(call: CallExpression, context: AnalysisContext): MatchedConnect | undefined {
  const site = connectSiteOf(context, call);
  return site?.model === undefined ? undefined : { call, site, model: site.model };
}

/**
 * A call on a line its author marks as not compiling (`// @ts-expect-error`, `// @ts-ignore`), as
 * type tests do: it shows what the API refuses, it is not code that runs.
 */
function isDeclaredWrong(call: Node): boolean {
  const statement = call.getFirstAncestor((node) => Node.isStatement(node));
  const comments = statement?.getLeadingCommentRanges() ?? [];
  return comments.some((comment) => /@ts-(?:expect-error|ignore)\b/.test(comment.getText()));
}

/**
 * `x.name(…)` calls whose method is a connect method of an active model, found on the compiler's
 * AST: only these few are wrapped as ts-morph nodes (wrapping every node of a file costs more than
 * the rest of the analysis).
 */
function candidateCalls(file: SourceFile, names: ReadonlySet<string>): CallExpression[] {
  const calls: CallExpression[] = [];
  // From the file's syntactic index (one walk shared by every pass).
  for (const { node, name } of indexFile(file.compilerNode).calls) {
    if (!(ts.isPropertyAccessExpression(node.expression) || ts.isElementAccessExpression(node.expression)) || !names.has(name)) continue;
    const wrapped = wrapCompilerNode(file, node);
    if (wrapped !== undefined && Node.isCallExpression(wrapped)) calls.push(wrapped);
  }
  return calls;
}

/** Every connect call of `file`, computed once per file and context. */
export function connectCallsIn(file: SourceFile, context: AnalysisContext): readonly MatchedConnect[] {
  const memo = context.memo<object, MatchedConnect[]>('connect-sites:calls');
  const cached = memo.get(file.compilerNode);
  if (cached !== undefined) return cached;
  const found: MatchedConnect[] = [];
  for (const call of candidateCalls(file, new Set(context.connectMethodNames))) {
    const matched = matchConnect(call, context);
    if (matched !== undefined && !isDeclaredWrong(call)) found.push(matched);
  }
  memo.set(file.compilerNode, found);
  return found;
}

/**
 * `judge` on every connect call of `file`. A call of a shape the analysis does not know (an
 * unexpected node makes it throw) is skipped: valid TypeScript never crashes the lint run.
 */
export function findAtConnects(file: SourceFile, context: AnalysisContext, judge: (match: MatchedConnect) => Finding | undefined): Finding[] {
  const findings: Finding[] = [];
  for (const match of connectCallsIn(file, context)) {
    let finding: Finding | undefined;
    try {
      finding = judge(match);
    } catch {
      finding = undefined;
    }
    if (finding !== undefined) findings.push(finding);
  }
  return findings;
}

const ownershipAnalyses = new WeakMap<AnalysisContext, OwnershipAnalysis>();

/** The ownership analysis of a context (one per program and options, so its memo tables are shared). */
export function ownershipFor(context: AnalysisContext): OwnershipAnalysis {
  let analysis = ownershipAnalyses.get(context);
  if (analysis === undefined) {
    // A call is fresh when a preset says so or the callee's summary returns a fresh emitter (`parser()`, `this.factory.open()`).
    const ancestorMembers = new Set(context.models.flatMap((model) => model.ancestorMembers ?? []));
    analysis = new OwnershipAnalysis({ isFreshCall: (call) => createdByModel(context, call) || freshConnections(context, call) !== undefined, callers: context, ancestorMembers });
    ownershipAnalyses.set(context, analysis);
  }
  return analysis;
}

/** The ownership of a connect call's emitter, once per call (both ownership rules ask it). */
export function emitterOwnership(match: MatchedConnect, context: AnalysisContext): Ownership {
  const memo = context.memo<object, Ownership>('connect-sites:emitter-ownership');
  const known = memo.get(match.call.compilerNode);
  if (known !== undefined) return known;
  const ownership = ownershipFor(context).ownershipOf(match.site.emitter);
  memo.set(match.call.compilerNode, ownership);
  return ownership;
}

/** The class's name for messages: its own, the variable holding a class expression, or `class`. */
export function classNameOf(cls: ClassLike): string {
  const parent = cls.getParent();
  return cls.getName() ?? (Node.isVariableDeclaration(parent) ? parent.getName() : 'class');
}

/** `the parameter \`model\``: where a foreign emitter comes from, for messages. */
export function originText(ownership: Ownership): string {
  return ownership.kind === 'foreign' ? ownership.origin : 'an object it does not own';
}

/** A short display of the emitter's type (`Model`, `HTMLElement`, `any`). */
export function typeText(site: ConnectSite): string {
  const written = writtenTypeText(site.emitter);
  if (written !== undefined) return written;
  try {
    const text = site.emitter.getType().getText(site.emitter);
    return text.length > 60 ? `${text.slice(0, 57)}…` : text;
  } catch {
    return 'unknown type';
  }
}

/** The signal's display name: `changed`, `'resize'`. */
export function signalText(site: ConnectSite): string {
  return site.signal.replace(/^['"`]|['"`]$/g, '');
}

/**
 * How to end a Connection where the call is: `this.track(…)` only where there is a `this` that can
 * track; a free function has no `this`, so it keeps the Connection (or an AbortSignal) instead.
 */
function connectionFixText(cls: ClassLike | undefined): string {
  if (cls === undefined) {
    return 'Keep the returned Connection and disconnect() it when the subscription is done (or connect with `{ signal }` and abort its AbortController then).';
  }
  if (!thisCanTrack(cls)) return 'Keep the returned Connection and disconnect() it when this object is done with it.';
  return 'Keep the returned Connection and disconnect() it when this object is disposed, or pass it to this.track(…).';
}

/** The model's advice on how to end a connection, with a default per handle kind. */
export function fixText(match: MatchedConnect): string {
  if (match.model.fixHint !== undefined) return match.model.fixHint;
  switch (match.site.handle) {
    case 'connection':
      return connectionFixText(thisClassOf(match.call));
    case 'disposer':
      return 'Keep the returned disposer and call it when the subscriber is done.';
    case 'id':
      return 'Keep the returned handler id and disconnect(id) it when the subscriber is done.';
    case 'none':
      return 'Remove the same listener when the subscriber is done.';
  }
}

/** Does the instance type of `cls` look like a SignalObject (it can own connections: `track`, `dispose`)? */
export function thisCanTrack(cls: ClassLike): boolean {
  try {
    // A class declaration's type is its instance type; a class expression's is its constructor's.
    const declared = cls.getType();
    const type = declared.getConstructSignatures()[0]?.getReturnType() ?? declared;
    return type.getProperty('track') !== undefined && type.getProperty('dispose') !== undefined;
  } catch {
    return false;
  }
}

/** A finding at the connect call, with the data every ownership message uses plus `extra`. */
export function connectFinding(
  rule: string,
  messageId: string,
  match: MatchedConnect,
  owner: Ownership,
  extra: Record<string, string>,
  suggestions: FindingSuggestion[],
): Finding {
  const { call, site } = match;
  return {
    rule,
    messageId,
    data: {
      signal: signalText(site),
      emitter: site.emitter.getText(),
      type: typeText(site),
      origin: originText(owner),
      fix: fixText(match),
      ...extra,
    },
    start: call.getStart(),
    end: call.getEnd(),
    suggestions,
  };
}
