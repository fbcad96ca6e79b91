// slotguard/no-ignored-connection: the handle of a connection to an emitter that is not owned is
// discarded and nothing ends the connection. docs/rules/no-ignored-connection.md
import { findIgnoredConnections } from './analysis/index.js';
import { ignoredConnectionMessages } from './analysis/ignored-connections.js';
import { createOwnershipRule } from './ownership-rule.js';

export const name = 'no-ignored-connection';
export const messages = ignoredConnectionMessages;

export const rule = createOwnershipRule({
  name,
  description: 'Disallow discarding the handle of a connection to an emitter that outlives the code that connects',
  messages,
  find: findIgnoredConnections,
});

export default rule;
