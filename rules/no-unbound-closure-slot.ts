// slotguard/no-unbound-closure-slot: a closure that keeps `this` alive connected to an emitter
// `this` does not own, with nothing that ends the connection. docs/rules/no-unbound-closure-slot.md
import { findUnboundClosureSlots } from './analysis/index.js';
import { unboundClosureSlotMessages } from './analysis/unbound-closure-slots.js';
import { createOwnershipRule } from './ownership-rule.js';

export const name = 'no-unbound-closure-slot';
export const messages = unboundClosureSlotMessages;

export const rule = createOwnershipRule({
  name,
  description: 'Disallow connecting a closure that keeps `this` alive to an emitter `this` does not own, with nothing that ends the connection',
  messages,
  find: findUnboundClosureSlots,
});

export default rule;
