// A mistake in how slotguard was called or configured: exit code 2, and a message that says what
// was wrong and what to do, never a stack trace.
export class UsageError extends Error {
  override readonly name = 'UsageError';
  readonly exitCode = 2;
}
