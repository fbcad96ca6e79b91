// `no-ignored-connection`: the handle of a connection to an emitter that is not owned (a
// parameter, an injected service, a module singleton, a global) is discarded and nothing else ends
// the connection, so it lives as long as the emitter. Reported at the connect call.
import type { SourceFile } from 'ts-morph';
import { connectFinding, findAtConnects, ownershipFor } from './connect-sites.js';
import { connectionFate, DEFAULT_ONCE, lifetimeScope, type OncePolicy } from './connection-fate.js';
import { lifecyclePathsAt } from './lifecycle-pairs.js';
import type { AnalysisContext } from './context.js';
import type { HandleKind } from './emitter-model.js';
import type { Finding } from './finding.js';
import type { ForeignReason } from './ownership.js';
import { trackSuggestion, unboundClosureOf } from './unbound-closure-slots.js';

export const ignoredConnectionMessages = {
  ignoredConnection:
    '{{what}} `{{signal}}` of `{{emitter}}` ({{type}}), {{origin}}, is dropped, and nothing ends the connection: it lives as long as `{{emitter}}` does, with everything its slot holds. {{fix}}',
  trackConnection: 'Pass the Connection to `this.track(…)`, so it ends when this object is disposed.',
} as const;

export interface IgnoredConnectionOptions {
  /** How `{ once: true }` connections (and `once(…)` methods) are judged (default `'allow'`). */
  readonly once?: OncePolicy;
}

const WHAT: Record<HandleKind, string> = {
  connection: 'The Connection returned by connecting to',
  disposer: 'The disposer returned by subscribing to',
  id: 'The handler id returned by connecting to',
  none: 'The listener added to',
};

/**
 * Outside a class, globals (`process`, `window`, GJS `global`) are left alone: a plain function that
 * connects to them is, in practice, process-level setup (`main`, an error handler) run once
 * (precision over recall). Parameters, module singletons and what is reached through them count.
 */
const REPORTED_OUTSIDE_CLASSES: ReadonlySet<ForeignReason> = new Set(['parameter', 'through-other', 'module', 'injected', 'parent']);

export function findIgnoredConnections(file: SourceFile, context: AnalysisContext, options: IgnoredConnectionOptions = {}): Finding[] {
  const ownership = ownershipFor(context);
  const once = options.once ?? DEFAULT_ONCE;
  return findAtConnects(file, context, (match) => {
    const { call, site } = match;
    if (site.receiver !== undefined) return undefined;
    // One finding per connect call: a closure keeping `this` is no-unbound-closure-slot's finding.
    if (unboundClosureOf(match, context, once) !== undefined) return undefined;
    const { cls, scope } = lifetimeScope(call);
    if (scope === undefined) return undefined; // module top level: wired once, for the program's life
    const owner = ownership.ownershipOf(site.emitter);
    if (owner.kind !== 'foreign') return undefined;
    // …unless a lifecycle pair says the function is an up path (module-level `enable()`).
    if (cls === undefined && !REPORTED_OUTSIDE_CLASSES.has(owner.reason) && lifecyclePathsAt(context, call) === undefined) return undefined;
    if (connectionFate(match, context, once).ended) return undefined;
    const track = cls === undefined ? undefined : trackSuggestion(match, cls);
    return connectFinding('no-ignored-connection', 'ignoredConnection', match, owner, { what: WHAT[site.handle] }, track === undefined ? [] : [track]);
  });
}
