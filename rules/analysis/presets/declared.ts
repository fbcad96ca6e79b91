// User-declared emitter models: `settings.slotguard.presets` entries that are plain objects naming
// the methods of an in-house emitter API and what its connect returns. See docs/presets.md.
import { Node, type Expression, type Type } from 'ts-morph';
import type { ConnectSite, EmitterModel, EndSite, HandleKind } from '../emitter-model.js';
import { methodCallOn } from './method-calls.js';
import { typeChainHasName } from './type-names.js';

/** The JSON shape of a declared model. */
export interface DeclaredModelSpec {
  /** Shown in messages and used as the preset's name. */
  name: string;
  /** Methods that connect: `['subscribe']`, `['on', 'once']`. */
  connect: string[];
  /** What connecting returns: a Connection-like object, a disposer function, an id, or nothing. */
  handle: HandleKind;
  /** Methods on the emitter that end one connection or one event: `unsubscribe(id)`, `off('x', fn)`. */
  disconnect?: string[];
  /** Methods on the emitter that end all its connections: `clear()`, `dispose()`. */
  disposeMethods?: string[];
  /** Connect methods that end after one delivery (judged by the rules' `once` option). */
  once?: string[];
  /**
   * Class or interface names (anywhere up the chain) whose values are emitters. Without it, a
   * receiver is an emitter when its type has one of the `connect` and one of the `disconnect` methods.
   */
  types?: string[];
}

const HANDLE_KINDS: readonly HandleKind[] = ['connection', 'disposer', 'id', 'none'];

function isNameList(value: unknown): value is string[] {
  return Array.isArray(value) && value.every((entry) => typeof entry === 'string' && entry.length > 0);
}

/** Checks a settings entry and explains what is wrong and how to write it. */
export function parseDeclaredModel(entry: unknown, index: number): DeclaredModelSpec {
  const where = `settings.slotguard.presets[${index}]`;
  const example = `{ name: 'bus', connect: ['subscribe'], disconnect: ['unsubscribe'], handle: 'id', types: ['EventBus'] }`;
  if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
    throw new Error(`slotguard: ${where} must be a preset name or a declared emitter model such as ${example}; got ${JSON.stringify(entry)}.`);
  }
  const spec = entry as Record<string, unknown>;
  const problems: string[] = [];
  if (typeof spec.name !== 'string' || spec.name.length === 0) problems.push('`name` must be a non-empty string');
  if (!isNameList(spec.connect) || spec.connect.length === 0) problems.push('`connect` must be a non-empty array of method names');
  if (typeof spec.handle !== 'string' || !HANDLE_KINDS.includes(spec.handle as HandleKind)) problems.push(`\`handle\` must be one of ${HANDLE_KINDS.join(', ')}`);
  for (const key of ['disconnect', 'disposeMethods', 'once', 'types'] as const) {
    if (spec[key] !== undefined && !isNameList(spec[key])) problems.push(`\`${key}\`, when given, must be an array of names`);
  }
  const known = new Set(['name', 'connect', 'handle', 'disconnect', 'disposeMethods', 'once', 'types']);
  const unknownKeys = Object.keys(spec).filter((key) => !known.has(key));
  if (unknownKeys.length > 0) problems.push(`unknown key(s) ${unknownKeys.map((key) => `\`${key}\``).join(', ')}`);
  if (spec.types === undefined && !isNameList(spec.disconnect)) problems.push('give `types`, or `disconnect` methods to recognise emitters by shape');
  if (problems.length > 0) {
    throw new Error(`slotguard: ${where} is not a valid emitter model: ${problems.join('; ')}. Example: ${example}.`);
  }
  return spec as unknown as DeclaredModelSpec;
}

function literalName(argument: Node | undefined): string | undefined {
  if (argument === undefined) return undefined;
  return Node.isStringLiteral(argument) || Node.isNoSubstitutionTemplateLiteral(argument) ? argument.getLiteralValue() : undefined;
}

/** Builds the EmitterModel a declared spec describes. */
export function declaredModel(spec: DeclaredModelSpec): EmitterModel {
  const connect = new Set(spec.connect);
  const disconnect = new Set(spec.disconnect ?? []);
  const dispose = new Set(spec.disposeMethods ?? []);
  const once = new Set(spec.once ?? []);
  const types = spec.types ?? [];

  const isEmitter = (type: Type): boolean => {
    if (type.isAny() || type.isUnknown()) return false;
    if (types.length > 0) return types.some((name) => typeChainHasName(type, name));
    const has = (names: Iterable<string>): boolean => [...names].some((name) => type.getProperty(name) !== undefined);
    return has(connect) && has(disconnect);
  };
  const ends = new Set([...disconnect, ...dispose]);

  return {
    name: spec.name,
    connectMethodNames: [...connect],
    isEmitterType: isEmitter,

    matchConnect(call) {
      const method = methodCallOn(call, connect, isEmitter);
      if (method === undefined) return undefined;
      const args = call.getArguments();
      const event = literalName(args[0]);
      const slot = event === undefined ? args[0] : args[1];
      const site: ConnectSite = { emitter: method.object, signal: event ?? '', handle: spec.handle, once: once.has(method.name) };
      if (slot !== undefined) site.slot = slot as Expression;
      return site;
    },

    matchEnd(call): EndSite | undefined {
      const method = methodCallOn(call, ends, isEmitter);
      if (method === undefined) return undefined;
      if (dispose.has(method.name)) return { kind: 'dispose', emitter: method.object };
      if (!disconnect.has(method.name)) return undefined;
      const [first] = call.getArguments();
      if (spec.handle === 'id' || spec.handle === 'connection') return first === undefined ? undefined : { kind: 'disconnect-handle', handle: first as Expression };
      return { kind: 'disconnect-signal', emitter: method.object, signal: literalName(first) ?? '' };
    },

    matchOwnership() {
      return [];
    },
  };
}
