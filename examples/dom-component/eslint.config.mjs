// A browser project: slotguard's rules with the `dom` emitter model added to the default one.
import slotguard from 'slotguard/eslint-plugin';

export default [
  slotguard.configs.recommended,
  { settings: { slotguard: { presets: ['slotguard', 'dom'] } } },
];
