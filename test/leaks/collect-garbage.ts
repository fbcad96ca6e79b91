// Deterministic waiting for finalizers (tests run under --expose-gc): collect, give the event
// loop a turn so FinalizationRegistry callbacks run, and stop as soon as `done` holds (bounded).
import assert from 'node:assert/strict';

const gc = (globalThis as { gc?: () => void }).gc;

export async function collectGarbage(done: () => boolean = () => false, rounds = 20): Promise<void> {
  assert.ok(gc, 'run the leak tests with node --expose-gc');
  for (let round = 0; round < rounds; round += 1) {
    gc();
    await new Promise((resolve) => setImmediate(resolve));
    if (done()) return;
  }
}

const finalized = new WeakSet<object>();
const witnesses = new FinalizationRegistry<object>((token) => finalized.add(token));

/**
 * A condition for collectGarbage that never touches `target` (reading a WeakRef would keep it
 * alive through the next collection): true once the target was finalized.
 */
export function collectedOf(target: object): () => boolean {
  const token = {};
  witnesses.register(target, token);
  return () => finalized.has(token);
}
