// The live connection count never wraps. Its inline part (on the list head's flags) is limited;
// connections above the limit are counted aside. The limit is lowered here through the internal
// seam, so the side table is reached without millions of connections (this file runs in its own
// process, so no other test sees the lowered limit).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inlineCountLimit, setInlineCountLimit } from '../../src/core/connection-count.js';
import { Signal, SignalObject } from '../../src/index.js';

class Owner extends SignalObject {
  readonly changed = new Signal<[number]>(this, 'changed');
}

test('the real limit keeps the flags a small integer and is far below where the old count wrapped', () => {
  assert.ok(inlineCountLimit() >= 2 ** 20, 'at least a million connections inline');
  assert.ok(((inlineCountLimit() << 8) | 255) < 2 ** 30, 'flags stay below 2^30 (an unboxed small integer in V8)');
});

test('above the inline limit the count goes on, and comes back down, exactly', () => {
  setInlineCountLimit(3);
  try {
    const owner = new Owner();
    const calls: number[] = [];
    const connections = Array.from({ length: 10 }, (_, k) => owner.changed.connect(() => calls.push(k)));
    assert.equal(owner.changed.connectionCount, 10);
    // End some from the middle, the head (its state moves to the next head) and the tail.
    for (const k of [4, 0, 9, 5]) connections[k]?.disconnect();
    assert.equal(owner.changed.connectionCount, 6);
    owner.changed.emit(1);
    assert.deepEqual(calls, [1, 2, 3, 6, 7, 8]);
    // During an emission ended connections stay linked until it returns; the count does not wait.
    owner.changed.connect(() => {
      for (const c of connections) c.disconnect();
      assert.equal(owner.changed.connectionCount, 1);
    });
    owner.changed.emit(2);
    assert.equal(owner.changed.connectionCount, 1);
    const more = Array.from({ length: 5 }, () => owner.changed.connect(() => {}));
    assert.equal(owner.changed.connectionCount, 6);
    assert.equal(owner.changed.disconnect(), 6);
    assert.equal(owner.changed.connectionCount, 0);
    assert.equal(more.every((c) => !c.connected), true);
    owner.changed.connect(() => {});
    assert.equal(owner.changed.connectionCount, 1);
    owner.dispose();
    assert.equal(owner.changed.connectionCount, 0);
  } finally {
    setInlineCountLimit(undefined);
  }
});
