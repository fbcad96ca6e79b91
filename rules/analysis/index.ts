// The analysis core's single entry, used by both front doors: the ESLint rules (through
// typescript-eslint's program) and the `slotguard check` CLI (through a ts-morph Project).
//
//   const context = createAnalysisContext(programOrProject, { presets, strict });  // memoized per program
//   const file = context.sourceFile(fileNameOrTsSourceFile);                        // wrapped once per file
//   const findings = findDroppedEmitters(file, context);                            // offsets in file text
//
// See docs/analysis.md.
export { createAnalysisContext } from './context.js';
export type { AnalysisContext, AnalysisOptions, AnyProgram } from './context.js';
export type { Finding, FindingSuggestion, TextEdit } from './finding.js';
export type { ConnectSite, EmitterModel, EndSite, HandleKind, ModelEnv, OwnershipSite } from './emitter-model.js';
export { builtInPresets, defaultPresets, resolvePresets } from './presets/index.js';
export { findDroppedEmitters, droppedEmitterRule, explainDroppedEmitters } from './dropped-emitters.js';
export type { DroppedEmitterMessageId, Unjudged } from './dropped-emitters.js';
export type { Lifetime } from './lifetime.js';
export type { ReferenceEffect } from './reference-effect.js';
export { summarize } from './function-summary.js';
export type { CallerConstraint, FunctionSummary } from './function-summary.js';
export { fileMayConnect } from './relevance.js';
export { findUnboundClosureSlots } from './unbound-closure-slots.js';
export type { UnboundClosureSlotOptions } from './unbound-closure-slots.js';
export { findIgnoredConnections } from './ignored-connections.js';
export type { IgnoredConnectionOptions } from './ignored-connections.js';
export type { OncePolicy } from './connection-fate.js';
export { OwnershipAnalysis } from './ownership.js';
export type { Ownership, OwnedReason, ForeignReason } from './ownership.js';
export type { DeclaredModelSpec } from './presets/declared.js';
