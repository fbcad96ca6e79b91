// The registry of emitter models by preset name. Adding a preset = one file in this folder and
// one entry below; `settings.slotguard.presets` selects them (default: ['slotguard']).
import type { EmitterModel } from '../emitter-model.js';
import { declaredModel, parseDeclaredModel } from './declared.js';
import { domModel } from './dom.js';
import { gobjectModel } from './gobject.js';
import { nodeEventsModel } from './node-events.js';
import { slotguardModel } from './slotguard.js';

export const builtInPresets: ReadonlyMap<string, EmitterModel> = new Map<string, EmitterModel>(
  [slotguardModel, nodeEventsModel, domModel, gobjectModel].map((model) => [model.name, model]),
);

export const defaultPresets: readonly string[] = ['slotguard'];

/**
 * Resolves `settings.slotguard.presets` into models. A name must be a built-in preset; an object
 * must already be an EmitterModel (user-declared models are built by the preset that parses them).
 * Anything else is a configuration error with a message that says how to fix it.
 */
export function resolvePresets(presets: readonly unknown[] | undefined): EmitterModel[] {
  const requested = presets ?? defaultPresets;
  if (!Array.isArray(requested)) {
    throw new Error(`slotguard: settings.slotguard.presets must be an array of preset names (for example ['slotguard']); got ${JSON.stringify(requested)}.`);
  }
  return requested.map((entry: unknown) => {
    if (typeof entry === 'string') {
      const model = builtInPresets.get(entry);
      if (model === undefined) {
        throw new Error(
          `slotguard: unknown preset "${entry}" in settings.slotguard.presets. Known presets: ${[...builtInPresets.keys()].join(', ')}.`,
        );
      }
      return model;
    }
    if (isEmitterModel(entry)) return entry;
    // A plain object declares a model by method names and handle kind (docs/presets.md).
    if (typeof entry === 'object' && entry !== null) return declaredModel(parseDeclaredModel(entry, requested.indexOf(entry)));
    throw new Error(
      `slotguard: settings.slotguard.presets entries must be preset names (${[...builtInPresets.keys()].join(', ')}); got ${JSON.stringify(entry)}.`,
    );
  });
}

function isEmitterModel(value: unknown): value is EmitterModel {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Partial<EmitterModel>;
  return typeof candidate.name === 'string' && typeof candidate.matchConnect === 'function' && typeof candidate.matchEnd === 'function';
}
