// A GNOME Shell extension: slotguard's rules with the `gobject` emitter model.
import slotguard from 'slotguard/eslint-plugin';

export default [
  slotguard.configs.recommended,
  { settings: { slotguard: { presets: ['gobject'] } } },
];
